package org.sencrm.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.context.annotation.Primary;

/**
 * The application's clock in integration tests (decision 18): the system's time unless a test
 * stops it ({@link #stopAt}) or moves it ({@link #advance}). A test that does either calls
 * {@link #reset} when it ends, because every test of the run shares the application.
 */
@Primary
public class TestClock extends Clock {

	private volatile Instant stopped;
	private volatile Duration offset = Duration.ZERO;

	/** From now on the time stands still at {@code instant} (plus whatever {@link #advance} adds). */
	public void stopAt(Instant instant) {
		stopped = instant;
	}

	public void advance(Duration duration) {
		offset = offset.plus(duration);
	}

	public void reset() {
		stopped = null;
		offset = Duration.ZERO;
	}

	@Override
	public Instant instant() {
		var at = stopped;
		return (at == null ? Instant.now() : at).plus(offset);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		var source = this;
		return new Clock() {
			@Override
			public Instant instant() {
				return source.instant();
			}

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return source.withZone(other);
			}
		};
	}
}
