package org.sencrm.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;

import org.sencrm.platform.events.EventRetries;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Spring Modulith's event publication registry seen from tests: wait until the listeners of an
 * event have finished (the positive signal that something did <em>not</em> happen), and deliver an
 * event again the way the retry job does after a failure.
 */
@TestComponent
public class Publications {

	/** Long enough for a listener on a busy machine; Awaitility returns as soon as the condition holds. */
	public static final Duration PATIENCE = Duration.ofSeconds(30);

	private final JdbcClient jdbc;
	private final EventRetries retries;
	private final Clock clock;

	Publications(JdbcClient jdbc, EventRetries retries, Clock clock) {
		this.jdbc = jdbc;
		this.retries = retries;
		this.clock = clock;
	}

	/**
	 * Waits until the registry holds a publication of {@code type} whose stored event contains
	 * {@code fragment} (an id), and every listener of every such publication has completed; returns
	 * how many there are (one per listener and publication).
	 */
	public long awaitCompleted(Class<?> type, String fragment) {
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(rows(type, fragment)).as("publications of %s with %s",
				type.getSimpleName(), fragment).isNotEmpty().allMatch(row -> row.completed() != null));
		return rows(type, fragment).size();
	}

	/**
	 * Delivers the publications of {@code type} containing {@code fragment} a second time: waits for
	 * their first delivery, marks them failed and overdue, runs the retry job and waits until they
	 * are completed again.
	 */
	public void redeliver(Class<?> type, String fragment) {
		var publications = awaitCompleted(type, fragment);
		var reset = jdbc.sql("""
				update event_publication
				set status = 'FAILED', completion_date = null, completion_attempts = 1,
				    last_resubmission_date = publication_date - interval '1 day'
				where event_type = :type and serialized_event like :fragment""")
				.param("type", type.getName()).param("fragment", "%" + fragment + "%").update();
		assertThat(reset).isEqualTo(publications);
		assertThat(retries.run(clock.instant()).resubmitted()).isGreaterThanOrEqualTo((int) publications);
		awaitCompleted(type, fragment);
		assertThat(attempts(type, fragment)).as("each delivered a second time").isEqualTo(2);
	}

	/**
	 * Waits until the publications of {@code type} containing {@code fragment} have failed, lets the
	 * retry job run them again now (as it would after its wait) and waits until they are completed.
	 */
	public void retryFailed(Class<?> type, String fragment) {
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(rows(type, fragment)).as("publications of %s with %s",
				type.getSimpleName(), fragment).isNotEmpty().allMatch(row -> "FAILED".equals(row.status())));
		jdbc.sql("""
				update event_publication set last_resubmission_date = publication_date - interval '1 day'
				where event_type = :type and serialized_event like :fragment""")
				.param("type", type.getName()).param("fragment", "%" + fragment + "%").update();
		assertThat(retries.run(clock.instant()).resubmitted()).isGreaterThanOrEqualTo(1);
		awaitCompleted(type, fragment);
	}

	/** The highest number of attempts among the matching publications. */
	public int attempts(Class<?> type, String fragment) {
		return jdbc.sql("select coalesce(max(completion_attempts), 0) from event_publication where event_type = :type and serialized_event like :fragment")
				.param("type", type.getName()).param("fragment", "%" + fragment + "%").query(Integer.class).single();
	}

	/** A row of the registry, as much as a failure message needs. */
	public record Row(String listener, String status, java.time.Instant completed, int attempts) {
	}

	public java.util.List<Row> rows(Class<?> type, String fragment) {
		return jdbc.sql("""
				select listener_id, status, completion_date, completion_attempts
				from event_publication where event_type = :type and serialized_event like :fragment""")
				.param("type", type.getName()).param("fragment", "%" + fragment + "%")
				.query((rs, n) -> new Row(rs.getString(1), rs.getString(2),
						rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(), rs.getInt(4)))
				.list();
	}
}
