package org.sencrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Pages run only scripts from our own files: the Content-Security-Policy has no 'unsafe-inline'
 * for scripts, and no template needs it (no inline script, event handler or javascript: link).
 */
@IntegrationTest
class ContentSecurityPolicyTest {

	private static final Pattern INLINE_HANDLER = Pattern.compile("\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
	private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bth:src=|[^>]*\\bsrc=)[^>]*>",
			Pattern.CASE_INSENSITIVE);

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Test
	void pagesForbidInlineScriptsFramingPluginsAndForeignFormTargets() throws Exception {
		for (var path : List.of("/login", "/swagger-ui/index.html")) {
			var policy = directives(get(path).headers().firstValue("Content-Security-Policy").orElseThrow());

			assertThat(policy.get("script-src")).as(path).isEqualTo("'self'");
			assertThat(policy.get("frame-ancestors")).isEqualTo("'none'");
			assertThat(policy.get("object-src")).isEqualTo("'none'");
			assertThat(policy.get("base-uri")).isEqualTo("'self'");
			assertThat(policy.get("form-action")).isEqualTo("'self'");
		}
	}

	@Test
	void swaggerUiLoadsItsScriptsFromFiles() throws Exception {
		var page = get("/swagger-ui/index.html");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("swagger-initializer.js");
		assertThat(INLINE_SCRIPT.matcher(page.body()).find()).isFalse();
	}

	@Test
	void noTemplateHasInlineScriptsEventHandlersOrJavascriptLinks() throws IOException {
		try (var files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (var file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				var text = Files.readString(file);
				assertThat(INLINE_SCRIPT.matcher(text).find()).as(file + " has an inline <script>").isFalse();
				assertThat(INLINE_HANDLER.matcher(text).find()).as(file + " has an on… event handler").isFalse();
				assertThat(text.toLowerCase()).as(file.toString()).doesNotContain("javascript:").doesNotContain("hx-on");
			}
		}
	}

	@Test
	void signedInPagesCarryThePolicyToo() {
		var member = workspaces.create().member(Role.SALES);
		var page = org.sencrm.support.WebSession.signedIn(port, member.email()).get("/persons");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html().selectFirst("meta[name=htmx-config]").attr("content")).contains("\"includeIndicatorStyles\": false");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static Map<String, String> directives(String policy) {
		return Arrays.stream(policy.split(";")).map(String::strip).filter(d -> !d.isEmpty())
				.collect(Collectors.toMap(d -> d.split("\\s+", 2)[0], d -> d.split("\\s+", 2).length > 1 ? d.split("\\s+", 2)[1] : ""));
	}
}
