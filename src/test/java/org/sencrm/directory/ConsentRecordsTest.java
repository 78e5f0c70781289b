package org.sencrm.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A consent is the server's record (decision 26): the time is the server's whatever the client
 * says, the recorder is the user who made the change, the method one of a fixed list — for persons
 * and leads alike — and every change is in the history with who, when, status and method.
 */
@IntegrationTest
class ConsentRecordsTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	JdbcClient jdbc;

	TestWorkspaces.TestWorkspace workspace;
	Api sales;
	Api manager;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		sales = new Api(port, workspace.member(Role.SALES).token());
		manager = new Api(port, workspace.member(Role.MANAGER).token());
	}

	@Test
	void aConsentIsRecordedAtTheServersTimeByTheUserWhateverTimeTheClientSends() {
		var before = Instant.now();
		var created = sales.post("/api/v1/persons", Map.of("givenName", "Mai", "consents",
				Map.of("email", Map.of("status", "granted", "method", "paper", "note", "Phiếu đăng ký số 12",
						"at", "2001-01-01T00:00:00Z", "recordedBy", workspace.member(Role.ADMIN).id().toString()))));
		var after = Instant.now();

		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		var consent = created.body().get("consents").get("email");
		assertThat(Instant.parse(consent.get("at").asString())).isBetween(before.minusSeconds(1), after.plusSeconds(1));
		assertThat(consent.get("recordedBy").asString()).isEqualTo(workspace.member(Role.SALES).id().toString());
		assertThat(consent.get("recordedByName").asString()).startsWith("sales");
		assertThat(consent.get("method").asString()).isEqualTo("paper");
		assertThat(consent.get("note").asString()).isEqualTo("Phiếu đăng ký số 12");
	}

	@Test
	void aMethodOutsideTheListIsRefusedNamingTheField() {
		var typed = sales.post("/api/v1/persons", Map.of("givenName", "Mai", "consents",
				Map.of("email", Map.of("status", "granted", "method", "hội chợ"))));
		var none = sales.post("/api/v1/persons", Map.of("givenName", "Mai", "consents", Map.of("sms", Map.of("status", "withdrawn"))));
		var claimed = sales.post("/api/v1/persons", Map.of("givenName", "Mai", "consents",
				Map.of("email", Map.of("status", "granted", "method", "double_opt_in"))));
		var lead = sales.post("/api/v1/leads", Map.of("givenName", "Mai", "consents",
				Map.of("phone", Map.of("status", "granted", "method", "gọi điện"))));

		assertThat(problem(typed)).isEqualTo("consents.email.method validation.consent-method");
		assertThat(problem(none)).isEqualTo("consents.sms.method validation.consent-method");
		assertThat(problem(claimed)).isEqualTo("consents.email.method validation.consent-method-confirmed-only");
		assertThat(problem(lead)).isEqualTo("consents.phone.method validation.consent-method");
		assertThat(typed.body().get("errors").get(0).get("message").asString()).contains("biểu mẫu web", "gặp trực tiếp", "phiếu giấy");
	}

	@Test
	void anUnchangedConsentKeepsItsRecordAndEveryChangeIsInTheHistoryWithWhoWhenStatusAndMethod() {
		var person = sales.post("/api/v1/persons", Map.of("givenName", "Mai", "consents",
				Map.of("email", Map.of("status", "granted", "method", "in_person")))).body();
		var id = person.get("id").asString();
		var granted = person.get("consents").get("email");

		var edited = manager.patch("/api/v1/persons/" + id, Map.of("source", "Zalo")).body();
		assertThat(edited.get("consents").get("email")).isEqualTo(granted);

		var withdrawn = manager.patch("/api/v1/persons/" + id, Map.of("consents",
				Map.of("email", Map.of("status", "withdrawn", "method", "email", "note", "Trả lời thư")))).body();
		var consent = withdrawn.get("consents").get("email");
		assertThat(consent.get("status").asString()).isEqualTo("withdrawn");
		assertThat(consent.get("recordedBy").asString()).isEqualTo(workspace.member(Role.MANAGER).id().toString());
		assertThat(Instant.parse(consent.get("at").asString())).isAfterOrEqualTo(Instant.parse(granted.get("at").asString()));

		var history = sales.get("/api/v1/persons/" + id + "/history").body();
		var change = history.get(0);
		assertThat(change.get("actorId").asString()).isEqualTo(workspace.member(Role.MANAGER).id().toString());
		assertThat(change.get("changes").get("consent.email").get("from").asString()).isEqualTo("granted");
		assertThat(change.get("changes").get("consent.email").get("to").asString()).isEqualTo("withdrawn");
		assertThat(change.get("changes").get("consent.email.method").get("from").asString()).isEqualTo("in_person");
		assertThat(change.get("changes").get("consent.email.method").get("to").asString()).isEqualTo("email");
		var first = history.get(history.size() - 1);
		assertThat(first.get("actorId").asString()).isEqualTo(workspace.member(Role.SALES).id().toString());
		assertThat(first.get("changes").get("consent.email.method").get("to").asString()).isEqualTo("in_person");
		var page = WebSession.signedIn(port, workspace.member(Role.SALES).email()).get("/persons/" + id);
		assertThat(page.html().select("table.plain").text()).contains("Withdrawn", "Email", "Trả lời thư", "manager");
		assertThat(page.html().select("ol.timeline").text()).contains("How: email", "In person");
	}

	@Test
	void aLeadsConsentIsTheServersRecordToo() {
		var before = Instant.now();
		var lead = sales.post("/api/v1/leads", Map.of("givenName", "Mai", "consents",
				Map.of("sms", Map.of("status", "granted", "method", "phone", "at", "2001-01-01T00:00:00Z")))).body();

		var consent = lead.get("consents").get("sms");
		assertThat(Instant.parse(consent.get("at").asString())).isAfter(before.minus(Duration.ofSeconds(1)));
		assertThat(consent.get("recordedBy").asString()).isEqualTo(workspace.member(Role.SALES).id().toString());
		var edited = sales.patch("/api/v1/leads/" + lead.get("id").asString(), Map.of("province", "Huế")).body();
		assertThat(edited.get("consents").get("sms")).isEqualTo(consent);
	}

	@Test
	void freeTextMethodsRecordedBeforeAreReadIntoTheListKeepingTheText() {
		var listed = jdbc.sql("""
				select sen_consents_listed(cast(:consents as jsonb))::text""")
				.param("consents", """
						{"email": {"status": "granted", "method": "web form: Đăng ký tư vấn"},
						 "sms": {"status": "granted", "method": "gọi điện"},
						 "phone": {"status": "withdrawn", "method": "hội chợ Xuân"}}""")
				.query(String.class).single();
		var read = tools.jackson.databind.json.JsonMapper.builder().build().readTree(listed);

		assertThat(method(read, "email")).isEqualTo(List.of("web_form", "web form: Đăng ký tư vấn"));
		assertThat(method(read, "sms")).isEqualTo(List.of("phone", "gọi điện"));
		assertThat(method(read, "phone")).isEqualTo(List.of("in_person", "hội chợ Xuân"));
		assertThat(jdbc.sql("select sen_consent_method('something else')").query(String.class).single()).isEqualTo("other");
		assertThat(jdbc.sql("select sen_consent_method('paper')").query(String.class).single()).isEqualTo("paper");
	}

	private static List<String> method(JsonNode consents, String channel) {
		return List.of(consents.get(channel).get("method").asString(), consents.get(channel).get("note").asString());
	}

	private static String problem(Api.Response response) {
		assertThat(response.status()).as(response.body().toString()).isEqualTo(422);
		var error = response.body().get("errors").get(0);
		return error.get("field").asString() + " " + error.get("code").asString();
	}
}
