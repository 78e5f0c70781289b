package org.sencrm.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Files are added to an activity only by those who may edit it: its author, managers and administrators. */
@IntegrationTest
class AttachmentRightsTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	TestWorkspaces.TestWorkspace workspace;
	String person;
	String note;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		var sales = api(Role.SALES);
		person = sales.post("/api/v1/persons", Map.of("familyName", "Phan", "givenName", "Thảo",
				"emails", List.of(Map.of("address", "thao@khachhang.vn")))).body().get("id").asString();
		note = sales.post("/api/v1/activities", Map.of("type", "note", "personId", person, "body", "<p>Gặp ở hội chợ</p>"))
				.body().get("id").asString();
	}

	@Test
	void theAuthorAManagerAndAnAdministratorAddFiles() {
		for (var role : List.of(Role.SALES, Role.MANAGER, Role.ADMIN)) {
			var added = attach(api(role), note, role.key() + ".txt");

			assertThat(added.status()).as(role.key()).isEqualTo(201);
		}
		var entry = api(Role.VIEWER).get("/api/v1/persons/" + person + "/timeline").body().get("items").get(0);
		assertThat(entry.get("attachments").size()).isEqualTo(3);
	}

	@Test
	void aColleagueWhoMayNotEditTheActivityAndAViewerAreRefused() {
		var colleague = attach(new Api(port, workspace.otherSales().token()), note, "khac.txt");
		var viewer = attach(api(Role.VIEWER), note, "xem.txt");

		assertThat(colleague.status()).isEqualTo(403);
		assertThat(colleague.body().get("code").asString()).isEqualTo("error.access-denied");
		assertThat(viewer.status()).isEqualTo(403);
		var entry = api(Role.SALES).get("/api/v1/persons/" + person + "/timeline").body().get("items").get(0);
		assertThat(entry.path("attachments").size()).isZero();
	}

	@Test
	void anEmailThatWasSentKeepsTheFilesItWasSentWith() {
		var sent = api(Role.SALES).post("/api/v1/emails", Map.of("personId", person, "subject", "Báo giá", "body", "<p>Chào</p>"));
		assertThat(sent.status()).isEqualTo(201);
		var email = api(Role.SALES).get("/api/v1/persons/" + person + "/timeline?type=email").body().get("items").get(0)
				.get("id").asString();

		var added = attach(api(Role.SALES), email, "them.txt");

		assertThat(added.status()).isEqualTo(409);
		assertThat(added.body().get("code").asString()).isEqualTo("timeline.email-fixed");
	}

	private Api.Response attach(Api api, String activity, String fileName) {
		var boundary = "sen-test-boundary";
		var body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/plain\r\n\r\nnội dung\r\n--" + boundary + "--\r\n";
		return api.send("POST", "/api/v1/activities/" + activity + "/attachments",
				new String(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), "multipart/form-data; boundary=" + boundary);
	}

	private Api api(Role role) {
		return new Api(port, workspace.member(role).token());
	}
}
