package org.sencrm.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.text.Normalizer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.sencrm.platform.database.EmbeddedPostgres;

/**
 * The migration that gave every stored person a name order (V60), run on a database as it was
 * before it — a PostgreSQL of its own, migrated to the version before, filled, then migrated on —
 * and its SQL twin of the detection rule, which must decide as {@link VietnameseNames} does.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PersonNameOrderMigrationTest {

	private static final MigrationVersion NAME_ORDER = MigrationVersion.fromVersion("60");
	private static EmbeddedPostgres server;
	private static String url;

	@BeforeAll
	static void startAnEmptyDatabase() {
		server = EmbeddedPostgres.start(Path.of("target/migration-test-db/postgres"), 0, false, true);
		server.createSingleRoleDatabase("legacy", "legacy", "legacy");
		url = server.jdbcUrl("legacy");
		// the version before V60, whichever it is
		var before = Stream.of(flyway(null).info().all()).map(MigrationInfo::getVersion)
				.filter(v -> v != null && NAME_ORDER.isNewerThan(v.getVersion()))
				.max(MigrationVersion::compareTo).orElseThrow();
		flyway(before.getVersion()).migrate();
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	@Order(1)
	void existingPersonsGetTheOrderDetectedFromTheirNamesElseTheirWorkspaces() throws SQLException {
		var byLanguage = UUID.randomUUID();
		var familyFirst = UUID.randomUUID();
		try (var db = connect()) {
			insert(db, "insert into workspaces (id, name, name_order) values (?, 'By language', 'by_language')", byLanguage);
			insert(db, "insert into workspaces (id, name, name_order) values (?, 'Family first', 'family_first')", familyFirst);
			addPersons(db, byLanguage, "Nguyễn|Thị|Yến", "Nguyen|Van|An", "Lindqvist||Anna", "Tanaka||Hiroshi");
			addPersons(db, familyFirst, "Trần||Bình", "Lindqvist||Anna");
		}

		flyway(null).migrate();

		try (var db = connect()) {
			assertThat(orders(db, byLanguage)).containsOnly(Map.entry("Nguyễn Thị Yến", "family_first"),
					Map.entry("Nguyen Van An", "family_first"), Map.entry("Lindqvist Anna", "given_first"),
					Map.entry("Tanaka Hiroshi", "given_first"));
			assertThat(orders(db, familyFirst)).containsOnly(Map.entry("Trần Bình", "family_first"),
					Map.entry("Lindqvist Anna", "family_first"));
			var settings = db.createStatement().executeQuery("select name, name_order from workspaces order by name");
			var workspaces = new HashMap<String, String>();
			while (settings.next()) {
				workspaces.put(settings.getString(1), settings.getString(2));
			}
			assertThat(workspaces).containsEntry("By language", "given_first").containsEntry("Family first", "family_first");
		}
	}

	@Test
	@Order(2)
	void theSqlRuleDecidesAsTheJavaRule() throws SQLException {
		flyway(null).migrate();
		var names = new ArrayList<String[]>();
		Stream.concat(Stream.of(NameOrderDetectionTest.VIETNAMESE), Stream.of(NameOrderDetectionTest.OTHERS))
				.map(NameOrderDetectionTest::parts).forEach(names::add);
		for (var family : VietnameseNames.FAMILY_NAMES) {
			names.add(new String[] {family, null, "Minh"});
			names.add(new String[] {family, "Van", "An"});
			names.add(new String[] {family.toUpperCase(), null, "Anna"});
			names.add(new String[] {null, null, family + " Minh"});
		}
		for (var family : VietnameseNames.SHORT_ELSEWHERE) {
			names.add(new String[] {family, null, "Minh"});
			names.add(new String[] {family, "Thi", "Hoa"});
		}
		names.add(new String[] {null, null, Normalizer.normalize("Trần Văn Ơn", Normalizer.Form.NFD)});
		names.add(new String[] {"Nguyễn-Trần", null, "Michael"});
		names.add(new String[] {"  ", " ", "Đỗ\tHùng"});
		names.add(new String[] {"Phạm", null, "Anh2"});

		try (var db = connect(); var query = db.prepareStatement("select sen_name_order(?, ?, ?, 'given_first')")) {
			for (var name : names) {
				for (int i = 0; i < 3; i++) {
					query.setString(i + 1, name[i]);
				}
				var result = query.executeQuery();
				result.next();
				assertThat(result.getString(1)).as(String.join("|", Stream.of(name).map(String::valueOf).toList()))
						.isEqualTo(PersonName.detect(name[0], name[1], name[2], NameOrder.GIVEN_FIRST).key());
			}
		}
	}

	private static Flyway flyway(String target) {
		var configuration = Flyway.configure().dataSource(url, "legacy", "legacy").locations("classpath:db/migration");
		return (target == null ? configuration : configuration.target(target)).load();
	}

	private static Connection connect() throws SQLException {
		return DriverManager.getConnection(url, "legacy", "legacy");
	}

	/** Persons as the application stored them before V60 (the owner's session bound to the workspace, as RLS wants). */
	private static void addPersons(Connection db, UUID workspace, String... names) throws SQLException {
		bind(db, workspace);
		var owner = UUID.randomUUID();
		try (var user = db.prepareStatement(
				"insert into users (id, workspace_id, email, display_name, role) values (?, ?, ?, 'Owner', 'admin')")) {
			user.setObject(1, owner);
			user.setObject(2, workspace);
			user.setString(3, owner + "@test.sen");
			user.executeUpdate();
		}
		for (var name : names) {
			var p = NameOrderDetectionTest.parts(name);
			var id = UUID.randomUUID();
			try (var person = db.prepareStatement("""
					insert into persons (id, workspace_id, family_name, middle_name, given_name, display_name, owner_id,
					  search_name, search_text) values (?, ?, ?, ?, ?, 'x', ?, 'x', 'x')""")) {
				person.setObject(1, id);
				person.setObject(2, workspace);
				person.setString(3, p[0]);
				person.setString(4, p[1]);
				person.setString(5, p[2]);
				person.setObject(6, owner);
				person.executeUpdate();
			}
		}
	}

	private static Map<String, String> orders(Connection db, UUID workspace) throws SQLException {
		bind(db, workspace);
		var rows = db.createStatement().executeQuery(
				"select concat_ws(' ', family_name, middle_name, given_name), name_order from persons");
		var orders = new HashMap<String, String>();
		while (rows.next()) {
			orders.put(rows.getString(1), rows.getString(2));
		}
		return orders;
	}

	private static void bind(Connection db, UUID workspace) throws SQLException {
		try (var statement = db.prepareStatement("select set_config('sen.workspace_id', ?, false)")) {
			statement.setString(1, workspace.toString());
			statement.execute();
		}
	}

	private static void insert(Connection db, String sql, UUID id) throws SQLException {
		try (var statement = db.prepareStatement(sql)) {
			statement.setObject(1, id);
			statement.executeUpdate();
		}
	}
}
