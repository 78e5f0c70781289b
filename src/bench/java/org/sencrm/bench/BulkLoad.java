package org.sencrm.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.contact.ContactDetails;
import org.sencrm.directory.contact.ContactJson;
import org.sencrm.directory.contact.EmailAddress;
import org.sencrm.directory.contact.PhoneNumber;
import org.sencrm.directory.person.Consent;
import org.sencrm.directory.NameOrder;
import org.sencrm.directory.PersonName;
import org.sencrm.directory.person.Person;
import org.sencrm.directory.organization.Organization;
import org.sencrm.platform.ValidationException;

/**
 * Loads the bulk of the customer base straight into PostgreSQL with COPY, as the superuser
 * {@code postgres} (COPY FROM is refused on tables under row-level security otherwise).
 *
 * <p>Each person row is what {@code PersonRepository} writes: contact details cleaned by the
 * app's {@link ContactDetails}, the derived columns from {@link Person#sortName()} and
 * {@link Person#searchText()}, the JSON from the app's own {@link ContactJson}; organizations
 * likewise, with {@link Organization#searchName()} and {@link Organization#searchText()}.
 *
 * <p>The secondary indexes of the two big tables are dropped before and rebuilt from their own
 * definitions after the load, the usual way to bulk-load PostgreSQL: building a trigram index
 * once is many times faster than growing it row by row.
 */
final class BulkLoad {

	record Result(long persons, long organizations, long contactRoles, long personTags, long searchTerms, Duration copy,
			Duration terms, Duration indexes, Duration vacuum) {
	}

	private static final String PERSON_COLUMNS = "id, workspace_id, family_name, middle_name, given_name, name_order, display_name,"
			+ " emails, phones, addresses, birthday, owner_id, owner_team_id, source, status, lifecycle_stage, consents,"
			+ " custom_fields, search_name, search_text, created_at, updated_at, version";
	private static final String ORGANIZATION_COLUMNS = "id, workspace_id, name, kind, relationship, tax_code, industry,"
			+ " size, website, emails, phones, addresses, parent_id, owner_id, owner_team_id, custom_fields, search_name,"
			+ " search_text, created_at, updated_at, version";
	private static final int CHUNK = 100_000;

	private record ContactRole(UUID id, UUID personId, int organization, String jobTitle, List<String> buyingRoles) {
	}

	private final String jdbcUrl;
	private final ContactJson json;
	private final CustomerBase base;
	private final UUID workspaceId;
	private final List<UUID> ownerIds;
	private final Map<String, UUID> tagIds;
	private final List<ContactRole> contactRoles = new ArrayList<>();
	private UUID[] organizationIds = new UUID[0];

	BulkLoad(String jdbcUrl, ContactJson json, CustomerBase base, UUID workspaceId, List<UUID> ownerIds,
			Map<String, UUID> tagIds) {
		this.jdbcUrl = jdbcUrl;
		this.json = json;
		this.base = base;
		this.workspaceId = workspaceId;
		this.ownerIds = ownerIds;
		this.tagIds = tagIds;
	}

	/**
	 * Loads persons {@code apiIds.length .. N-1} and organizations {@code apiOrganizationIds.length .. M-1} (those
	 * before were made through the API), and the contact roles of all persons.
	 */
	Result load(UUID[] apiIds, UUID[] apiOrganizationIds, boolean rebuildIndexes, long deadlineNanos) throws SQLException {
		try (var connection = org.sencrm.platform.database.EmbeddedPostgres.superuserConnection(jdbcUrl)) {
			try (var statement = connection.createStatement()) {
				statement.execute("set maintenance_work_mem = '1GB'");
				statement.execute("set synchronous_commit = off");
				// Row triggers off for this session: no foreign key checks per row (the rows are consistent by
				// construction, and checked in bulk below), and no search terms per row (made in one statement below).
				statement.execute("set session_replication_role = replica");
			}
			var started = System.nanoTime();
			var dropped = rebuildIndexes ? dropSecondaryIndexes(connection, List.of("persons", "organizations", "search_terms"))
					: List.<String>of();
			organizationIds = new UUID[base.organizations()];
			for (int k = 0; k < organizationIds.length; k++) {
				organizationIds[k] = k < apiOrganizationIds.length ? apiOrganizationIds[k] : base.organization(k).id();
			}
			var organizations = copyOrganizations(connection, apiOrganizationIds.length);
			var persons = 0L;
			var personTags = 0L;
			for (int from = apiIds.length; from < base.persons(); from += CHUNK) {
				check(deadlineNanos);
				var to = Math.min(base.persons(), from + CHUNK);
				var counts = copyPersons(connection, from, to);
				persons += counts[0];
				personTags += counts[1];
				Bench.progress("  copied persons %,d of %,d", to - apiIds.length, base.persons() - apiIds.length);
			}
			for (int i = 0; i < apiIds.length; i++) {
				contactRole(base.person(i), apiIds[i]);
			}
			var roles = copyContactRoles(connection);
			var copied = System.nanoTime();
			check(deadlineNanos);
			var terms = SearchTermsLoad.addMissing(connection);
			var termsMade = System.nanoTime();
			try (var statement = connection.createStatement()) {
				for (var definition : dropped) {
					check(deadlineNanos);
					Bench.progress("  %s", definition);
					statement.execute(definition);
				}
			}
			var indexed = System.nanoTime();
			SearchTermsLoad.checkConsistency(connection, base.persons(), base.organizations());
			try (var statement = connection.createStatement()) {
				for (var table : List.of("persons", "organizations", "search_terms", "contact_roles", "person_tags", "tags", "users")) {
					statement.execute("vacuum (analyze) " + table);
				}
			}
			var vacuumed = System.nanoTime();
			return new Result(persons, organizations, roles, personTags, terms, Duration.ofNanos(copied - started),
					Duration.ofNanos(termsMade - copied), Duration.ofNanos(indexed - termsMade),
					Duration.ofNanos(vacuumed - indexed));
		}
	}

	/** The columns the bulk load writes for a person, to check them against a row the API wrote. */
	Map<String, Object> personColumns(CustomerBase.GeneratedPerson generated, UUID id) {
		var person = person(generated, id);
		var columns = new LinkedHashMap<String, Object>();
		columns.put("family_name", person.familyName());
		columns.put("middle_name", person.middleName());
		columns.put("given_name", person.givenName());
		columns.put("display_name", person.sortName());
		columns.put("emails", json.write(person.emails()));
		columns.put("phones", json.write(person.phones()));
		columns.put("addresses", json.write(person.addresses()));
		columns.put("birthday", person.birthday() == null ? null : person.birthday().toString());
		columns.put("owner_id", person.ownerId().toString());
		columns.put("source", person.source());
		columns.put("status", person.status());
		columns.put("lifecycle_stage", person.lifecycleStage());
		columns.put("consents", json.write(person.consents()));
		columns.put("custom_fields", json.write(person.customFields()));
		columns.put("search_name", person.sortName());
		columns.put("search_text", person.searchText());
		return columns;
	}

	private long[] copyPersons(Connection connection, int from, int to) throws SQLException {
		long tags = 0;
		var links = new ArrayList<UUID[]>();
		try (var copy = new CopyRows(connection, "persons", PERSON_COLUMNS)) {
			for (int i = from; i < to; i++) {
				var generated = base.person(i);
				var p = person(generated, generated.id());
				personRow(copy, p);
				contactRole(generated, p.id());
				for (var tag : p.tags()) {
					links.add(new UUID[] {p.id(), tagIds.get(tag)});
				}
			}
		}
		try (var copy = new CopyRows(connection, "person_tags", "person_id, tag_id, workspace_id")) {
			for (var link : links) {
				copy.value(link[0]).value(link[1]).value(workspaceId).endRow();
				tags++;
			}
		}
		return new long[] {to - from, tags};
	}

	/**
	 * Copies the persons of {@code newcomers} into {@code table}, a staging table with the columns of
	 * {@code persons}, as an import stages the rows it then writes with one {@code insert … select}.
	 */
	long copyStaging(Connection connection, CustomerBase newcomers, String table) throws SQLException {
		try (var copy = new CopyRows(connection, table, PERSON_COLUMNS)) {
			for (int i = 0; i < newcomers.persons(); i++) {
				var generated = newcomers.person(i);
				personRow(copy, person(generated, generated.id()));
			}
			return copy.rows();
		}
	}

	static String personColumns() {
		return PERSON_COLUMNS;
	}

	private void personRow(CopyRows copy, Person p) throws SQLException {
		copy.value(p.id()).value(workspaceId).value(p.familyName()).value(p.middleName()).value(p.givenName())
				.value(p.nameOrder().key()).value(p.sortName()).value(json.write(p.emails()))
				.value(json.write(p.phones())).value(json.write(p.addresses()))
				.value(p.birthday()).value(p.ownerId()).value(null).value(p.source()).value(p.status())
				.value(p.lifecycleStage()).value(json.write(p.consents()))
				.value(json.write(p.customFields())).value(p.sortName()).value(p.searchText())
				.value(p.createdAt()).value(p.updatedAt()).value(p.version());
		copy.endRow();
	}

	/** The person as {@code PersonService} would store it after checking the draft. */
	private Person person(CustomerBase.GeneratedPerson g, UUID id) {
		var problems = new ValidationException.Collector();
		var emails = ContactDetails.emails(g.emails().stream().map(a -> new EmailAddress(a, null, false)).toList(), problems);
		var phones = ContactDetails.phones(g.phones().stream().map(n -> new PhoneNumber(n, null, false)).toList(), problems);
		var addresses = ContactDetails.addresses(g.address() == null ? List.of() : List.of(g.address()), problems);
		problems.throwIfAny();
		var consents = new LinkedHashMap<String, Consent>();
		g.consents().forEach((channel, status) -> consents.put(channel, new Consent(status, g.createdAt(), "web_form")));
		var family = ContactDetails.blankToNull(g.name().family());
		var middle = ContactDetails.blankToNull(g.name().middle());
		var given = ContactDetails.blankToNull(g.name().given());
		return new Person(id, family, middle, given, PersonName.detect(family, middle, given, NameOrder.GIVEN_FIRST), emails,
				phones, addresses, g.birthday(), g.tags(),
				ownerIds.get(g.owner()), null, g.source(), g.status(), g.lifecycleStage(), consents, Map.of(), null,
				g.createdAt(), g.createdAt(), 0);
	}

	/** Loads organizations {@code from .. M-1}; those before were made through the API. */
	private long copyOrganizations(Connection connection, int from) throws SQLException {
		try (var copy = new CopyRows(connection, "organizations", ORGANIZATION_COLUMNS)) {
			for (int k = from; k < base.organizations(); k++) {
				var o = organization(base.organization(k));
				copy.value(o.id()).value(workspaceId).value(o.name()).value(o.kind()).value(o.relationship())
						.value(o.taxCode()).value(o.industry()).value(o.size()).value(o.website())
						.value(json.write(o.emails())).value(json.write(o.phones())).value(json.write(o.addresses()))
						.value(null).value(o.ownerId()).value(null).value(json.write(o.customFields())).value(o.searchName())
						.value(o.searchText()).value(o.createdAt()).value(o.updatedAt()).value(o.version());
				copy.endRow();
			}
			return copy.rows();
		}
	}

	/** The organization as {@code OrganizationService} would store it after checking the draft. */
	private Organization organization(CustomerBase.GeneratedOrganization g) {
		var problems = new ValidationException.Collector();
		var emails = ContactDetails.emails(g.emails().stream().map(a -> new EmailAddress(a, null, false)).toList(), problems);
		var phones = ContactDetails.phones(g.phones().stream().map(n -> new PhoneNumber(n, null, false)).toList(), problems);
		var addresses = ContactDetails.addresses(List.of(g.address()), problems);
		problems.throwIfAny();
		return new Organization(g.id(), g.name(), g.kind(), g.relationship(), null, g.taxCode(), g.industry(), g.size(),
				g.website(), emails, phones, addresses, null, List.of(), ownerIds.get(g.owner()), null, Map.of(), null,
				g.createdAt(), g.createdAt(), 0);
	}

	/** The columns the bulk load writes for an organization, to check them against a row the API wrote. */
	Map<String, Object> organizationColumns(CustomerBase.GeneratedOrganization generated) {
		var o = organization(generated);
		var columns = new LinkedHashMap<String, Object>();
		columns.put("name", o.name());
		columns.put("kind", o.kind());
		columns.put("relationship", o.relationship());
		columns.put("tax_code", o.taxCode());
		columns.put("industry", o.industry());
		columns.put("size", o.size());
		columns.put("website", o.website());
		columns.put("emails", json.write(o.emails()));
		columns.put("phones", json.write(o.phones()));
		columns.put("addresses", json.write(o.addresses()));
		columns.put("owner_id", o.ownerId().toString());
		columns.put("custom_fields", json.write(o.customFields()));
		columns.put("search_name", o.searchName());
		columns.put("search_text", o.searchText());
		return columns;
	}

	private void contactRole(CustomerBase.GeneratedPerson p, UUID personId) {
		if (p.organization() != null) {
			contactRoles.add(new ContactRole(base.contactRoleId(p), personId, p.organization(), p.jobTitle(), p.buyingRoles()));
		}
	}

	private long copyContactRoles(Connection connection) throws SQLException {
		try (var copy = new CopyRows(connection, "contact_roles",
				"id, workspace_id, person_id, organization_id, job_title, buying_roles, version")) {
			for (var role : contactRoles) {
				copy.value(role.id()).value(workspaceId).value(role.personId()).value(organizationIds[role.organization()])
						.value(role.jobTitle()).value(CopyRows.array(role.buyingRoles())).value(0);
				copy.endRow();
			}
			return copy.rows();
		}
	}

	/** Drops the indexes that are neither primary keys nor unique; returns the statements that make them again. */
	private static List<String> dropSecondaryIndexes(Connection connection, List<String> tables) throws SQLException {
		var definitions = new ArrayList<String>();
		var names = new ArrayList<String>();
		try (var statement = connection.prepareStatement("""
				select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) from pg_index i
				where i.indrelid = ?::regclass and not i.indisprimary and not i.indisunique order by 1""")) {
			for (var table : tables) {
				statement.setString(1, table);
				try (var rows = statement.executeQuery()) {
					while (rows.next()) {
						names.add(rows.getString(1));
						definitions.add(rows.getString(2));
					}
				}
			}
		}
		try (var statement = connection.createStatement()) {
			for (var name : names) {
				statement.execute("drop index " + name);
			}
		}
		return definitions;
	}

	private static void check(long deadlineNanos) {
		if (System.nanoTime() > deadlineNanos) {
			throw new IllegalStateException("The benchmark ran past its time limit while loading");
		}
	}
}
