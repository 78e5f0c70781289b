package org.sencrm.directory.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.sencrm.directory.person.Person;
import org.sencrm.platform.SearchText;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one search box: persons and organizations by name, email, phone (any format) or tax code,
 * accent- and case-insensitive, best matches first.
 *
 * <p>Each table is asked three bounded questions, each served by an index: names starting with
 * the query (b-tree, in order), text containing it (trigram GIN: emails, phone digits, later
 * words of a name), and names similar to it (trigram similarity, for typos). The few candidates
 * are then ranked: exact, then prefix, then word prefix, then containment, then similarity.
 */
@Service
public class CustomerSearch {

	public static final int MAX_RESULTS = 50;
	private static final int CANDIDATES = 60;

	private final JdbcClient jdbc;

	CustomerSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<SearchResult> search(String query, int limit, boolean familyFirst) {
		var folded = SearchText.fold(query);
		if (folded.isEmpty()) {
			return List.of();
		}
		var max = Math.max(1, Math.min(limit, MAX_RESULTS));
		// Phones are stored as E.164 digits and national digits, tax codes as digits: a query that is
		// mostly digits matches them however it was typed ("090 123 4567", "+84 90...", "0312345678").
		var digits = SearchText.digits(query);
		var needle = digits.length() >= 6 && digits.length() * 2 > query.replaceAll("\\s", "").length() ? digits : folded;
		var results = new ArrayList<SearchResult>();
		results.addAll(find("persons", folded, needle, max, familyFirst));
		results.addAll(find("organizations", folded, needle, max, familyFirst));
		results.sort(Comparator.comparingDouble(SearchResult::score).reversed().thenComparing(SearchResult::name));
		return results.size() > max ? results.subList(0, max) : results;
	}

	private List<SearchResult> find(String table, String folded, String needle, int max, boolean familyFirst) {
		var person = table.equals("persons");
		var contains = needle.length() >= 3;
		var sql = new StringBuilder("with candidates as (")
				.append("(select id from ").append(table)
				.append(" where workspace_id = :ws and search_name like :prefix order by search_name limit :n)");
		if (contains) {
			sql.append(" union (select id from ").append(table)
					.append(" where workspace_id = :ws and search_text like :contains limit :n)")
					.append(" union (select id from ").append(table)
					.append(" where workspace_id = :ws and search_name % :q limit :n)");
		}
		sql.append(") select t.*, t.emails -> 0 ->> 'address' as first_email, t.phones -> 0 ->> 'number' as first_phone, (case when t.search_name = :q then 4 when t.search_name like :prefix then 3")
				.append(" when t.search_name like :wordPrefix then 2 when t.search_text like :contains then 1 else 0 end")
				.append(" + similarity(t.search_name, :q)) as score")
				.append(" from ").append(table).append(" t join candidates c on c.id = t.id")
				.append(" where t.workspace_id = :ws order by score desc limit :max");
		var escaped = SearchText.escapeLike(folded);
		return jdbc.sql(sql.toString())
				.param("ws", WorkspaceContext.workspaceId())
				.param("q", folded)
				.param("prefix", escaped + "%")
				.param("wordPrefix", "% " + escaped + "%")
				.param("contains", "%" + SearchText.escapeLike(needle) + "%")
				.param("n", CANDIDATES)
				.param("max", max)
				.query((rs, row) -> person
						? new SearchResult("person", rs.getObject("id", UUID.class),
								Person.fullName(rs.getString("family_name"), rs.getString("middle_name"), rs.getString("given_name"), familyFirst),
								firstContact(rs), rs.getDouble("score"))
						: new SearchResult("organization", rs.getObject("id", UUID.class), rs.getString("name"),
								rs.getString("tax_code") != null ? rs.getString("tax_code") : firstContact(rs),
								rs.getDouble("score")))
				.list();
	}

	private static String firstContact(java.sql.ResultSet rs) throws java.sql.SQLException {
		var email = rs.getString("first_email");
		return email != null ? email : rs.getString("first_phone");
	}
}
