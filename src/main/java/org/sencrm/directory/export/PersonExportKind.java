package org.sencrm.directory.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.sencrm.directory.ExportKind;
import org.sencrm.directory.NameOrder;
import org.sencrm.directory.contact.ContactJson;
import org.sencrm.directory.customfield.CustomFields;
import org.sencrm.directory.record.CustomerKind;
import org.sencrm.directory.record.RecordTable;
import org.sencrm.directory.person.PersonFilter;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.MultiValueMap;

/**
 * Persons for an export: the person list's filters and order, its columns named as the import
 * names its fields (decision 34), so the file goes back in as it came out. {@code fullName} is the
 * name in the person's own order (the import reads the parts when they are there); {@code email} and
 * {@code phone} hold every address and number, "; " between them; {@code address} … {@code country}
 * are the first address in parts, {@code addresses} every address on one line each;
 * {@code organizations} the organizations the person has a role at (the import makes contact roles
 * of them); {@code customFields.<key>} the custom fields.
 */
@Component
class PersonExportKind implements ExportKind {

	static final String KEY = "persons";
	/** The prefix of custom fields' columns, as the import and the history name them. */
	static final String CUSTOM = "customFields.";

	private static final List<Column> FIXED = List.of(
			Column.optional("id", "export.column.id"),
			Column.of("externalId", "export.column.externalId"),
			Column.of("fullName", "export.column.fullName"),
			Column.of("familyName", "field.familyName"),
			Column.of("middleName", "field.middleName"),
			Column.of("givenName", "field.givenName"),
			Column.of("nameOrder", "field.nameOrder"),
			Column.of("email", "field.emails"),
			Column.of("phone", "field.phones"),
			Column.of("address", "field.line1"),
			Column.of("ward", "field.ward"),
			Column.of("district", "field.district"),
			Column.of("province", "field.province"),
			Column.optional("city", "field.city"),
			Column.optional("postalCode", "field.postalCode"),
			Column.of("country", "field.country"),
			Column.optional("addresses", "export.column.allAddresses"),
			Column.of("organizations", "export.column.organizations"),
			Column.of("birthday", "field.birthday"),
			Column.of("tags", "field.tags"),
			Column.of("status", "field.status"),
			Column.of("lifecycleStage", "field.lifecycleStage"),
			Column.of("source", "field.source"),
			Column.of("ownerId", "field.ownerId"),
			Column.optional("ownerTeamId", "field.ownerTeamId"),
			Column.of("createdAt", "field.createdAt"),
			Column.optional("updatedAt", "field.updatedAt"));

	private final JdbcClient jdbc;
	private final ContactJson json;
	private final CustomFields customFields;
	private final CustomerRows rows;

	PersonExportKind(JdbcClient jdbc, ContactJson json, CustomFields customFields, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.json = json;
		this.customFields = customFields;
		var readOnly = new TransactionTemplate(transactions);
		readOnly.setReadOnly(true);
		this.rows = new CustomerRows(jdbc, readOnly);
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public List<Column> columns() {
		var columns = new ArrayList<>(FIXED);
		customFields.of("person").forEach(d -> columns.add(new Column(CUSTOM + d.key(), d.label(), true)));
		return columns;
	}

	@Override
	public void checkFilter(MultiValueMap<String, String> filter) {
		PersonFilter.of(filter);
	}

	@Override
	public void rows(MultiValueMap<String, String> params, List<String> columns, Predicate<Map<String, Object>> sink) {
		var filter = PersonFilter.of(params);
		var withOrganizations = columns.contains("organizations");
		var withTags = columns.contains("tags");
		rows.read(() -> RecordTable.query(CustomerKind.PERSON, filter.common()).equal("status", filter.status()),
				filter.common().sort(), "display_name", rs -> {
					var row = CustomerRows.values();
					var id = rs.getObject("id", UUID.class);
					var order = NameOrder.stored(rs.getString("name_order"));
					var family = rs.getString("family_name");
					var middle = rs.getString("middle_name");
					var given = rs.getString("given_name");
					row.put("id", id);
					row.put("externalId", rs.getString("external_id"));
					row.put("fullName", new org.sencrm.directory.PersonName(family, middle, given, order).display());
					row.put("familyName", family);
					row.put("middleName", middle);
					row.put("givenName", given);
					row.put("nameOrder", order.key());
					var emails = json.emails(rs.getString("emails"));
					var phones = json.phones(rs.getString("phones"));
					var addresses = json.addresses(rs.getString("addresses"));
					row.put("emails", emails);
					row.put("email", emails);
					row.put("phones", phones);
					row.put("phone", phones);
					row.put("addresses", addresses);
					AddressColumns.put(row, addresses);
					row.put("organizations", List.of());
					var birthday = rs.getDate("birthday");
					row.put("birthday", birthday == null ? null : birthday.toLocalDate());
					row.put("tags", List.of());
					row.put("status", rs.getString("status"));
					row.put("lifecycleStage", rs.getString("lifecycle_stage"));
					row.put("source", rs.getString("source"));
					row.put("ownerId", rs.getObject("owner_id", UUID.class));
					row.put("ownerTeamId", rs.getObject("owner_team_id", UUID.class));
					row.put("createdAt", rs.getTimestamp("created_at").toInstant());
					row.put("updatedAt", rs.getTimestamp("updated_at").toInstant());
					json.map(rs.getString("custom_fields")).forEach((key, value) -> row.put(CUSTOM + key, value));
					return row;
				}, page -> {
					if (page.isEmpty()) {
						return;
					}
					if (withTags) {
						var tags = rows.tags("person_tags", "person_id", page);
						page.forEach(r -> r.values().put("tags", tags.getOrDefault(r.id(), List.of())));
					}
					if (withOrganizations) {
						var names = organizations(page.stream().map(CustomerRows.Read::id).toArray(UUID[]::new));
						page.forEach(r -> r.values().put("organizations", names.getOrDefault(r.id(), List.of())));
					}
				}, sink);
	}

	/** The organizations each person has a role at, by name. */
	private Map<UUID, List<String>> organizations(UUID[] personIds) {
		var names = new HashMap<UUID, List<String>>();
		jdbc.sql("""
				select cr.person_id, o.name from contact_roles cr join organizations o on o.id = cr.organization_id
				where cr.workspace_id = :ws and cr.person_id = any(:ids) order by o.search_name, o.id""")
				.param("ws", WorkspaceContext.workspaceId()).param("ids", personIds)
				.query((rs, n) -> names.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>()).add(rs.getString(2)))
				.list();
		return names;
	}
}
