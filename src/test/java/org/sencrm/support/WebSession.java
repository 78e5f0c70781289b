package org.sencrm.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;

/**
 * A browser without a screen, for page tests: keeps cookies (the session), does not follow
 * redirects (tests look at them), and submits forms as they are on the page (hidden fields and
 * the CSRF token included) with some fields filled in.
 */
public final class WebSession {

	/** A page as received: the path asked for, status, where a redirect points, and the parsed HTML. */
	public record Page(String path, int status, String location, String contentType, Document html) {

		public String text(String selector) {
			var element = html.selectFirst(selector);
			return element == null ? null : element.text();
		}

		public boolean has(String selector) {
			return html.selectFirst(selector) != null;
		}
	}

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build();
	private final String base;
	private final String language;

	public WebSession(int port, String language) {
		this.base = "http://localhost:" + port;
		this.language = language;
	}

	/** A session signed in through the real sign-in form, reading pages in English. */
	public static WebSession signedIn(int port, String email) {
		var session = new WebSession(port, "en");
		var done = session.submit(session.get("/login"), "form.login-form", Map.of("email", email, "password", TestWorkspaces.PASSWORD));
		if (done.status() != 302 || done.location().contains("/login")) {
			throw new IllegalStateException("Sign-in failed for " + email + ": " + done.status() + " " + done.location());
		}
		return session;
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	/** A GET as from a link on another page: {@code referer} is a path on this site or a whole URL. */
	public Page get(String path, String referer) {
		var from = referer.startsWith("http") ? referer : base + referer;
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Referer", from).GET());
	}

	/** A link to a file followed as a browser does (it accepts anything, HTML first): the answer, a page or not. */
	public Page download(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), "text/html,application/xhtml+xml,*/*;q=0.8");
	}

	/** The body of a non-HTML answer (a CSV export). */
	public String getText(String path) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language).GET().build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Follows one redirect. */
	public Page follow(Page redirect) {
		var location = redirect.location();
		return get(location.startsWith("http") ? URI.create(location).getRawPath() + query(URI.create(location)) : location);
	}

	/** Submits the form found by {@code selector}: its own fields, with {@code values} replacing or adding some. */
	public Page submit(Page page, String selector, Map<String, String> values) {
		var multi = new LinkedHashMap<String, List<String>>();
		values.forEach((name, value) -> multi.put(name, value == null ? List.of() : List.of(value)));
		return submitAll(page, selector, multi);
	}

	/** As {@link #submit}, with several values per field (checkbox groups). */
	public Page submitAll(Page page, String selector, Map<String, List<String>> values) {
		var form = (FormElement) page.html().selectFirst(selector);
		if (form == null) {
			throw new IllegalArgumentException("No form " + selector + " on the page");
		}
		// a browser never sends the rows kept in <template>s for adding more; jsoup would
		form.select("template input, template select, template textarea").attr("disabled", "disabled");
		var fields = new ArrayList<Map.Entry<String, String>>();
		// jsoup sends "on" for a ticked box or radio whose value is empty; a browser sends the empty value
		form.select("input[type=radio][checked], input[type=checkbox][checked]").stream()
				.filter(box -> box.hasAttr("value") && box.attr("value").isEmpty()).forEach(box -> {
					box.removeAttr("checked");
					if (!values.containsKey(box.attr("name"))) {
						fields.add(Map.entry(box.attr("name"), ""));
					}
				});
		form.formData().forEach(kv -> {
			if (!values.containsKey(kv.key())) {
				fields.add(Map.entry(kv.key(), kv.value()));
			}
		});
		values.forEach((name, list) -> list.forEach(value -> fields.add(Map.entry(name, value))));
		return post(form.attr("action"), fields);
	}

	/** A file chosen in a form's file input. */
	public record Upload(String field, String fileName, String contentType, byte[] content) {
	}

	/**
	 * Submits a multipart form (enctype multipart/form-data) found by {@code selector}: its own
	 * fields, {@code values} replacing or adding some, and the files chosen in its file inputs.
	 */
	public Page submitWithFiles(Page page, String selector, Map<String, String> values, List<Upload> files) {
		var form = (FormElement) page.html().selectFirst(selector);
		if (form == null) {
			throw new IllegalArgumentException("No form " + selector + " on the page");
		}
		var fields = new ArrayList<Map.Entry<String, String>>();
		var fileInputs = form.select("input[type=file]").eachAttr("name");
		form.formData().forEach(kv -> {
			if (!values.containsKey(kv.key()) && !fileInputs.contains(kv.key())) {
				fields.add(Map.entry(kv.key(), kv.value()));
			}
		});
		values.forEach((name, value) -> fields.add(Map.entry(name, value)));
		var boundary = "----sen-test-" + System.nanoTime();
		var body = new java.io.ByteArrayOutputStream();
		for (var field : fields) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
					+ field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		for (var file : files) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field() + "\"; filename=\""
					+ file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.writeBytes(file.content());
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(base + form.attr("action")))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	public Page post(String path, List<Map.Entry<String, String>> fields) {
		var body = fields.stream().map(f -> encode(f.getKey()) + "=" + encode(f.getValue())).collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private Page send(HttpRequest.Builder request) {
		return send(request, "text/html");
	}

	private Page send(HttpRequest.Builder request, String accept) {
		request.header("Accept", accept).header("Accept-Language", language);
		try {
			var built = request.build();
			var response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Page(built.uri().getRawPath() + query(built.uri()), response.statusCode(), response.headers().firstValue("Location").orElse(null),
					response.headers().firstValue("Content-Type").orElse(""), Jsoup.parse(response.body(), base));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String query(URI uri) {
		return uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}
}
