package org.sencrm.directory.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.sencrm.directory.PersonName;
import org.sencrm.platform.SearchText;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one search box: persons and organizations by name, email, phone (any format) or tax code,
 * accent- and case-insensitive, best matches first.
 *
 * <p>Every person and organization has search terms (table {@code search_terms}, kept by triggers:
 * the runs of words of its search text, given name before family name, phone and tax code digits
 * reversed; see {@code V20__search_terms.sql}). A query asks a few bounded prefix ranges over those
 * terms ({@link SearchPrefixes}) — the one kind of index condition PostgreSQL runs ahead of
 * row-level security — and ranks only their union: exact name, then name prefix, then word prefix,
 * then any other term, plus trigram similarity. Candidates found only by the typo ranges count, below
 * all others, when their name is close to the query by edit distance ({@code sen_edit_similarity}).
 */
@Service
public class CustomerSearch {

	public static final int MAX_RESULTS = 50;
	private static final int CANDIDATES = 60;
	/** A name found only by a typo range counts when at most 30 % of its letters differ from the query. */
	private static final double TYPO = 0.7;

	private final JdbcClient jdbc;

	CustomerSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<SearchResult> search(String query, int limit) {
		return search(query, limit, true, true);
	}

	/** Persons only, best matches first (duplicate checks of a newcomer's name). */
	@Transactional(readOnly = true)
	public List<SearchResult> searchPersons(String query, int limit) {
		return search(query, limit, true, false);
	}

	/** Organizations only, best matches first. */
	@Transactional(readOnly = true)
	public List<SearchResult> searchOrganizations(String query, int limit) {
		return search(query, limit, false, true);
	}

	private List<SearchResult> search(String query, int limit, boolean persons, boolean organizations) {
		var prefixes = SearchPrefixes.of(query);
		if (prefixes.isEmpty()) {
			return List.of();
		}
		var max = Math.max(1, Math.min(limit, MAX_RESULTS));
		var folded = SearchText.fold(query);
		var results = new ArrayList<SearchResult>();
		if (persons) {
			results.addAll(find(true, folded, prefixes, max));
		}
		if (organizations) {
			results.addAll(find(false, folded, prefixes, max));
		}
		results.sort(Comparator.comparingDouble(SearchResult::score).reversed().thenComparing(SearchResult::name));
		return results.size() > max ? results.subList(0, max) : results;
	}

	private List<SearchResult> find(boolean person, String folded, List<SearchPrefixes.Prefix> prefixes, int max) {
		var table = person ? "persons" : "organizations";
		var column = person ? "person_id" : "organization_id";
		var sql = new StringBuilder("with hits as (");
		for (int i = 0; i < prefixes.size(); i++) {
			sql.append(i == 0 ? "" : " union all ").append("(select ").append(column).append(" as id, ")
					.append(prefixes.get(i).direct()).append(" as direct from search_terms where workspace_id = :ws and term >= :from")
					.append(i).append(" and term < :to").append(i).append(" and ").append(column)
					.append(" is not null order by term limit :n)");
		}
		sql.append("), candidates as (select id, bool_or(direct) as direct from hits group by id)")
				.append(" select t.*, t.emails -> 0 ->> 'address' as first_email, t.phones -> 0 ->> 'number' as first_phone,")
				.append(" (case when t.search_name = :q then 4 when starts_with(t.search_name, :q) then 3")
				.append(" when t.search_name like :wordPrefix then 2 when c.direct then 1 else 0 end")
				.append(" + case when c.direct then similarity(t.search_name, :q)")
				.append(" else sen_edit_similarity(t.search_name, :q) end)")
				.append(" as score from ").append(table).append(" t join candidates c on c.id = t.id")
				.append(" where t.workspace_id = :ws and (c.direct or sen_edit_similarity(t.search_name, :q) >= :typo)")
				.append(" order by score desc, t.search_name limit :max");
		var statement = jdbc.sql(sql.toString())
				.param("ws", WorkspaceContext.workspaceId())
				.param("q", folded)
				.param("wordPrefix", "% " + SearchText.escapeLike(folded) + "%")
				.param("n", CANDIDATES)
				.param("typo", TYPO)
				.param("max", max);
		for (int i = 0; i < prefixes.size(); i++) {
			statement = statement.param("from" + i, prefixes.get(i).from()).param("to" + i, prefixes.get(i).to());
		}
		return statement.query((rs, row) -> person
				? new SearchResult("person", rs.getObject("id", UUID.class),
						PersonName.stored(rs.getString("family_name"), rs.getString("middle_name"), rs.getString("given_name"),
								rs.getString("name_order")).display(),
						firstContact(rs), rs.getDouble("score"))
				: new SearchResult("organization", rs.getObject("id", UUID.class), rs.getString("name"),
						rs.getString("tax_code") != null ? rs.getString("tax_code") : firstContact(rs), rs.getDouble("score")))
				.list();
	}

	private static String firstContact(java.sql.ResultSet rs) throws java.sql.SQLException {
		var email = rs.getString("first_email");
		return email != null ? email : rs.getString("first_phone");
	}
}
