package org.sencrm.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Lets event listeners run after the publishing transaction, on their own thread, so they open
 * their own transactions bound to the right workspace ({@code events.ListenerBinding}). Deliveries
 * are recorded by Spring Modulith's event publication registry (table event_publication), and
 * failed ones delivered again by {@code events.EventRetries}.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncWork {
}
