package org.sencrm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sencrm.platform.events.EventRetries;
import org.sencrm.support.EventProbe;
import org.sencrm.support.EventProbe.Probed;
import org.sencrm.support.IntegrationTest;
import org.sencrm.support.Publications;
import org.sencrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A listener that fails is delivered again by the retry job, after a wait, a bounded number of
 * times, by one node at a time; a delivery lost with its node is presumed failed and delivered
 * again (decision 25). The failures come from {@link EventProbe}, a listener that fails on purpose.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class EventRetriesTest {

	@Autowired
	TestWorkspaces workspaces;

	@Autowired
	EventProbe probe;

	@Autowired
	Publications publications;

	@Autowired
	EventRetries retries;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Clock clock;

	@Value("${sen.events.max-attempts:10}")
	int maxAttempts;

	UUID workspace;

	@BeforeEach
	void setUp() {
		workspace = workspaces.create().id();
	}

	@Test
	void aListenerThatFailsOnceIsDeliveredAgainAfterItsWaitAndTakesEffectOnce() {
		var id = publish(1);
		awaitStatus(id, "FAILED");
		assertThat(probe.runs(id)).hasSize(1);

		var early = retries.run(clock.instant());

		assertThat(early.ran()).isTrue();
		assertThat(status(id)).as("a minute's wait after the first attempt").isEqualTo("FAILED");

		var later = retries.run(clock.instant().plus(Duration.ofMinutes(2)));

		assertThat(later.resubmitted()).isPositive();
		publications.awaitCompleted(Probed.class, id.toString());
		assertThat(probe.successes(id)).isEqualTo(1);
		assertThat(probe.runs(id)).hasSize(2);
		assertThat(publications.attempts(Probed.class, id.toString())).isEqualTo(2);
		retries.run(clock.instant().plus(Duration.ofHours(3)));
		assertThat(status(id)).as("a completed delivery is never resubmitted").isEqualTo("COMPLETED");
		assertThat(probe.runs(id)).hasSize(2);
	}

	@Test
	void listenersRunInTheEventsWorkspaceAsTheSystemAlsoWhenDeliveredAgain() {
		var id = publish(1);
		awaitStatus(id, "FAILED");
		retries.run(clock.instant().plus(Duration.ofMinutes(2)));
		publications.awaitCompleted(Probed.class, id.toString());

		assertThat(probe.runs(id)).hasSize(2).allSatisfy(run -> {
			assertThat(run.scope().workspaceId()).isEqualTo(workspace);
			assertThat(run.scope().actorId()).as("the system").isNull();
			assertThat(run.databaseWorkspace()).as("PostgreSQL's setting in the listener's transaction")
					.isEqualTo(workspace.toString());
		});
	}

	@Test
	void theWaitDoublesWithEachAttempt() {
		var id = publish(Integer.MAX_VALUE);
		awaitStatus(id, "FAILED");
		var publishedAt = Instant.now();

		retries.run(publishedAt.plus(Duration.ofMinutes(2)));
		await().atMost(Publications.PATIENCE).until(() -> probe.runs(id).size() == 2 && "FAILED".equals(status(id)));
		var secondAttempt = lastAttempt(id);

		retries.run(secondAttempt.plus(Duration.ofSeconds(90)));
		assertThat(status(id)).as("two minutes after the second attempt, not one").isEqualTo("FAILED");
		assertThat(probe.runs(id)).hasSize(2);
		retries.run(secondAttempt.plus(Duration.ofMinutes(3)));
		await().atMost(Publications.PATIENCE).until(() -> probe.runs(id).size() == 3);
	}

	@Test
	void aDeliveryThatKeepsFailingIsGivenUpAfterItsLastAttemptWithOneErrorInTheLog(CapturedOutput output) {
		var id = publish(Integer.MAX_VALUE);
		awaitStatus(id, "FAILED");
		jdbc.sql("update event_publication set completion_attempts = :attempts where serialized_event like :id")
				.param("attempts", maxAttempts - 1).param("id", "%" + id + "%").update();

		var last = retries.run(clock.instant().plus(Duration.ofHours(2)));

		assertThat(last.resubmitted()).isPositive();
		await().atMost(Publications.PATIENCE).until(() -> probe.runs(id).size() == 2 && "FAILED".equals(status(id)));
		assertThat(publications.attempts(Probed.class, id.toString())).isEqualTo(maxAttempts);
		assertThat(givenUpAt(id)).isNull();

		retries.run(clock.instant().plus(Duration.ofHours(4)));
		retries.run(clock.instant().plus(Duration.ofHours(6)));

		assertThat(givenUpAt(id)).isNotNull();
		assertThat(status(id)).as("left failed, to be looked at").isEqualTo("FAILED");
		assertThat(publications.attempts(Probed.class, id.toString())).as("no attempt after the last").isEqualTo(maxAttempts);
		assertThat(probe.runs(id)).hasSize(2);
		var publication = jdbc.sql("select id from event_publication where serialized_event like :id").param("id", "%" + id + "%")
				.query(UUID.class).single();
		assertThat(output.getAll().lines().filter(line -> line.contains("Gave up delivering event") && line.contains(publication.toString())))
				.hasSize(1);
	}

	@Test
	void aDeliveryLostWithItsNodeIsPresumedFailedAfterTheStaleTimeAndDeliveredAgain() {
		var id = publish(0);
		publications.awaitCompleted(Probed.class, id.toString());
		// as if the node had died in the middle of the listener
		jdbc.sql("update event_publication set status = 'PROCESSING', completion_date = null where serialized_event like :id")
				.param("id", "%" + id + "%").update();

		var soon = retries.run(clock.instant().plus(Duration.ofMinutes(5)));

		assertThat(status(id)).as("it may still be running on its node").isEqualTo("PROCESSING");
		var late = retries.run(clock.instant().plus(Duration.ofMinutes(11)));

		assertThat(soon.presumedLost()).isZero();
		assertThat(late.presumedLost()).isPositive();
		publications.awaitCompleted(Probed.class, id.toString());
		assertThat(probe.runs(id)).hasSize(2);
	}

	@Test
	void whileOneNodeRunsTheRoundAnotherSkipsIt() throws Exception {
		var id = publish(1);
		awaitStatus(id, "FAILED");

		try (var otherNode = dataSource.getConnection(); var lock = otherNode.createStatement()) {
			lock.execute("select pg_advisory_lock(hashtextextended('sen:event-retries', 0))");
			var skipped = retries.run(clock.instant().plus(Duration.ofMinutes(2)));
			assertThat(skipped.ran()).isFalse();
			assertThat(status(id)).isEqualTo("FAILED");
			lock.execute("select pg_advisory_unlock(hashtextextended('sen:event-retries', 0))");
		}

		assertThat(retries.run(clock.instant().plus(Duration.ofMinutes(2))).ran()).isTrue();
		publications.awaitCompleted(Probed.class, id.toString());
	}

	@Test
	void twoNodesRunningTheRoundTogetherDeliverEachFailedEventOnce() throws Exception {
		var ids = new ArrayList<UUID>();
		for (int i = 0; i < 20; i++) {
			ids.add(publish(1));
		}
		ids.forEach(id -> awaitStatus(id, "FAILED"));

		var later = clock.instant().plus(Duration.ofMinutes(2));
		try (var nodes = Executors.newFixedThreadPool(2)) {
			Callable<EventRetries.Round> round = () -> retries.run(later);
			for (var result : nodes.invokeAll(List.of(round, round))) {
				result.get();
			}
		}
		// a round takes at most 100 failed deliveries, oldest first: other tests of the run may have left older ones
		while (retries.run(later).resubmitted() > 0) {
			// the next batch
		}

		ids.forEach(id -> publications.awaitCompleted(Probed.class, id.toString()));
		assertThat(ids).allSatisfy(id -> assertThat(probe.runs(id)).as("one failure, one delivery").hasSize(2));
	}

	private UUID publish(int failures) {
		var id = UUID.randomUUID();
		new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(new Probed(workspace, id, failures)));
		return id;
	}

	private void awaitStatus(UUID id, String status) {
		await().atMost(Publications.PATIENCE).until(() -> status.equals(status(id)));
	}

	private String status(UUID id) {
		return jdbc.sql("select status from event_publication where event_type = :type and serialized_event like :id")
				.param("type", Probed.class.getName()).param("id", "%" + id + "%").query(String.class).single();
	}

	private Instant lastAttempt(UUID id) {
		return jdbc.sql("select last_resubmission_date from event_publication where serialized_event like :id")
				.param("id", "%" + id + "%").query(java.sql.Timestamp.class).single().toInstant();
	}

	private Instant givenUpAt(UUID id) {
		return jdbc.sql("select given_up_at from event_publication where serialized_event like :id")
				.param("id", "%" + id + "%").query((rs, n) -> java.util.Optional.ofNullable(rs.getTimestamp(1))).single()
				.map(java.sql.Timestamp::toInstant).orElse(null);
	}
}
