package org.sencrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.sencrm.identity.Role;
import org.sencrm.support.Api;
import org.sencrm.support.TestDates;
import org.sencrm.support.TestWorkspaces;
import tools.jackson.databind.JsonNode;

/**
 * A person with personal data in every module — profile, consents, custom field, tag, contact role,
 * notes, a meeting elsewhere, tasks, an email with a file, mail waiting from their address, two
 * leads (one by web form, one converted), an opportunity of their own and a place in a company's,
 * a quote, a paid order, a contract, a notification that quotes them — and a way to look for their
 * name, email and phone in every text column of the database.
 */
final class PersonalDataFixture {

	/** What was made, by id. */
	record Made(String person, String organization, String webFormLead, String convertedLead, String opportunity,
			String companyOpportunity, String quote, String order, String contract) {
	}

	static final String FAMILY = "Đoàn";
	static final String MIDDLE = "Thị";
	static final String GIVEN = "Xuyến";
	static final String FULL_NAME = "Đoàn Thị Xuyến";
	static final String PHONE_TYPED = "0912 345 678";
	static final String PHONE_E164 = "+84912345678";
	static final String PHONE_NATIONAL = "0912345678";

	final String email;
	final Api admin;
	final Api manager;
	final Api sales;
	final Api viewer;
	final Api anonymous;
	final TestWorkspaces.TestWorkspace workspace;

	PersonalDataFixture(int port, TestWorkspaces.TestWorkspace workspace) {
		this.workspace = workspace;
		this.email = "xuyen.doan." + System.nanoTime() + "@example.vn";
		this.admin = new Api(port, workspace.member(Role.ADMIN).token());
		this.manager = new Api(port, workspace.member(Role.MANAGER).token());
		this.sales = new Api(port, workspace.member(Role.SALES).token());
		this.viewer = new Api(port, workspace.member(Role.VIEWER).token());
		this.anonymous = new Api(port, null);
	}

	/** The texts that identify the person, as an erasure must leave none of them anywhere. */
	List<String> identifying() {
		return List.of(email, PHONE_E164, PHONE_NATIONAL, "84912345678", FULL_NAME, "Xuyến Thị Đoàn");
	}

	Made personWithDataEverywhere() {
		ok(admin.post("/api/v1/custom-fields", Map.of("entity", "person", "key", "zalo", "label", "Zalo", "type", "text")));
		var person = id(sales.post("/api/v1/persons", Map.of("familyName", FAMILY, "middleName", MIDDLE, "givenName", GIVEN,
				"emails", List.of(Map.of("address", email)), "phones", List.of(Map.of("number", PHONE_TYPED)),
				"addresses", List.of(Map.of("line1", "12 Lê Lợi", "province", "Hà Nội")), "birthday", "1990-05-06",
				"tags", List.of("VIP"), "customFields", Map.of("zalo", PHONE_NATIONAL),
				"consents", Map.of("email", Map.of("status", "granted", "method", "in_person", "note", "Hội chợ Xuân")))));
		ok(sales.patch("/api/v1/persons/" + person, Map.of("source", "Hội chợ")));
		var organization = id(sales.post("/api/v1/organizations", Map.of("name", "Công ty Hoa Sen")));
		ok(sales.post("/api/v1/contact-roles", Map.of("personId", person, "organizationId", organization, "jobTitle", "Kế toán")));

		// timeline: a note that mentions a colleague (a notification quotes it), a meeting elsewhere, tasks
		ok(sales.post("/api/v1/activities", Map.of("type", "note", "personId", person,
				"body", "<p>Chị " + FULL_NAME + " hẹn gọi lại số " + PHONE_TYPED + "</p>",
				"mentionUserIds", List.of(workspace.member(Role.MANAGER).id().toString()))));
		ok(sales.post("/api/v1/activities", Map.of("type", "call", "personId", person, "subject", "Tư vấn máy lọc nước",
				"direction", "outbound", "durationSeconds", 300)));
		ok(sales.post("/api/v1/activities", Map.of("type", "meeting", "organizationId", organization,
				"subject", "Họp với " + FULL_NAME, "attendeePersonIds", List.of(person))));
		ok(sales.post("/api/v1/tasks", Map.of("title", "Gửi catalogue cho chị Xuyến", "personId", person)));
		ok(sales.post("/api/v1/tasks", Map.of("title", "Báo " + FULL_NAME + " lịch bảo trì", "organizationId", organization)));

		// an email with a file (the outbox: no mail server), and mail from their address waiting for a person
		ok(sales.post("/api/v1/emails", Map.of("personId", person, "subject", "Báo giá cho chị Xuyến",
				"body", "<p>Kính gửi " + FULL_NAME + ",</p>", "attachments", List.of(Map.of("fileName", "bao-gia-xuyen.txt",
						"contentType", "text/plain", "contentBase64", Base64.getEncoder().encodeToString(
								("Khách hàng: " + FULL_NAME + ", " + email).getBytes(StandardCharsets.UTF_8)))))));

		// a lead from the web form, with their email
		var form = ok(admin.post("/api/v1/web-forms", Map.of("name", "Đăng ký tư vấn", "fields", List.of(
				Map.of("name", "givenName", "required", true), Map.of("name", "familyName", "required", false),
				Map.of("name", "email", "required", true), Map.of("name", "phone", "required", false),
				Map.of("name", "message", "required", false)),
				"consentText", "Tôi đồng ý nhận email.", "consentChannels", List.of("email"))));
		assertThat(anonymous.post("/api/v1/public/forms/" + form.get("key").asString(), Map.of("givenName", GIVEN,
				"familyName", FAMILY + " " + MIDDLE, "email", email, "phone", PHONE_TYPED, "message",
				"Tôi là " + FULL_NAME + ", cần tư vấn", "consent", "yes")).status()).isEqualTo(201);
		var webFormLead = admin.get("/api/v1/leads").body().get("items").valueStream()
				.filter(l -> email.equals(l.path("email").asString(null))).findFirst().orElseThrow().get("id").asString();

		// a lead by hand with their phone, with a touch, converted to them: their own opportunity
		var convertedLead = id(sales.post("/api/v1/leads", Map.of("givenName", GIVEN, "familyName", FAMILY, "phone", PHONE_TYPED,
				"consents", Map.of("sms", Map.of("status", "granted", "method", "phone")))));
		ok(sales.post("/api/v1/leads/" + convertedLead + "/touches", Map.of("type", "call", "subject", "Gọi " + FULL_NAME)));
		var converted = ok(sales.post("/api/v1/leads/" + convertedLead + "/convert", Map.of("personId", person,
				"opportunityName", "Máy lọc nước cho " + FULL_NAME, "amount", 9000000)));
		var opportunity = converted.get("opportunityId").asString();

		// a company's opportunity with them in its buying center
		var b2b = sales.get("/api/v1/pipelines").body().get(0);
		var companyOpportunity = id(sales.post("/api/v1/opportunities", Map.of("name", "Hoa Sen mua máy lọc", "pipelineId",
				b2b.get("id").asString(), "organizationId", organization, "amount", 50000000, "currency", "VND",
				"expectedCloseDate", TestDates.daysFromNow(30).toString(),
				"contacts", List.of(Map.of("personId", person, "roles", List.of("decider"))))));

		// documents: a quote, a confirmed and paid order, a contract
		var quote = id(sales.post("/api/v1/quotes", Map.of("personId", person, "notes", "Giao cho chị " + FULL_NAME,
				"lines", List.of(Map.of("description", "Máy lọc nước", "quantity", 1, "unitPrice", 4990000, "taxRate", 10)))));
		var order = id(sales.post("/api/v1/orders", Map.of("personId", person, "notes", "Gọi " + PHONE_TYPED + " trước khi giao",
				"lines", List.of(Map.of("description", "Máy lọc nước", "quantity", 2, "unitPrice", 4990000, "taxRate", 10)))));
		ok(sales.patch("/api/v1/orders/" + order, Map.of("status", "confirmed")));
		ok(sales.post("/api/v1/orders/" + order + "/payments", Map.of("amount", 1000000, "paidOn", TestDates.today().toString(),
				"method", "bank_transfer", "reference", "CK từ " + FULL_NAME)));
		var contract = id(sales.post("/api/v1/contracts", Map.of("title", "Bảo trì máy lọc — " + FULL_NAME, "personId", person,
				"startDate", TestDates.today().toString(), "value", 1200000, "currency", "VND")));

		// what arrives after those transactions (timeline entries of the conversion and of the order) is there before anything else
		// the opportunity, the conversion and the order on their timeline; the order's lifecycle stage on the person
		await().atMost(Duration.ofSeconds(30)).until(() -> sales.get("/api/v1/persons/" + person + "/timeline?limit=100").body()
				.get("items").valueStream().filter(a -> "sales".equals(a.path("source").asString(null))).count() >= 3);
		await().atMost(Duration.ofSeconds(30)).until(() -> sales.get("/api/v1/organizations/" + organization + "/timeline?limit=100")
				.body().get("items").valueStream().anyMatch(a -> "sales".equals(a.path("source").asString(null))));
		await().atMost(Duration.ofSeconds(30)).until(() -> sales.get("/api/v1/persons/" + person).body().has("lifecycleStage"));
		return new Made(person, organization, webFormLead, convertedLead, opportunity, companyOpportunity, quote, order, contract);
	}

	/** Mail from their address that matched nobody when it came (before they were in the directory). */
	void mailWaitingFromThem(DataSource dataSource) throws SQLException {
		try (var connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (var statement = connection.prepareStatement("""
					insert into unmatched_emails (id, workspace_id, message_id, from_address, from_name, to_addresses, subject, body,
					  received_at)
					values (?, ?, ?, ?, ?, '{banhang@senviet.vn}', 'Hỏi giá', '<p>Chào anh, ' || ? || ' đây</p>', now())""")) {
				connection.createStatement().execute("select set_config('sen.workspace_id', '" + workspace.id() + "', true)");
				statement.setObject(1, UUID.randomUUID());
				statement.setObject(2, workspace.id());
				statement.setString(3, "<" + UUID.randomUUID() + "@mail.example.vn>");
				statement.setString(4, email);
				statement.setString(5, FULL_NAME);
				statement.setString(6, FULL_NAME);
				statement.executeUpdate();
			}
			connection.commit();
		}
	}

	/**
	 * Every place in the database where one of the texts still is: "table.column" for each text,
	 * varchar, jsonb, array and bytea column of every table, looked at as the workspace sees it.
	 */
	List<String> wherePersonalDataRemains(DataSource dataSource) throws SQLException {
		var found = new ArrayList<String>();
		try (var connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				connection.createStatement().execute("select set_config('sen.workspace_id', '" + workspace.id() + "', true)");
				var columns = new LinkedHashMap<String, String>();
				var shared = new java.util.HashSet<String>();
				try (var rows = connection.createStatement().executeQuery("""
						select c.table_name, c.column_name, c.data_type,
						  not exists (select 1 from information_schema.columns w where w.table_schema = c.table_schema
						              and w.table_name = c.table_name and w.column_name = 'workspace_id') as shared
						from information_schema.columns c
						  join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
						where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
						  and c.data_type in ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY', 'bytea')
						  and c.table_name <> 'flyway_schema_history'
						order by c.table_name, c.column_name""")) {
					while (rows.next()) {
						columns.put(rows.getString(1) + "." + rows.getString(2), rows.getString(3));
						if (rows.getBoolean(4)) {
							shared.add(rows.getString(1));
						}
					}
				}
				for (var column : columns.entrySet()) {
					var parts = column.getKey().split("\\.");
					var condition = column.getValue().equals("bytea")
							? "position(convert_to(?, 'UTF8') in " + parts[1] + ") > 0"
							: "strpos(lower(" + parts[1] + "::text), lower(?)) > 0";
					// a table of no workspace (the event registry) holds every test's rows: this workspace's name them
					if (shared.contains(parts[0]) && !column.getValue().equals("bytea")) {
						condition += " and strpos(" + parts[1] + "::text, '" + workspace.id() + "') > 0";
					}
					for (var text : identifying()) {
						try (var query = connection.prepareStatement("select count(*) from " + parts[0] + " where " + condition)) {
							query.setString(1, text);
							try (var count = query.executeQuery()) {
								count.next();
								if (count.getLong(1) > 0) {
									found.add(column.getKey() + " has " + text);
								}
							}
						}
					}
				}
			} finally {
				connection.rollback();
			}
		}
		return found;
	}

	static JsonNode ok(Api.Response response) {
		assertThat(response.status()).as(response.body().toString()).isBetween(200, 299);
		return response.body();
	}

	static String id(Api.Response response) {
		return ok(response).get("id").asString();
	}
}
