package org.sencrm.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The benchmark's HTTP client for the REST API on 127.0.0.1, HTTP/1.1 with keep-alive, as an outside client. */
final class Http {

	record Response(int status, JsonNode body, long nanos) {
	}

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10)).build();
	private final JsonMapper json = JsonMapper.builder().build();
	private final String base;
	private volatile String token;

	Http(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	void token(String token) {
		this.token = token;
	}

	/** The API token in use, for a client of another kind (a file download). */
	String token() {
		return token;
	}

	Response get(String pathAndQuery) {
		return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET());
	}

	Response post(String path, Object body) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
	}

	/** Posts a text body of the given type, waiting up to {@code timeout} for the answer (long-running imports). */
	Response post(String path, String contentType, String body, Duration timeout) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
				.POST(HttpRequest.BodyPublishers.ofString(body)).timeout(timeout));
	}

	/** Sends and times the round trip on loopback: from sending the request to having read the whole response. */
	private Response send(HttpRequest.Builder request) {
		if (!request.build().timeout().isPresent()) {
			request.timeout(Duration.ofSeconds(60));
		}
		request.header("Accept", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			var started = System.nanoTime();
			var response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			var nanos = System.nanoTime() - started;
			var body = response.body().length == 0 ? json.nullNode() : json.readTree(response.body());
			return new Response(response.statusCode(), body, nanos);
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	Response expect(int status, Response response, String what) {
		if (response.status() != status) {
			throw new IllegalStateException(what + " answered " + response.status() + ": " + response.body());
		}
		return response;
	}
}
