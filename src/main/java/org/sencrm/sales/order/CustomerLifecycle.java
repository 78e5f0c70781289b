package org.sencrm.sales.order;

import java.util.UUID;

import org.sencrm.directory.Customers;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.sales.OrderPaid;
import org.sencrm.sales.OrderPlaced;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps a person's lifecycle stage in step with their orders ({@link LifecycleStages}): after an
 * order is placed or paid, counts the person's orders and moves the stage in the directory. Runs
 * after the order's transaction commits, on its own thread, in the order's workspace as the system.
 * Organizations have no lifecycle stage in the directory yet; their orders count for the person
 * named on the order.
 */
@Component
class CustomerLifecycle {

	private final JdbcClient jdbc;
	private final Customers customers;
	private final TransactionTemplate transactions;

	CustomerLifecycle(JdbcClient jdbc, Customers customers, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.transactions = new TransactionTemplate(transactions);
	}

	@Async
	@TransactionalEventListener
	void on(OrderPlaced placed) {
		update(placed.workspaceId(), placed.personId());
	}

	@Async
	@TransactionalEventListener
	void on(OrderPaid paid) {
		update(paid.workspaceId(), paid.personId());
	}

	void update(UUID workspaceId, UUID personId) {
		if (personId == null) {
			return;
		}
		WorkspaceContext.runAsSystem(workspaceId, () -> transactions.executeWithoutResult(status -> {
			// one person's orders at a time, so two orders placed together both count
			jdbc.sql("select pg_advisory_xact_lock(hashtextextended(cast(:person as text), 7))").param("person", personId)
					.query((rs, n) -> 1).list();
			var counts = jdbc.sql("""
					select count(*) as orders,
					       count(*) filter (where placed_at >= now() - interval '12 months') as recent
					from orders where workspace_id = :ws and person_id = :person
					  and status in ('confirmed', 'delivered', 'paid')""")
					.param("ws", workspaceId).param("person", personId)
					.query((rs, n) -> new long[] {rs.getLong("orders"), rs.getLong("recent")}).single();
			var current = customers.lifecycleStage(personId).orElse(null);
			var next = LifecycleStages.next(current, LifecycleStages.of(counts[0], counts[1]));
			if (next != null && !next.equals(current)) {
				customers.setLifecycleStage(personId, next);
			}
		}));
	}
}
