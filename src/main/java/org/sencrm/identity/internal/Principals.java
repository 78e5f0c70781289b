package org.sencrm.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.sencrm.identity.CurrentUser;
import org.sencrm.platform.AfterCommit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The users behind requests (role, teams, language), kept for a few seconds so that a request does
 * not read the user and their teams again: every API call and every page asks. A change made on this
 * node is seen at once (the writers call {@link #forget}); one made on another node within
 * {@code sen.security.principal-cache-ttl} (default 5 s): role changes, team changes and deactivation
 * take effect on every node within that time. Deactivated users are not kept.
 */
@Component
class Principals {

	private record Key(UUID workspaceId, UUID userId) {
	}

	private final Cache<Key, CurrentUser> cache;

	Principals(Clock clock, @Value("${sen.security.principal-cache-ttl:PT5S}") Duration ttl) {
		this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(100_000)
				.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
	}

	/** The user from the cache, or loaded (and kept) when not there; the loader's exception when it fails. */
	CurrentUser of(UUID workspaceId, UUID userId, Supplier<CurrentUser> load) {
		return cache.get(new Key(workspaceId, userId), key -> load.get());
	}

	/**
	 * After a change to this user (role, activity, teams, language): now, and again when the changing
	 * transaction commits, so that a request reading in between cannot keep the old state.
	 */
	void forget(UUID userId) {
		Runnable evict = () -> cache.asMap().keySet().removeIf(key -> key.userId().equals(userId));
		evict.run();
		AfterCommit.run(evict);
	}

	/** After a change that touches several users at once (a team's members). */
	void forgetAll() {
		cache.invalidateAll();
		AfterCommit.run(cache::invalidateAll);
	}
}
