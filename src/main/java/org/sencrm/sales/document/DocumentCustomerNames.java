package org.sencrm.sales.document;

import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.sencrm.directory.Customers;
import org.sencrm.directory.PersonRenamed;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Quotes, orders and contracts keep their customer's name ({@code customer_name}: lists and the
 * printed quote read it without asking the directory, and it stays when the customer is deleted).
 * When a person's name reads differently — a part or its order changed — their documents take the
 * new name in the same transaction (decision 24). The documents' versions and histories are left
 * alone: the name is the directory's, not something edited on the document.
 */
@Component
class DocumentCustomerNames {

	private static final List<String> TABLES = List.of("quotes", "orders", "contracts");

	private final JdbcClient jdbc;
	private final Customers customers;

	DocumentCustomerNames(JdbcClient jdbc, Customers customers) {
		this.jdbc = jdbc;
		this.customers = customers;
	}

	@EventListener
	void on(PersonRenamed renamed) {
		var ws = WorkspaceContext.workspaceId();
		var organizationIds = new HashSet<UUID>();
		for (var table : TABLES) {
			jdbc.sql("update " + table + " " + """
					set customer_name = :name
					where workspace_id = :ws and person_id = :person and organization_id is null""")
					.param("name", renamed.name()).param("ws", ws).param("person", renamed.personId()).update();
			organizationIds.addAll(jdbc.sql("select distinct organization_id from " + table + " " + """
					where workspace_id = :ws and person_id = :person and organization_id is not null""")
					.param("ws", ws).param("person", renamed.personId()).query(UUID.class).list());
		}
		if (organizationIds.isEmpty()) {
			return;
		}
		// An organization deleted since keeps the name the documents have.
		customers.names(List.of(), organizationIds).forEach((organizationId, organizationName) -> {
			for (var table : TABLES) {
				jdbc.sql("update " + table + " " + """
						set customer_name = :name
						where workspace_id = :ws and person_id = :person and organization_id = :organization""")
						.param("name", DocumentCustomers.name(organizationName, renamed.name())).param("ws", ws)
						.param("person", renamed.personId()).param("organization", organizationId).update();
			}
		});
	}
}
