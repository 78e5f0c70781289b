package org.sencrm.sales.document;

import java.time.LocalDate;
import java.util.UUID;

import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Numbers documents per workspace and year: Q-2026-0001, O-2026-0001, C-2026-0001. The counter
 * row is incremented in the transaction of the document, which holds its lock until commit, so
 * two documents never share a number and a rolled-back one gives its number back.
 */
@Component
public class DocumentNumbers {

	public enum Kind {
		QUOTE("Q"), ORDER("O"), CONTRACT("C");

		private final String prefix;

		Kind(String prefix) {
			this.prefix = prefix;
		}
	}

	private final JdbcClient jdbc;

	DocumentNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public String next(Kind kind, LocalDate day) {
		UUID workspace = WorkspaceContext.workspaceId();
		var value = jdbc.sql("""
				insert into sales_counters (workspace_id, kind, year, last_value) values (:ws, :kind, :year, 1)
				on conflict (workspace_id, kind, year) do update set last_value = sales_counters.last_value + 1
				returning last_value""")
				.param("ws", workspace).param("kind", kind.name().toLowerCase()).param("year", day.getYear())
				.query(Integer.class).single();
		return "%s-%d-%04d".formatted(kind.prefix, day.getYear(), value);
	}
}
