package org.sencrm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jsoup.Jsoup;

/** The web UI as a browser sees it: signed in through the sign-in form, with the session cookie. */
final class WebPages {

	record Page(int status, String location, long nanos) {
	}

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10)).build();
	private final String base;

	WebPages(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	void signIn(String email, String password) {
		var form = Jsoup.parse(new String(send(request("/login").GET()).body(), StandardCharsets.UTF_8));
		var csrf = form.selectFirst("form.login-form input[name=_csrf]");
		var body = "email=" + encode(email) + "&password=" + encode(password)
				+ (csrf == null ? "" : "&_csrf=" + encode(csrf.attr("value")));
		var response = send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
		var location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302 || location.contains("/login")) {
			throw new IllegalStateException("Web sign-in failed: " + response.statusCode() + " " + location);
		}
	}

	/** Times a page from sending the request to having read the whole HTML. */
	Page get(String path) {
		var started = System.nanoTime();
		var response = send(request(path).GET());
		return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
				System.nanoTime() - started);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).header("Accept", "text/html");
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder request) {
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}
}
