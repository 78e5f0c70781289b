package org.sencrm.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sencrm.identity.Role;
import org.sencrm.platform.Ids;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.TestWorkspaces;
import org.sencrm.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A running import says how fast it goes and how long is left, in the API and as a progress bar on its page. */
@IntegrationTest
class ImportProgressTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	ImportJobs jobs;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aRunningImportShowsRowsPerSecondTimeLeftAndAProgressBarFromTheShareOfItsFileRead() {
		var workspace = workspaces.create();
		var manager = workspace.member(Role.MANAGER);
		var id = Ids.next();
		var started = Instant.parse("2026-06-01T08:00:00Z");
		// a quarter of the file read in 30 s: 90 s left
		WorkspaceContext.runAsSystem(workspace.id(), () -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
			jobs.insert(new ImportJob(id, "persons", "queued", "lon.csv", "csv", null, Map.of(), List.of(),
					new ImportOptions(List.of(), ImportOptions.OnMatch.SKIP, ImportOptions.OnNoMatch.CREATE, false), manager.id(), "vi",
					0, 0, 0, 0, 0, 0, null, null, false, started, null, null, null, null));
			jobs.claim(id, started);
			jobs.progress(id, 15_000, 0.25, started.plusSeconds(30));
		}));

		var job = new Api(port, manager.token()).get("/api/v1/imports/" + id).body();

		assertThat(job.get("status").asString()).isEqualTo("running");
		assertThat(job.get("rowsPerSecond").asDouble()).isEqualTo(500.0);
		assertThat(job.get("shareRead").asDouble()).isEqualTo(0.25);
		assertThat(job.get("secondsLeft").asLong()).isEqualTo(90);
		var page = WebSession.signedIn(port, manager.email()).get("/imports/" + id + "/progress");
		assertThat(page.html().select("progress.import-share").attr("value")).isEqualTo("0.25");
		assertThat(page.html().select("progress.import-share").attr("max")).isEqualTo("1");
		assertThat(page.text(".time-left")).isEqualTo("1:30");
		assertThat(page.text(".rows-per-second")).isEqualTo("500.0");
	}
}
