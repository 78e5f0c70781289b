package org.sencrm.directory.duplicates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.sencrm.directory.NameOrder;
import org.sencrm.directory.PersonName;
import org.sencrm.platform.SearchText;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The check a new or changed record goes through before it is saved (the forms, the API, web forms,
 * imports): the records it matches exactly — an email, a phone (E.164), a tax code — which the API
 * answers with 409 {@code duplicate} unless told to allow it; and the ones it probably duplicates
 * — the same folded name and the same birthday, province or organization — returned as
 * {@code possibleDuplicates}. A few indexed lookups per record, no scan (decision 32).
 */
@Service
public class DuplicateCheck {

	/** A person as typed: emails in any case, phones in E.164 (as the directory stores them). */
	public record PersonProbe(String familyName, String middleName, String givenName, LocalDate birthday, List<String> emails,
			List<String> phones, List<String> provinces, List<UUID> organizations) {

		public PersonProbe {
			emails = emails == null ? List.of() : List.copyOf(emails);
			phones = phones == null ? List.of() : List.copyOf(phones);
			provinces = provinces == null ? List.of() : List.copyOf(provinces);
			organizations = organizations == null ? List.of() : List.copyOf(organizations);
		}
	}

	/** An organization as typed. */
	public record OrganizationProbe(String name, String taxCode, List<String> emails, List<String> phones, List<String> provinces) {

		public OrganizationProbe {
			emails = emails == null ? List.of() : List.copyOf(emails);
			phones = phones == null ? List.of() : List.copyOf(phones);
			provinces = provinces == null ? List.of() : List.copyOf(provinces);
		}
	}

	/**
	 * A record the probe matches: {@code exact} when an email, phone or tax code is the same (a
	 * duplicate to refuse unless allowed), else a possible duplicate; the reasons as the finder names them.
	 */
	public record Match(UUID id, boolean exact, List<String> reasons) {
	}

	/** A match with what people read of it: the record's name and page. */
	public record Found(UUID id, String name, boolean exact, List<String> reasons, String link) implements java.io.Serializable {
	}

	private final JdbcClient jdbc;
	private final CustomerCards cards;

	DuplicateCheck(JdbcClient jdbc, CustomerCards cards) {
		this.jdbc = jdbc;
		this.cards = cards;
	}

	/** The matches of a person or an organization with their names and links (one query). */
	@Transactional(readOnly = true)
	public List<Found> named(boolean person, List<Match> matches) {
		var named = cards.of(person ? DuplicateKind.PERSON : DuplicateKind.ORGANIZATION, matches.stream().map(Match::id).toList());
		return matches.stream().filter(m -> named.containsKey(m.id()))
				.map(m -> new Found(m.id(), named.get(m.id()).name(), m.exact(), m.reasons(), named.get(m.id()).link())).toList();
	}

	/** The persons this one duplicates, exact matches first; {@code except} (the person being edited) left out. */
	@Transactional(readOnly = true)
	public List<Match> persons(PersonProbe probe, UUID except) {
		var found = new LinkedHashMap<UUID, Set<String>>();
		byContacts("persons", "person_id", probe.emails(), probe.phones(), found);
		var exact = Set.copyOf(found.keySet());
		var name = SearchText.fold(new PersonName(probe.familyName(), probe.middleName(), probe.givenName(), NameOrder.FAMILY_FIRST)
				.display());
		if (!name.isBlank()) {
			// display_name is the folded name, family first (persons_list)
			jdbc.sql("""
					select p.id, p.birthday,
					  exists (select 1 from jsonb_array_elements(p.addresses) a
					          where lower(a ->> 'province') = any(:provinces)) as same_province,
					  exists (select 1 from contact_roles r where r.workspace_id = p.workspace_id and r.person_id = p.id
					          and r.organization_id = any(:organizations)) as same_organization
					from persons p where p.workspace_id = :ws and p.display_name = :name limit 200""")
					.param("ws", WorkspaceContext.workspaceId()).param("name", name)
					.param("provinces", probe.provinces().stream().filter(p -> p != null && !p.isBlank())
							.map(p -> p.strip().toLowerCase(Locale.ROOT)).toArray(String[]::new))
					.param("organizations", probe.organizations().toArray(UUID[]::new))
					.query(rs -> {
						var id = rs.getObject("id", UUID.class);
						var birthday = rs.getDate("birthday");
						var reasons = new ArrayList<String>();
						if (probe.birthday() != null && birthday != null && probe.birthday().equals(birthday.toLocalDate())) {
							reasons.add("same_birthday");
						}
						if (rs.getBoolean("same_province")) {
							reasons.add("same_province");
						}
						if (rs.getBoolean("same_organization")) {
							reasons.add("same_organization");
						}
						if (!reasons.isEmpty() || exact.contains(id)) {
							reason(found, id, "same_name");
							reasons.forEach(r -> reason(found, id, r));
						}
					});
		}
		return matches(found, exact, except);
	}

	/** The organizations this one duplicates, exact matches first. */
	@Transactional(readOnly = true)
	public List<Match> organizations(OrganizationProbe probe, UUID except) {
		var found = new LinkedHashMap<UUID, Set<String>>();
		var taxCode = SearchText.digits(probe.taxCode());
		if (!taxCode.isEmpty()) {
			jdbc.sql("""
					select id from organizations where workspace_id = :ws and tax_code = :taxCode
					  or workspace_id = :ws and tax_code = :typed""")
					.param("ws", WorkspaceContext.workspaceId()).param("taxCode", taxCode).param("typed", probe.taxCode().strip())
					.query(UUID.class).list().forEach(id -> reason(found, id, "same_tax_code"));
		}
		byContacts("organizations", "organization_id", probe.emails(), probe.phones(), found);
		var exact = Set.copyOf(found.keySet());
		var name = SearchText.fold(probe.name());
		if (!name.isBlank()) {
			jdbc.sql("""
					select o.id from organizations o where o.workspace_id = :ws and o.search_name = :name
					  and (cardinality(cast(:provinces as text[])) = 0
					       or exists (select 1 from jsonb_array_elements(o.addresses) a where lower(a ->> 'province') = any(:provinces)))
					limit 200""")
					.param("ws", WorkspaceContext.workspaceId()).param("name", name)
					.param("provinces", probe.provinces().stream().filter(p -> p != null && !p.isBlank())
							.map(p -> p.strip().toLowerCase(Locale.ROOT)).toArray(String[]::new))
					.query(UUID.class).list().forEach(id -> reason(found, id, "same_name"));
		}
		return matches(found, exact, except);
	}

	/**
	 * Records holding one of these email addresses ({@code same_email}) or phone numbers
	 * ({@code same_phone}), all asked in one statement. For each value, the records whose search
	 * terms start with it are kept when their stored jsonb holds it exactly. The terms index is
	 * read first (a range PostgreSQL can use under row-level security), then each hit by its
	 * primary key: the lateral join, kept from being flattened by {@code offset 0}, leaves the
	 * planner no other order, so a young table without statistics cannot make this a scan of every
	 * record (decision 32).
	 */
	private void byContacts(String table, String column, List<String> emails, List<String> phones, Map<UUID, Set<String>> found) {
		var parts = new ArrayList<String>();
		var params = new LinkedHashMap<String, Object>();
		for (var email : emails) {
			var address = email.strip().toLowerCase(Locale.ROOT);
			termPart(parts, params, table, column, address, "emails", "address", address, "same_email");
		}
		for (var phone : phones) {
			termPart(parts, params, table, column, SearchText.digits(phone), "phones", "number", phone, "same_phone");
		}
		if (parts.isEmpty()) {
			return;
		}
		params.put("ws", WorkspaceContext.workspaceId());
		record Hit(UUID id, String reason) {
		}
		jdbc.sql(String.join("\nunion all\n", parts)).params(params)
				.query((rs, n) -> new Hit(rs.getObject(1, UUID.class), rs.getString(2))).list()
				.forEach(hit -> reason(found, hit.id(), hit.reason()));
	}

	private static void termPart(List<String> parts, Map<String, Object> params, String table, String column, String term,
			String jsonColumn, String jsonKey, String value, String reason) {
		if (term.isBlank()) {
			return;
		}
		var n = parts.size();
		params.put("prefix" + n, term.length() > 32 ? term.substring(0, 32) : term);
		params.put("value" + n, value);
		parts.add("""
				(select r.id, '%5$s'
				from (select distinct s.%2$s as id from search_terms s
				      where s.workspace_id = :ws and s.%2$s is not null
				        and s.term >= :prefix%6$d and s.term < :prefix%6$d || chr(1114111)) hit
				cross join lateral (select r.id from %1$s r
				                    where r.id = hit.id and r.workspace_id = :ws
				                      and r.%3$s @> jsonb_build_array(jsonb_build_object('%4$s', cast(:value%6$d as text)))
				                    offset 0) r)""".formatted(table, column, jsonColumn, jsonKey, reason, n));
	}

	private static void reason(Map<UUID, Set<String>> found, UUID id, String reason) {
		found.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(reason);
	}

	private static List<Match> matches(Map<UUID, Set<String>> found, Set<UUID> exact, UUID except) {
		var matches = new ArrayList<Match>();
		found.forEach((id, reasons) -> {
			if (!id.equals(except)) {
				matches.add(new Match(id, exact.contains(id), List.copyOf(reasons)));
			}
		});
		matches.sort((a, b) -> Boolean.compare(b.exact(), a.exact()));
		return matches;
	}
}
