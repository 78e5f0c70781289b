package org.sencrm.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An export imports back into an empty workspace with nothing lost (issue 10 §3, decision 36): persons
 * exported as CSV, Excel and vCard from one workspace, imported into another, compared as the API
 * shows them field by field (ids, dates and owners aside).
 */
@IntegrationTest
class RoundTripTest {

	/** What differs between two workspaces by nature, not by loss. */
	private static final Set<String> IGNORED = Set.of("id", "ownerId", "ownerTeamId", "ownerName", "createdAt", "updatedAt", "version",
			"possibleDuplicates", "lifecycleStage", "status");

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@ParameterizedTest
	@ValueSource(strings = {"csv", "xlsx"})
	void personsExportedAsASpreadsheetImportIntoAnEmptyWorkspaceWithNothingLost(String format) {
		var from = workspaces.create();
		var into = workspaces.create();
		customField(from);
		customField(into);
		persons(api(from));

		var file = download(from, "/api/v1/persons/export?format=" + format);
		var job = importFile(into, "khach." + format, file);

		assertThat(job.get("status").asString()).isEqualTo("done");
		assertThat(job.get("failed").asInt()).isZero();
		assertThat(job.get("created").asInt()).isEqualTo(3);
		assertThat(comparable(api(into))).isEqualTo(comparable(api(from)));
	}

	@org.junit.jupiter.api.Test
	void personsExportedAsVcardImportBackWithTheirNamesEmailsPhonesAddressAndBirthday() {
		var from = workspaces.create();
		var into = workspaces.create();
		customField(from);
		persons(api(from));

		var job = importFile(into, "danh-ba.vcf", download(from, "/api/v1/persons/export?format=vcf"));

		assertThat(job.get("status").asString()).isEqualTo("done");
		assertThat(job.get("created").asInt()).isEqualTo(3);
		// a card carries no external id, tags or custom fields the vCard import maps: the rest comes back
		var keep = Set.of("familyName", "middleName", "givenName", "nameOrder", "emails", "phones", "birthday");
		assertThat(comparable(api(into), keep)).isEqualTo(comparable(api(from), keep));
	}

	private void persons(Api api) {
		created(api.post("/api/v1/persons", Map.ofEntries(Map.entry("familyName", "Nguyễn"), Map.entry("middleName", "Thị"),
				Map.entry("givenName", "Yến"),
				Map.entry("nameOrder", "family_first"), Map.entry("externalId", "KH-001"), Map.entry("birthday", "1990-05-17"),
				Map.entry("source", "Hội chợ"),
				Map.entry("emails", List.of(Map.of("address", "yen@khach.vn"), Map.of("address", "yen.nguyen@congty.vn"))),
				Map.entry("phones", List.of(Map.of("number", "0901234567"), Map.of("number", "+84 28 3822 1234"))),
				Map.entry("addresses", List.of(Map.of("line1", "12 Lê Lợi", "ward", "Bến Nghé", "district", "Quận 1",
						"province", "TP Hồ Chí Minh", "country", "VN"))),
				Map.entry("tags", List.of("vip", "mới")), Map.entry("customFields", Map.of("kenh", "Zalo")))));
		created(api.post("/api/v1/persons", Map.of("familyName", "Lindqvist", "givenName", "Anna", "nameOrder", "given_first",
				"externalId", "KH-002", "emails", List.of(Map.of("address", "anna@example.se")),
				"phones", List.of(Map.of("number", "+46 8 123 456 78")))));
		created(api.post("/api/v1/persons", Map.of("familyName", "=Cộng", "givenName", "+Trừ", "nameOrder", "family_first",
				"externalId", "-KH-003", "emails", List.of(Map.of("address", "cong@khach.vn")))));
	}

	private static void created(Api.Response response) {
		assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
	}

	private void customField(TestWorkspaces.TestWorkspace workspace) {
		var made = new Api(port, workspace.member(Role.ADMIN).token()).post("/api/v1/custom-fields", Map.of("entity", "person", "key", "kenh", "label", "Kênh ưa thích",
				"type", "text"));
		assertThat(made.status()).as(made.body().toString()).isEqualTo(201);
	}

	/** Every person as the API shows it, without what two workspaces cannot share, in a stable order. */
	private List<String> comparable(Api api) {
		return comparable(api, null);
	}

	private List<String> comparable(Api api, Set<String> keep) {
		var items = api.get("/api/v1/persons?limit=100").body().get("items");
		var persons = new ArrayList<String>();
		for (var item : items) {
			var full = (ObjectNode) api.get("/api/v1/persons/" + item.get("id").asString()).body();
			var names = new ArrayList<String>();
			full.propertyNames().forEach(names::add);
			for (var name : names) {
				if (IGNORED.contains(name) || keep != null && !keep.contains(name)) {
					full.remove(name);
				}
			}
			persons.add(full.toString());
		}
		persons.sort(Comparator.naturalOrder());
		return persons;
	}

	private byte[] download(TestWorkspaces.TestWorkspace workspace, String path) {
		try {
			var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
					.header("Authorization", "Bearer " + workspace.member(Role.MANAGER).token()).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).isEqualTo(200);
			return response.body();
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private JsonNode importFile(TestWorkspaces.TestWorkspace workspace, String fileName, byte[] content) {
		var boundary = "----sen" + System.nanoTime();
		var body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\npersons\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		try {
			var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports"))
					.header("Authorization", "Bearer " + workspace.member(Role.MANAGER).token())
					.header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
			var id = response.body().replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
			var api = api(workspace);
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				var status = api.get("/api/v1/imports/" + id).body().get("status").asString();
				return !status.equals("queued") && !status.equals("running");
			});
			return api.get("/api/v1/imports/" + id).body();
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		} catch (InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	private Api api(TestWorkspaces.TestWorkspace workspace) {
		return new Api(port, workspace.member(Role.MANAGER).token());
	}
}
