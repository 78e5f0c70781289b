package org.sencrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.sencrm.directory.PersonalData;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An erasure is one transaction: when a part fails half-way — here a module's part that runs after
 * the timeline's and the sales' parts have done their work — nothing at all is erased.
 */
@IntegrationTest
@Import(PersonalDataRollbackTest.FailingPart.class)
class PersonalDataRollbackTest {

	/** A module's part that fails for the persons it is told to fail for, after every other part. */
	@TestComponent
	@Order(Ordered.LOWEST_PRECEDENCE)
	static class FailingPart implements PersonalData.Holder {

		final Set<UUID> failFor = ConcurrentHashMap.newKeySet();
		/** How many of the person's activities were left when it failed: none, if the timeline's part had run. */
		volatile long activitiesLeftWhenFailing = -1;
		private final JdbcClient jdbc;

		FailingPart(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public String section() {
			return "failing";
		}

		@Override
		public Object export(PersonalData.Subject subject) {
			return null;
		}

		@Override
		public int erase(PersonalData.Subject subject, PersonalData.Erasure erasure) {
			if (failFor.contains(subject.personId())) {
				activitiesLeftWhenFailing = jdbc.sql("select count(*) from activities where workspace_id = :ws and person_id = :person")
						.param("ws", WorkspaceContext.workspaceId()).param("person", subject.personId()).query(Long.class).single();
				throw new IllegalStateException("a part failed half-way");
			}
			return 0;
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	DataSource dataSource;

	@Autowired
	FailingPart failing;

	@Test
	void anErasureThatFailsHalfWayChangesNothing() throws Exception {
		var given = new PersonalDataFixture(port, workspaces.create());
		var made = given.personWithDataEverywhere();
		var before = given.wherePersonalDataRemains(dataSource);
		var exportBefore = given.admin.get("/api/v1/persons/" + made.person() + "/personal-data").body();
		failing.failFor.add(UUID.fromString(made.person()));

		var refused = given.admin.post("/api/v1/persons/" + made.person() + "/erase", null);

		assertThat(refused.status()).isEqualTo(500);
		assertThat(failing.activitiesLeftWhenFailing).as("it failed after the timeline's part had erased").isZero();
		assertThat(given.wherePersonalDataRemains(dataSource)).containsExactlyElementsOf(before);
		var exportAfter = given.admin.get("/api/v1/persons/" + made.person() + "/personal-data").body();
		for (var section : new String[] {"profile", "consents", "contactRoles", "history", "timeline", "emails", "leads",
				"opportunities", "quotes", "orders", "contracts"}) {
			assertThat(exportAfter.get(section)).as(section).isEqualTo(exportBefore.get(section));
		}
		assertThat(given.admin.get("/api/v1/search?q=" + java.net.URLEncoder.encode(PersonalDataFixture.FULL_NAME,
				java.nio.charset.StandardCharsets.UTF_8)).body().get("items").size()).isEqualTo(1);
	}
}
