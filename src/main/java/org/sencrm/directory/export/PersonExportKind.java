package org.sencrm.directory.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.NameOrder;
import org.sencrm.directory.PersonName;
import org.sencrm.directory.contact.ContactJson;
import org.sencrm.directory.customfield.CustomFields;
import org.sencrm.directory.person.PersonFilter;
import org.sencrm.directory.record.CustomerKind;
import org.sencrm.directory.record.RecordTable;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.MultiValueMap;

/**
 * Persons for an export: the person list's filters and order, the columns of every customer export
 * and their own. {@code fullName} is the name in the person's own order (the import reads the parts
 * when they are there); {@code organizations} the organizations the person has a role at (the
 * import makes contact roles of them).
 */
@Component
class PersonExportKind extends CustomerExportKind {

	static final String KEY = "persons";

	private final JdbcClient jdbc;

	private final RecordTable table;

	PersonExportKind(JdbcClient jdbc, ContactJson json, CustomFields customFields, PlatformTransactionManager transactions,
			RecordTable table) {
		super(CustomerKind.PERSON, List.of(
				Column.of("fullName", "export.column.fullName"),
				Column.of("familyName", "field.familyName"),
				Column.of("middleName", "field.middleName"),
				Column.of("givenName", "field.givenName"),
				Column.of("nameOrder", "field.nameOrder")),
				List.of(
						Column.of("organizations", "export.column.organizations"),
						Column.of("birthday", "field.birthday")),
				List.of(
						Column.of("status", "field.status"),
						Column.of("lifecycleStage", "field.lifecycleStage"),
						Column.of("source", "field.source")), jdbc, json, customFields, transactions);
		this.table = table;
		this.jdbc = jdbc;
	}

	@Override
	protected Listing listing(MultiValueMap<String, String> params) {
		var filter = PersonFilter.of(params);
		return new Listing(() -> table.filtered(CustomerKind.PERSON, filter.common()).equal("status", filter.status()),
				filter.common().sort());
	}

	@Override
	protected void own(ResultSet rs, Map<String, Object> row) throws SQLException {
		var order = NameOrder.stored(rs.getString("name_order"));
		var family = rs.getString("family_name");
		var middle = rs.getString("middle_name");
		var given = rs.getString("given_name");
		row.put("fullName", new PersonName(family, middle, given, order).display());
		row.put("familyName", family);
		row.put("middleName", middle);
		row.put("givenName", given);
		row.put("nameOrder", order.key());
		row.put("organizations", List.of());
		var birthday = rs.getDate("birthday");
		row.put("birthday", birthday == null ? null : birthday.toLocalDate());
		row.put("status", rs.getString("status"));
		row.put("lifecycleStage", rs.getString("lifecycle_stage"));
		row.put("source", rs.getString("source"));
	}

	@Override
	protected void decorate(List<CustomerRows.Read> page, List<String> columns) {
		if (columns.contains("organizations")) {
			var names = organizations(page.stream().map(CustomerRows.Read::id).toArray(UUID[]::new));
			page.forEach(r -> r.values().put("organizations", names.getOrDefault(r.id(), List.of())));
		}
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
