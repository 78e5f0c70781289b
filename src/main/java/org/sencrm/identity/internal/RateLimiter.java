package org.sencrm.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} attempts per key in each window (fixed windows, in memory, per app node).
 * Guards password sign-in (the form and the exchange for a token) and reset requests; the
 * per-login lockout in PostgreSQL guards across nodes.
 */
class RateLimiter {

	private record Window(long start, int count) {
	}

	private final int limit;
	private final long windowMillis;
	private final Clock clock;
	private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

	RateLimiter(int limit, Duration window, Clock clock) {
		this.limit = limit;
		this.windowMillis = window.toMillis();
		this.clock = clock;
	}

	boolean tryAcquire(String key) {
		var now = clock.millis();
		if (windows.size() > 10_000) {
			windows.values().removeIf(w -> now - w.start() >= windowMillis);
		}
		var window = windows.compute(key, (k, w) -> w == null || now - w.start() >= windowMillis
				? new Window(now, 1) : new Window(w.start(), w.count() + 1));
		return window.count() <= limit;
	}
}
