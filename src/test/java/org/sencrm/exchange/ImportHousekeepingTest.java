package org.sencrm.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.platform.Ids;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestClock;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Drafts never started and the files of finished imports do not stay for ever (decision 36). */
@IntegrationTest
class ImportHousekeepingTest {

	static final Instant MONDAY = Instant.parse("2026-06-01T08:00:00Z");

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	ImportJobs jobs;

	@Autowired
	ImportHousekeeping housekeeping;

	@Autowired
	TestClock clock;

	@Autowired
	PlatformTransactionManager transactions;

	TestWorkspaces.TestWorkspace workspace;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create();
		clock.stopAt(MONDAY);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aDraftNeverStartedGoesAfterADayWithItsFile() {
		var draft = job("draft");

		clock.advance(Duration.ofHours(23));
		assertThat(housekeeping.run(workspace.id()).drafts()).isZero();
		assertThat(exists(draft)).isTrue();

		clock.advance(Duration.ofHours(2));
		assertThat(housekeeping.run(workspace.id()).drafts()).isEqualTo(1);
		assertThat(exists(draft)).isFalse();
		assertThat(housekeeping.run(workspace.id()).drafts()).as("a second round finds nothing more").isZero();
	}

	@Test
	void theFileOfAFinishedImportGoesWhenItsUndoPeriodIsOverAndTheJobStays() {
		var done = job("done");
		var queued = job("queued");

		clock.advance(Duration.ofDays(6));
		assertThat(housekeeping.run(workspace.id()).fileParts()).isZero();
		assertThat(parts(done)).isEqualTo(1);

		clock.advance(Duration.ofDays(2));
		assertThat(housekeeping.run(workspace.id()).fileParts()).isEqualTo(1);
		assertThat(parts(done)).isZero();
		assertThat(exists(done)).isTrue();
		assertThat(parts(queued)).as("a waiting import keeps its file").isEqualTo(1);
	}

	private UUID job(String status) {
		var id = Ids.next();
		inTransaction(() -> {
			jobs.insert(new ImportJob(id, "persons", status.equals("draft") ? "draft" : "queued", "k.csv", "csv", null, Map.of(),
					List.of(), new ImportOptions(List.of(), ImportOptions.OnMatch.SKIP, ImportOptions.OnNoMatch.CREATE, false),
					workspace.member(Role.MANAGER).id(), "vi", 0, 0, 0, 0, 0, 0, null, null, false, MONDAY, null, null, null, null));
			jobs.addPart(id, 0, "Họ tên\nAn\n".getBytes(StandardCharsets.UTF_8));
			if (status.equals("done")) {
				jobs.claim(id, MONDAY);
				jobs.finish(id, "done", new ImportCounts(1, 0, 0), 1, 0, MONDAY);
			}
			return null;
		});
		return id;
	}

	private boolean exists(UUID id) {
		return inTransaction(() -> jobs.find(id).isPresent());
	}

	private int parts(UUID id) {
		return inTransaction(() -> jobs.parts(id).size());
	}

	private <T> T inTransaction(java.util.function.Supplier<T> work) {
		return WorkspaceContext.callAsSystem(workspace.id(), () -> new TransactionTemplate(transactions).execute(tx -> work.get()));
	}
}
