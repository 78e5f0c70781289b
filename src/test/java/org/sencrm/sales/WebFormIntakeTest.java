package org.sencrm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestClock;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The public web form intake: no sign-in, JSON or form-encoded, honeypot, rate limit, consent, CORS. */
@IntegrationTest
class WebFormIntakeTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	Api admin;
	Api anonymous;
	String key;

	@BeforeEach
	void setUp() {
		var workspace = workspaces.create();
		admin = new Api(port, workspace.member(Role.ADMIN).token());
		anonymous = new Api(port, null);
		var form = admin.post("/api/v1/web-forms", Map.of("name", "Đăng ký tư vấn",
				"fields", List.of(Map.of("name", "givenName", "required", true), Map.of("name", "familyName", "required", false),
						Map.of("name", "email", "required", true), Map.of("name", "phone", "required", false),
						Map.of("name", "companyName", "required", false), Map.of("name", "message", "required", false)),
				"consentText", "Tôi đồng ý nhận email giới thiệu sản phẩm.", "consentChannels", List.of("email"),
				"defaultCampaign", "Xuân 2026", "allowedOrigins", List.of("https://shop.example.vn"), "language", "vi"));
		assertThat(form.status()).isEqualTo(201);
		key = form.body().get("key").asString();
		assertThat(key).startsWith("wf_").hasSize(59);
		assertThat(form.body().get("snippet").asString()).contains("/api/v1/public/forms/" + key).contains("name=\"website\"")
				.contains("name=\"email\"").contains("Tôi đồng ý nhận email");
	}

	@Test
	void aJsonPostWithoutSignInCreatesALeadWithTheFormsSourceCampaignAndConsent() {
		var sent = anonymous.post("/api/v1/public/forms/" + key, Map.of("givenName", "An", "familyName", "Nguyễn",
				"email", "An.Nguyen@Example.vn", "phone", "090 123 4567", "companyName", "Công ty Hoa Sen", "consent", true,
				"taxCode", "0101234567"));

		assertThat(sent.status()).isEqualTo(201);
		assertThat(sent.body().get("received").asBoolean()).isTrue();
		var lead = onlyLead();
		assertThat(lead.get("email").asString()).isEqualTo("an.nguyen@example.vn");
		assertThat(lead.get("phone").asString()).isEqualTo("+84901234567");
		assertThat(lead.get("source").asString()).isEqualTo("web_form");
		assertThat(lead.get("campaign").asString()).isEqualTo("Xuân 2026");
		assertThat(lead.get("status").asString()).isEqualTo("new");
		assertThat(lead.get("consents").get("email").get("status").asString()).isEqualTo("granted");
		assertThat(lead.get("consents").get("email").get("method").asString()).isEqualTo("web_form");
		assertThat(lead.get("consents").get("email").get("note").asString()).isEqualTo("Đăng ký tư vấn");
		assertThat(lead.get("consents").get("email").get("at").asString()).isNotBlank();
		assertThat(lead.get("consentText").asString()).isEqualTo("Tôi đồng ý nhận email giới thiệu sản phẩm.");
		assertThat(lead.get("webFormId").asString()).isNotBlank();
		assertThat(lead.has("taxCode")).as("the form does not ask for a tax code").isFalse();
		var history = admin.get("/api/v1/leads/" + lead.get("id").asString() + "/history").body();
		assertThat(history.get(0).get("actorName").asString()).isEqualTo("Đăng ký tư vấn");
	}

	@Test
	void aFormEncodedPostFromABrowserCreatesALeadAndShowsTheThankYouPage() {
		var sent = anonymous.header("Accept", "text/html").send("POST", "/api/v1/public/forms/" + key,
				"givenName=B%C3%ACnh&email=binh%40example.vn&message=C%E1%BA%A7n+b%C3%A1o+gi%C3%A1&consent=on&campaign=Hội+chợ",
				"application/x-www-form-urlencoded");

		assertThat(sent.status()).isEqualTo(200);
		assertThat(sent.header("Content-Type")).startsWith("text/html");
		assertThat(sent.body().asString()).contains("Cảm ơn bạn");
		var lead = onlyLead();
		assertThat(lead.get("givenName").asString()).isEqualTo("Bình");
		assertThat(lead.get("message").asString()).isEqualTo("Cần báo giá");
		assertThat(lead.get("campaign").asString()).isEqualTo("Hội chợ");
		assertThat(lead.get("consents").get("email").get("status").asString()).isEqualTo("granted");
	}

	@Test
	void aFormEncodedPostFromTheScriptGetsJson() {
		var sent = anonymous.header("Accept", "application/json").send("POST", "/api/v1/public/forms/" + key,
				"givenName=Chi&email=chi%40example.vn", "application/x-www-form-urlencoded");

		assertThat(sent.status()).isEqualTo(201);
		assertThat(sent.body().get("message").asString()).contains("Cảm ơn bạn");
		assertThat(onlyLead().has("consents") && onlyLead().get("consents").has("email")).as("the box was not ticked").isFalse();
	}

	@Test
	void aFilledHoneypotIsThankedLikeAnyoneButLeavesNoLead() {
		var robot = anonymous.post("/api/v1/public/forms/" + key, Map.of("givenName", "Bot", "email", "bot@spam.example",
				"website", "http://spam.example"));
		var person = anonymous.post("/api/v1/public/forms/" + key, Map.of("givenName", "Dung", "email", "dung@example.vn"));

		assertThat(robot.status()).isEqualTo(person.status()).isEqualTo(201);
		assertThat(robot.body()).isEqualTo(person.body());
		var leads = admin.get("/api/v1/leads").body().get("items");
		assertThat(leads.size()).isEqualTo(1);
		assertThat(leads.get(0).get("email").asString()).isEqualTo("dung@example.vn");
	}

	@Test
	void tooManySubmissionsFromOneAddressAreRefusedWith429UntilTheNextMinute(@Autowired TestClock clock) {
		// the limit counts per minute window: with the clock stopped, all six posts fall into one
		clock.stopAt(Instant.now());
		for (int i = 0; i < 5; i++) {
			assertThat(anonymous.post("/api/v1/public/forms/" + key, Map.of("givenName", "Khách " + i, "email", i + "@example.vn"))
					.status()).isEqualTo(201);
		}

		var refused = anonymous.post("/api/v1/public/forms/" + key, Map.of("givenName", "Khách 6", "email", "6@example.vn"));

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.body().get("code").asString()).isEqualTo("error.rate-limited");
		assertThat(refused.header("Retry-After")).isEqualTo("60");
		assertThat(admin.get("/api/v1/leads").body().get("items").size()).isEqualTo(5);
		clock.advance(Duration.ofMinutes(1));
		var nextMinute = anonymous.post("/api/v1/public/forms/" + key, Map.of("givenName", "Khách 7", "email", "7@example.vn"));
		assertThat(nextMinute.status()).isEqualTo(201);
	}

	@AfterEach
	void clockRunsAgain(@Autowired TestClock clock) {
		clock.reset();
	}

	@Test
	void anUnknownKeyIsNotFound() {
		var unknown = anonymous.post("/api/v1/public/forms/wf_0000", Map.of("email", "a@example.vn"));
		var wellFormedButWrong = anonymous.post("/api/v1/public/forms/" + key.substring(0, key.length() - 4) + "AAAA",
				Map.of("email", "a@example.vn"));

		assertThat(unknown.status()).isEqualTo(404);
		assertThat(wellFormedButWrong.status()).isEqualTo(404);
		assertThat(wellFormedButWrong.body().get("code").asString()).isEqualTo("error.not-found");
	}

	@Test
	void missingAndInvalidFieldsAreNamedInTheProblem() {
		var invalid = anonymous.post("/api/v1/public/forms/" + key, Map.of("email", "not-an-email", "phone", "12"));

		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.body().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
				.contains("givenName", "email", "phone");
		assertThat(admin.get("/api/v1/leads").body().get("items").size()).isZero();
	}

	@Test
	void aRequiredConsentMustBeTicked() {
		var form = admin.get("/api/v1/leads").body();
		assertThat(form.get("items").size()).isZero();
		var id = admin.get("/api/v1/web-forms").body().get("items").get(0).get("id").asString();
		var current = admin.get("/api/v1/web-forms/" + id).body();
		var changed = admin.put("/api/v1/web-forms/" + id, Map.of("name", current.get("name").asString(),
				"fields", List.of(Map.of("name", "email", "required", true)), "consentText", "Đồng ý", "consentChannels", List.of("email", "sms"),
				"consentRequired", true));
		assertThat(changed.status()).isEqualTo(200);

		var refused = anonymous.post("/api/v1/public/forms/" + key, Map.of("email", "e@example.vn"));
		var accepted = anonymous.post("/api/v1/public/forms/" + key, Map.of("email", "e@example.vn", "consent", "yes"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("consent");
		assertThat(accepted.status()).isEqualTo(201);
		assertThat(onlyLead().get("consents").get("sms").get("status").asString()).isEqualTo("granted");
	}

	@Test
	void scriptsMayPostFromTheFormsWebsitesOnly() throws Exception {
		var http = HttpClient.newHttpClient();
		var url = URI.create("http://localhost:" + port + "/api/v1/public/forms/" + key);
		var preflight = http.send(HttpRequest.newBuilder(url).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
				.header("Origin", "https://shop.example.vn").header("Access-Control-Request-Method", "POST")
				.header("Access-Control-Request-Headers", "content-type").build(), HttpResponse.BodyHandlers.ofString());
		var allowed = http.send(HttpRequest.newBuilder(url).header("Origin", "https://shop.example.vn")
				.header("Content-Type", "application/json").header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"givenName\":\"Em\",\"email\":\"em@example.vn\"}")).build(),
				HttpResponse.BodyHandlers.ofString());
		var elsewhere = http.send(HttpRequest.newBuilder(url).header("Origin", "https://evil.example")
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"givenName\":\"X\",\"email\":\"x@example.vn\"}")).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(preflight.statusCode()).isEqualTo(200);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://shop.example.vn");
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
		assertThat(allowed.statusCode()).isEqualTo(201);
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://shop.example.vn");
		assertThat(elsewhere.statusCode()).isEqualTo(403);
		assertThat(admin.get("/api/v1/leads").body().get("items").size()).isEqualTo(1);
	}

	@Test
	void aBrowserIsSentToTheFormsThankYouAddressWhenItHasOne() {
		var id = admin.get("/api/v1/web-forms").body().get("items").get(0).get("id").asString();
		var current = admin.get("/api/v1/web-forms/" + id).body();
		admin.put("/api/v1/web-forms/" + id, Map.of("name", current.get("name").asString(),
				"fields", List.of(Map.of("name", "email", "required", true)), "redirectUrl", "https://shop.example.vn/cam-on"));

		var sent = anonymous.header("Accept", "text/html").send("POST", "/api/v1/public/forms/" + key, "email=f%40example.vn",
				"application/x-www-form-urlencoded");
		var invalid = anonymous.header("Accept", "text/html").send("POST", "/api/v1/public/forms/" + key, "email=oops",
				"application/x-www-form-urlencoded");

		assertThat(sent.status()).isEqualTo(303);
		assertThat(sent.header("Location")).isEqualTo("https://shop.example.vn/cam-on");
		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.body().asString()).contains("Vui lòng sửa lại biểu mẫu").contains("Địa chỉ email");
	}

	@Test
	void theIntakeAndTheLeadApiAreInTheOpenApiDocument() {
		var paths = anonymous.get("/v3/api-docs").body().get("paths");

		assertThat(paths.has("/api/v1/public/forms/{key}")).isTrue();
		assertThat(paths.has("/api/v1/leads/{id}/convert")).isTrue();
		assertThat(paths.has("/api/v1/web-forms")).isTrue();
	}

	private JsonNode onlyLead() {
		var items = admin.get("/api/v1/leads").body().get("items");
		assertThat(items.size()).isEqualTo(1);
		return items.get(0);
	}
}
