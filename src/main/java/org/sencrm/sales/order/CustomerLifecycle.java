package org.sencrm.sales.order;

import java.time.Clock;
import java.util.UUID;

import org.sencrm.directory.Customers;
import org.sencrm.directory.Customers.Kind;
import org.sencrm.sales.OrderPaid;
import org.sencrm.sales.OrderPlaced;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps customers' lifecycle stages in step with their orders ({@link LifecycleStages}): after an
 * order is placed or paid, counts the orders of the order's organization and moves its stage,
 * then does the same for the person named on the order — each customer from its own orders
 * ({@code orders.organization_id}, {@code orders.person_id}). Runs after the order's transaction
 * commits, on its own thread and in its own transaction, in the order's workspace as the system.
 * Cancelled orders stop counting but move no stage down (decision 13). Safe to run twice: it
 * counts again and finds the stage already set.
 */
@Component
class CustomerLifecycle {

	private final JdbcClient jdbc;
	private final Customers customers;
	private final Clock clock;

	CustomerLifecycle(JdbcClient jdbc, Customers customers, Clock clock) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(OrderPlaced placed) {
		update(placed.workspaceId(), placed.organizationId(), placed.personId());
	}

	@ApplicationModuleListener
	void on(OrderPaid paid) {
		update(paid.workspaceId(), paid.organizationId(), paid.personId());
	}

	/** The organization first, then the person (always in this order, so two runs never wait on each other in a circle). */
	private void update(UUID workspaceId, UUID organizationId, UUID personId) {
		if (organizationId != null) {
			update(workspaceId, Kind.ORGANIZATION, organizationId);
		}
		if (personId != null) {
			update(workspaceId, Kind.PERSON, personId);
		}
	}

	private void update(UUID workspaceId, Kind kind, UUID customerId) {
		var column = kind == Kind.PERSON ? "person_id" : "organization_id";
		// one customer's orders at a time, so two orders placed together both count (ids are unique across kinds)
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(cast(:customer as text), 7))").param("customer", customerId)
				.query((rs, n) -> 1).list();
		var counts = jdbc.sql("""
				select count(*) as orders,
				       count(*) filter (where placed_at >= :yearAgo) as recent
				from orders where workspace_id = :ws and %s = :customer
				  and status in ('confirmed', 'delivered', 'paid')""".formatted(column))
				.param("ws", workspaceId).param("customer", customerId)
				.param("yearAgo", java.sql.Timestamp.from(clock.instant().atOffset(java.time.ZoneOffset.UTC).minusMonths(12).toInstant()))
				.query((rs, n) -> new long[] {rs.getLong("orders"), rs.getLong("recent")}).single();
		var current = customers.lifecycleStage(kind, customerId).orElse(null);
		var next = LifecycleStages.next(current, LifecycleStages.of(counts[0], counts[1]));
		if (next != null && !next.equals(current)) {
			customers.setLifecycleStage(kind, customerId, next);
		}
	}
}
