package org.sencrm.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Periodic background work (reminders, mailbox polling). Every job claims its work with
 * row-level updates or advisory locks in PostgreSQL, so several app nodes can run it safely;
 * its progress is stored in tables, so it survives restarts. {@code sen.jobs.enabled=false}
 * switches the timers off (tests call the jobs directly).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "sen.jobs.enabled", havingValue = "true", matchIfMissing = true)
class Scheduling {
}
