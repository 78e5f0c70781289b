package org.sencrm.platform;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock the code reads the time from ({@code Instant.now(clock)}, {@code LocalDate.now(clock)}),
 * so that tests and checks can move it: jobs, expiry, reminders, KPI periods and lifecycle windows all
 * ask this bean, never the system directly. Times are instants; a workspace's own day comes from
 * its time zone, applied where a date is needed.
 */
@Configuration(proxyBeanMethods = false)
class SystemClock {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}
}
