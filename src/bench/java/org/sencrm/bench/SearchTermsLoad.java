package org.sencrm.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * Search terms for bulk-loaded rows, made in one statement by the same SQL function the triggers
 * call ({@code sen_search_terms}, migration V20), and the checks that replace the per-row
 * triggers the bulk load switched off.
 */
final class SearchTermsLoad {

	private SearchTermsLoad() {
	}

	/** Adds the terms of every person and organization that has none yet; returns how many terms there are now. */
	static long addMissing(Connection connection) throws SQLException {
		try (var statement = connection.createStatement()) {
			Bench.progress("  search terms of persons");
			statement.executeUpdate("""
					insert into search_terms (workspace_id, term, person_id)
					select p.workspace_id, t, p.id from persons p, sen_search_terms(p.search_name, p.search_text, true) t
					where not exists (select 1 from search_terms s where s.person_id = p.id)""");
			Bench.progress("  search terms of organizations");
			statement.executeUpdate("""
					insert into search_terms (workspace_id, term, organization_id)
					select o.workspace_id, t, o.id from organizations o, sen_search_terms(o.search_name, o.search_text, false) t
					where not exists (select 1 from search_terms s where s.organization_id = o.id)""");
			try (var rows = statement.executeQuery("select count(*) from search_terms")) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	/** What the foreign keys and triggers would have guaranteed row by row, checked once for the whole load. */
	static void checkConsistency(Connection connection, int persons, int organizations) throws SQLException {
		var expected = Map.of(
				"select count(*) from persons", (long) persons,
				"select count(*) from organizations", (long) organizations,
				"select count(*) from persons p where not exists (select 1 from users u where u.id = p.owner_id and u.workspace_id = p.workspace_id)", 0L,
				"select count(*) from organizations o where not exists (select 1 from users u where u.id = o.owner_id)", 0L,
				"select count(*) from contact_roles r where not exists (select 1 from persons p where p.id = r.person_id)"
						+ " or not exists (select 1 from organizations o where o.id = r.organization_id)", 0L,
				"select count(*) from person_tags pt where not exists (select 1 from tags t where t.id = pt.tag_id)"
						+ " or not exists (select 1 from persons p where p.id = pt.person_id)", 0L,
				"select count(*) from persons p where not exists (select 1 from search_terms s where s.person_id = p.id)", 0L,
				"select count(*) from organizations o where not exists (select 1 from search_terms s where s.organization_id = o.id)", 0L);
		try (var statement = connection.createStatement()) {
			for (var check : expected.entrySet()) {
				try (var rows = statement.executeQuery(check.getKey())) {
					rows.next();
					if (rows.getLong(1) != check.getValue()) {
						throw new IllegalStateException("Bulk load inconsistent: " + check.getKey() + " gave " + rows.getLong(1)
								+ ", expected " + check.getValue());
					}
				}
			}
		}
		Bench.progress("  bulk data consistent (counts, owners, contact roles, tags, search terms)");
	}
}
