package org.sencrm.platform.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again what a listener failed to handle (decision 25). Spring Modulith's registry
 * ({@code event_publication}) keeps one row per event and listener; a listener that throws leaves
 * its row {@code FAILED}. Every {@code sen.jobs.event-retries-every} (and shortly after start) this
 * job, on one node at a time:
 * <ol>
 * <li>marks runs that started more than {@code sen.events.stale-after} ago and never finished as
 * failed — their node stopped (a crash, a restart) while the listener ran;</li>
 * <li>gives up on publications that failed {@code sen.events.max-attempts} times: one error line
 * in the log each, {@code given_up_at} set, the row left in the table to look at and retry by hand;</li>
 * <li>resubmits the failed ones whose wait is over — {@code sen.events.retry-backoff} after the
 * first attempt, doubling after each further one, at most an hour — through Modulith's
 * {@link FailedEventPublications}, which claims each row ({@code FAILED} → {@code RESUBMITTED})
 * before handing it to its listener;</li>
 * <li>deletes completed publications older than {@code sen.events.keep-completed}.</li>
 * </ol>
 * One node at a time: the round holds a PostgreSQL advisory lock; a node that cannot take it skips
 * the round. So no two nodes ever pick and claim the same failed row, and a row a listener is still
 * working on (not {@code FAILED}) is never resubmitted. Listeners are idempotent all the same: a run
 * can be presumed lost while it is only slow, or finish and then fail to record its completion.
 */
@Component
public class EventRetries {

	private static final Logger log = LoggerFactory.getLogger(EventRetries.class);
	private static final Duration LONGEST_WAIT = Duration.ofHours(1);
	/** At most this many deliveries handed back per round, so a backlog does not flood the connection pool. */
	private static final int BATCH = 100;

	/** What one round did; {@code ran} is false when another node held the round. */
	public record Round(boolean ran, int presumedLost, int givenUp, int resubmitted) {
	}

	private final DataSource dataSource;
	private final JdbcClient jdbc;
	private final FailedEventPublications failed;
	private final CompletedEventPublications completed;
	private final Clock clock;
	private final int maxAttempts;
	private final Duration backoff;
	private final Duration staleAfter;
	private final Duration keepCompleted;

	EventRetries(DataSource dataSource, JdbcClient jdbc, FailedEventPublications failed, CompletedEventPublications completed,
			Clock clock, @Value("${sen.events.max-attempts:10}") int maxAttempts,
			@Value("${sen.events.retry-backoff:PT1M}") Duration backoff,
			@Value("${sen.events.stale-after:PT10M}") Duration staleAfter,
			@Value("${sen.events.keep-completed:P30D}") Duration keepCompleted) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.failed = failed;
		this.completed = completed;
		this.clock = clock;
		this.maxAttempts = maxAttempts;
		this.backoff = backoff;
		this.staleAfter = staleAfter;
		this.keepCompleted = keepCompleted;
	}

	@Scheduled(fixedDelayString = "${sen.jobs.event-retries-every:PT1M}", initialDelayString = "PT20S")
	public void retry() {
		run(clock.instant());
	}

	/**
	 * One round as if it were {@code now}: what is stale, given up and due is judged at that time
	 * (tests move it ahead instead of waiting); the registry stamps a resubmission with its own clock.
	 */
	public Round run(Instant now) {
		try (var connection = dataSource.getConnection()) {
			if (!lock(connection, "pg_try_advisory_lock")) {
				return new Round(false, 0, 0, 0);
			}
			try {
				var lost = markLostRunsFailed(now);
				var givenUp = giveUp(now);
				var resubmitted = resubmitDue(now);
				completed.deletePublicationsOlderThan(keepCompleted);
				return new Round(true, lost, givenUp, resubmitted);
			} finally {
				lock(connection, "pg_advisory_unlock");
			}
		} catch (SQLException e) {
			throw new IllegalStateException("Could not take the event retry lock", e);
		}
	}

	private static boolean lock(Connection connection, String function) throws SQLException {
		try (var statement = connection.prepareStatement("select " + function + "(hashtextextended('sen:event-retries', 0))");
				var result = statement.executeQuery()) {
			return result.next() && result.getBoolean(1);
		}
	}

	private int markLostRunsFailed(Instant now) {
		var lost = jdbc.sql("""
				update event_publication set status = 'FAILED'
				where completion_date is null and status in ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')
				  and coalesce(last_resubmission_date, publication_date) < :startedBefore
				returning id, event_type, listener_id""")
				.param("startedBefore", Timestamp.from(now.minus(staleAfter)))
				.query((rs, n) -> rs.getString("event_type") + " → " + rs.getString("listener_id") + " (" + rs.getString("id") + ")")
				.list();
		lost.forEach(p -> log.warn("Event delivery {} started more than {} ago and never finished: marked failed, to be retried", p,
				staleAfter));
		return lost.size();
	}

	private int giveUp(Instant now) {
		var givenUp = jdbc.sql("""
				update event_publication set given_up_at = :now
				where completion_date is null and status = 'FAILED' and completion_attempts >= :max and given_up_at is null
				returning id, event_type, listener_id, completion_attempts, publication_date""")
				.param("now", Timestamp.from(now)).param("max", maxAttempts)
				.query((rs, n) -> "%s → %s (%s, published %s, %d attempts)".formatted(rs.getString("event_type"),
						rs.getString("listener_id"), rs.getString("id"), rs.getTimestamp("publication_date").toInstant(),
						rs.getInt("completion_attempts")))
				.list();
		givenUp.forEach(p -> log.error("Gave up delivering event {}: it stays failed in event_publication; "
				+ "docs/events.md says how to deliver it again once the cause is fixed", p));
		return givenUp.size();
	}

	private int resubmitDue(Instant now) {
		var due = new HashSet<>(jdbc.sql("""
				select id from event_publication
				where completion_date is null and status = 'FAILED' and completion_attempts < :max
				  and coalesce(last_resubmission_date, publication_date)
				      + make_interval(secs => least(:backoff * power(2, least(completion_attempts - 1, 30)), :longest)) <= :now
				order by publication_date
				limit :batch""")
				.param("max", maxAttempts).param("batch", BATCH).param("backoff", (double) backoff.toSeconds())
				.param("longest", (double) LONGEST_WAIT.toSeconds()).param("now", Timestamp.from(now))
				.query(UUID.class).list());
		if (due.isEmpty()) {
			return 0;
		}
		var resubmitted = new int[1];
		failed.resubmit(ResubmissionOptions.defaults().withBatchSize(Integer.MAX_VALUE).withFilter(p -> {
			var take = due.contains(p.getIdentifier());
			resubmitted[0] += take ? 1 : 0;
			return take;
		}));
		log.info("Resubmitted {} failed event deliveries", resubmitted[0]);
		return resubmitted[0];
	}
}
