package org.sencrm.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the REST API, so tests see exactly what an outside client sees. */
public final class Api {

	public record Response(int status, JsonNode body, java.net.http.HttpHeaders headers) {
		public String header(String name) {
			return headers.firstValue(name).orElse(null);
		}
	}

	private static final HttpClient http = HttpClient.newHttpClient();
	private static final JsonMapper json = JsonMapper.builder().build();
	private final String base;
	private final String token;
	private final List<String> extraHeaders;

	public Api(int port, String token) {
		this("http://localhost:" + port, token, List.of());
	}

	private Api(String base, String token, List<String> extraHeaders) {
		this.base = base;
		this.token = token;
		this.extraHeaders = extraHeaders;
	}

	public Api header(String name, String value) {
		var headers = new ArrayList<>(extraHeaders);
		headers.add(name);
		headers.add(value);
		return new Api(base, token, headers);
	}

	public Response get(String path) {
		return send("GET", path, null, null);
	}

	public Response post(String path, Object body) {
		return send("POST", path, body, "application/json");
	}

	public Response patch(String path, Object body) {
		return send("PATCH", path, body, "application/merge-patch+json");
	}

	public Response put(String path, Object body) {
		return send("PUT", path, body, "application/json");
	}

	public Response delete(String path) {
		return send("DELETE", path, null, null);
	}

	public Response send(String method, String path, Object body, String contentType) {
		var request = HttpRequest.newBuilder(URI.create(base + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		for (int i = 0; i < extraHeaders.size(); i += 2) {
			request.header(extraHeaders.get(i), extraHeaders.get(i + 1));
		}
		if (body != null) {
			request.header("Content-Type", contentType);
			var text = body instanceof String s ? s : json.writeValueAsString(body);
			request.method(method, HttpRequest.BodyPublishers.ofString(text));
		} else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			var text = response.body();
			var node = text == null || text.isBlank() ? json.nullNode() : readOrText(text);
			return new Response(response.statusCode(), node, response.headers());
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static JsonNode readOrText(String text) {
		try {
			return json.readTree(text);
		} catch (RuntimeException notJson) {
			return json.getNodeFactory().textNode(text);
		}
	}
}
