package org.sencrm.directory.duplicates;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import org.sencrm.platform.Ids;
import org.sencrm.platform.SearchText;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The whole-base finder (decision 32). In PostgreSQL, set-based: every record's blocking keys
 * (email, phone, tax code, its name's words in order, birthday with a name initial, postal code
 * with a name word, organization with a name word), and the pairs that share a key in a block of
 * at most {@link #MAX_BLOCK} records — a key held by more says little (a shop's phone, "nguyen").
 * Then each candidate pair is streamed once to Java and scored ({@link Likeness}); pairs from
 * {@link Likeness#KEPT} up are joined into groups (connected pairs) and stored in place of the last
 * scan's, in the same transaction, so readers see the old results until the new ones are there.
 */
@Component
public class DuplicateFinder {

	/** What one scan found. */
	public record Found(long candidates, int pairs, int groups) {
	}

	static final int MAX_BLOCK = 60;
	private static final int CHUNK = 5_000;

	private final NamedParameterJdbcTemplate jdbc;

	DuplicateFinder(DataSource dataSource) {
		var template = new JdbcTemplate(dataSource);
		template.setFetchSize(10_000);
		this.jdbc = new NamedParameterJdbcTemplate(template);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public Found scan(String entity) {
		var ws = Map.<String, Object>of("ws", WorkspaceContext.workspaceId(), "entity", entity, "maxBlock", MAX_BLOCK);
		var traits = "person".equals(entity) ? PERSON_TRAITS : ORGANIZATION_TRAITS;
		var keys = "person".equals(entity) ? PERSON_KEYS : ORGANIZATION_KEYS;
		jdbc.update("create temp table dup_traits on commit drop as " + traits, ws);
		jdbc.update("alter table dup_traits add primary key (id)", Map.of());
		jdbc.update("create temp table dup_keys on commit drop as " + keys, ws);
		jdbc.update("""
				create temp table dup_candidates on commit drop as
				with blocks as (select key, array_agg(id) as ids from dup_keys group by key having count(*) between 2 and :maxBlock)
				select distinct x as low_id, y as high_id from blocks, unnest(ids) x, unnest(ids) y where x < y""", ws);
		jdbc.update("""
				delete from dup_candidates c using not_duplicates n
				where n.workspace_id = :ws and n.entity = :entity and n.low_id = c.low_id and n.high_id = c.high_id""", ws);

		var kept = new ArrayList<Pair>();
		var candidates = new long[1];
		jdbc.query("select c.low_id, c.high_id, "
				+ columns("a") + ", " + columns("b")
				+ " from dup_candidates c join dup_traits a on a.id = c.low_id join dup_traits b on b.id = c.high_id", Map.of(),
				rs -> {
					candidates[0]++;
					var a = "person".equals(entity) ? person(rs, "a_") : organization(rs, "a_");
					var b = "person".equals(entity) ? person(rs, "b_") : organization(rs, "b_");
					var score = Likeness.of(a, b);
					if (score.score() >= Likeness.KEPT) {
						kept.add(new Pair(a.id(), b.id(), score.score(), score.reasons()));
					}
				});
		var groups = Groups.of(kept);
		store(entity, groups);
		return new Found(candidates[0], kept.size(), groups.size());
	}

	/** A scored pair, low id first. */
	record Pair(UUID low, UUID high, double score, List<String> reasons) {
	}

	/** Connected pairs: the ids, the best pair's score, every reason of its pairs. */
	record Group(UUID id, List<UUID> ids, double score, List<String> reasons, List<Pair> pairs) {
	}

	/** Replaces the stored results of this kind with these groups. */
	void store(String entity, List<Group> groups) {
		jdbc.update("delete from duplicate_groups where workspace_id = :ws and entity = :entity",
				Map.of("ws", WorkspaceContext.workspaceId(), "entity", entity));
		add(entity, groups);
	}

	/** Stores these groups and their pairs, set-based (arrays of a few thousand rows per statement). */
	void add(String entity, List<Group> groups) {
		var ws = WorkspaceContext.workspaceId();
		for (int from = 0; from < groups.size(); from += CHUNK) {
			var chunk = groups.subList(from, Math.min(groups.size(), from + CHUNK));
			jdbc.update("""
					insert into duplicate_groups (id, workspace_id, entity, ids, score, reasons)
					select g.id, :ws, :entity, cast(g.ids as uuid[]), g.score, string_to_array(g.reasons, ',')
					from unnest(:ids, :members, :scores, :reasons) as g(id, ids, score, reasons)""",
					Map.of("ws", ws, "entity", entity,
							"ids", chunk.stream().map(Group::id).toArray(UUID[]::new),
							"members", chunk.stream().map(g -> "{" + String.join(",", g.ids().stream().map(UUID::toString).toList()) + "}")
									.toArray(String[]::new),
							"scores", chunk.stream().map(Group::score).toArray(Double[]::new),
							"reasons", chunk.stream().map(g -> String.join(",", g.reasons())).toArray(String[]::new)));
		}
		var pairs = new ArrayList<Object[]>();
		for (var group : groups) {
			for (var pair : group.pairs()) {
				pairs.add(new Object[] {pair, group.id()});
			}
		}
		for (int from = 0; from < pairs.size(); from += CHUNK) {
			var chunk = pairs.subList(from, Math.min(pairs.size(), from + CHUNK));
			jdbc.update("""
					insert into duplicate_pairs (workspace_id, entity, low_id, high_id, score, reasons, group_id)
					select :ws, :entity, p.low, p.high, p.score, string_to_array(p.reasons, ','), p.grp
					from unnest(:lows, :highs, :scores, :reasons, :groups) as p(low, high, score, reasons, grp)""",
					Map.of("ws", ws, "entity", entity,
							"lows", chunk.stream().map(p -> ((Pair) p[0]).low()).toArray(UUID[]::new),
							"highs", chunk.stream().map(p -> ((Pair) p[0]).high()).toArray(UUID[]::new),
							"scores", chunk.stream().map(p -> ((Pair) p[0]).score()).toArray(Double[]::new),
							"reasons", chunk.stream().map(p -> String.join(",", ((Pair) p[0]).reasons())).toArray(String[]::new),
							"groups", chunk.stream().map(p -> (UUID) p[1]).toArray(UUID[]::new)));
		}
	}

	/** Union-find over the pairs' ids. */
	static final class Groups {

		static List<Group> of(List<Pair> pairs) {
			var index = new HashMap<UUID, Integer>();
			var ids = new ArrayList<UUID>();
			for (var pair : pairs) {
				for (var id : List.of(pair.low(), pair.high())) {
					if (index.putIfAbsent(id, ids.size()) == null) {
						ids.add(id);
					}
				}
			}
			var parent = new int[ids.size()];
			Arrays.setAll(parent, i -> i);
			for (var pair : pairs) {
				union(parent, index.get(pair.low()), index.get(pair.high()));
			}
			var members = new HashMap<Integer, List<Pair>>();
			for (var pair : pairs) {
				members.computeIfAbsent(find(parent, index.get(pair.low())), k -> new ArrayList<>()).add(pair);
			}
			var groups = new ArrayList<Group>();
			for (var groupPairs : members.values()) {
				var groupIds = new TreeSet<UUID>();
				var reasons = new java.util.LinkedHashSet<String>();
				var best = 0.0;
				for (var pair : groupPairs) {
					groupIds.add(pair.low());
					groupIds.add(pair.high());
					best = Math.max(best, pair.score());
				}
				groupPairs.sort(java.util.Comparator.comparingDouble(Pair::score).reversed());
				groupPairs.forEach(pair -> reasons.addAll(pair.reasons()));
				groups.add(new Group(Ids.next(), List.copyOf(groupIds), best, List.copyOf(reasons), List.copyOf(groupPairs)));
			}
			return groups;
		}

		private static int find(int[] parent, int i) {
			while (parent[i] != i) {
				parent[i] = parent[parent[i]];
				i = parent[i];
			}
			return i;
		}

		private static void union(int[] parent, int a, int b) {
			parent[find(parent, a)] = find(parent, b);
		}
	}

	// ---- persons ------------------------------------------------------------------------------------

	private static final String PERSON_TRAITS = """
			select p.id, p.family_name, p.given_name, p.search_name, p.birthday,
			  array(select lower(e ->> 'address') from jsonb_array_elements(p.emails) e) as emails,
			  array(select t ->> 'number' from jsonb_array_elements(p.phones) t) as phones,
			  concat_ws(' ', p.addresses -> 0 ->> 'line1', p.addresses -> 0 ->> 'line2', p.addresses -> 0 ->> 'ward',
			    p.addresses -> 0 ->> 'district', p.addresses -> 0 ->> 'city', p.addresses -> 0 ->> 'province',
			    p.addresses -> 0 ->> 'postalCode') as address,
			  nullif(p.addresses -> 0 ->> 'postalCode', '') as postal_code,
			  nullif(btrim(regexp_replace(lower(coalesce(p.addresses -> 0 ->> 'line1', '')), '[0-9[:space:][:punct:]]+', ' ', 'g')), '') as street,
			  array(select r.organization_id from contact_roles r where r.workspace_id = p.workspace_id and r.person_id = p.id) as organizations,
			  null::text as tax_code, null::text as website
			from persons p where p.workspace_id = :ws""";

	/**
	 * A person's blocking keys; the words of search_name are folded already (family name first). Each
	 * key lets through the typos of the fields it does not hold: a name typed twice differently on the
	 * same birthday, a birthday typed wrong by the same name at the same street.
	 */
	private static final String PERSON_KEYS = """
			select t.id, k.key from dup_traits t
			cross join lateral (select string_to_array(t.search_name, ' ') as words) n
			cross join lateral (
			  select 'e:' || e from unnest(t.emails) e
			  union all select 'p:' || ph from unnest(t.phones) ph
			  union all select 'n:' || (select string_agg(w, ' ' order by w) from unnest(n.words) w)
			  union all select 'b:' || t.birthday || ':' || left(w, 1) from unnest(n.words) w where t.birthday is not null
			  union all select 'y:' || extract(year from t.birthday) || ':' || left(w, 3) from unnest(n.words) w where t.birthday is not null
			  union all select 'a:' || t.postal_code || ':' || w from unnest(n.words) w where t.postal_code is not null
			  union all select 'l:' || t.street || ':' || left(w, 1) from unnest(n.words) w where t.street is not null
			  union all select 'o:' || o || ':' || w from unnest(t.organizations) o, unnest(n.words) w
			) k(key)
			where k.key is not null""";

	// ---- organizations --------------------------------------------------------------------------------

	private static final String ORGANIZATION_TRAITS = """
			select o.id, null::text as family_name, o.name as given_name, o.search_name, null::date as birthday,
			  array(select lower(e ->> 'address') from jsonb_array_elements(o.emails) e) as emails,
			  array(select t ->> 'number' from jsonb_array_elements(o.phones) t) as phones,
			  concat_ws(' ', o.addresses -> 0 ->> 'line1', o.addresses -> 0 ->> 'line2', o.addresses -> 0 ->> 'ward',
			    o.addresses -> 0 ->> 'district', o.addresses -> 0 ->> 'city', o.addresses -> 0 ->> 'province',
			    o.addresses -> 0 ->> 'postalCode') as address,
			  nullif(o.addresses -> 0 ->> 'postalCode', '') as postal_code,
			  null::text as street,
			  array[]::uuid[] as organizations,
			  nullif(regexp_replace(coalesce(o.tax_code, ''), '\\D', '', 'g'), '') as tax_code,
			  nullif(lower(regexp_replace(coalesce(o.website, ''), '^([a-z]+://)?(www\\.)?([^/:?#]+).*$', '\\3', 'i')), '') as website
			from organizations o where o.workspace_id = :ws""";

	private static final String ORGANIZATION_KEYS = """
			select t.id, k.key from dup_traits t
			cross join lateral (select array(select w from unnest(string_to_array(t.search_name, ' ')) w
			                                 where w <> all(array['cong','ty','tnhh','co','phan','cp','mtv','jsc','ltd','llc','inc',
			                                                      'corp','company','limited','thanh','vien','mot','tu','nhan','dntn'])) as words) n
			cross join lateral (
			  select 't:' || t.tax_code where t.tax_code is not null
			  union all select 'e:' || e from unnest(t.emails) e
			  union all select 'p:' || ph from unnest(t.phones) ph
			  union all select 'w:' || t.website where t.website is not null
			  union all select 'n:' || (select string_agg(w, ' ' order by w) from unnest(n.words) w) where cardinality(n.words) > 0
			  union all select 'n2:' || n.words[1] || ' ' || n.words[2] where cardinality(n.words) >= 2
			) k(key)
			where k.key is not null""";

	private static String columns(String alias) {
		var names = List.of("id", "family_name", "given_name", "search_name", "birthday", "emails", "phones", "address", "organizations",
				"tax_code", "website");
		return String.join(", ", names.stream().map(n -> alias + "." + n + " as " + alias + "_" + n).toList());
	}

	private static Traits person(ResultSet rs, String prefix) throws SQLException {
		var birthday = rs.getDate(prefix + "birthday");
		return Traits.person(rs.getObject(prefix + "id", UUID.class), fold(rs.getString(prefix + "family_name")),
				fold(rs.getString(prefix + "given_name")), birthday == null ? null : birthday.toLocalDate(),
				texts(rs.getArray(prefix + "emails")), texts(rs.getArray(prefix + "phones")), fold(rs.getString(prefix + "address")),
				uuids(rs.getArray(prefix + "organizations")));
	}

	private static Traits organization(ResultSet rs, String prefix) throws SQLException {
		return Traits.organization(rs.getObject(prefix + "id", UUID.class), withoutLegalForm(rs.getString(prefix + "search_name")),
				rs.getString(prefix + "tax_code"), rs.getString(prefix + "website"), texts(rs.getArray(prefix + "emails")),
				texts(rs.getArray(prefix + "phones")), fold(rs.getString(prefix + "address")));
	}

	/** An organization's folded name without the words of its legal form ("cong ty tnhh an phat" is "an phat"). */
	static String withoutLegalForm(String folded) {
		var plain = SearchText.fold(folded).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
		var words = Arrays.stream(plain.split(" ")).filter(w -> !Likeness.LEGAL_FORMS.contains(w)).toList();
		return words.isEmpty() ? plain : String.join(" ", words);
	}

	private static String fold(String text) {
		return text == null ? null : SearchText.fold(text);
	}

	private static List<String> texts(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private static List<UUID> uuids(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
	}
}
