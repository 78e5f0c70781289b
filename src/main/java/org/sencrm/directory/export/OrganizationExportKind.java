package org.sencrm.directory.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.sencrm.directory.ExportKind;
import org.sencrm.directory.contact.ContactJson;
import org.sencrm.directory.customfield.CustomFields;
import org.sencrm.directory.record.CustomerKind;
import org.sencrm.directory.record.RecordTable;
import org.sencrm.directory.organization.OrganizationFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.MultiValueMap;

/**
 * Organizations for an export: the organization list's filters and order, columns named as the
 * import names its fields (as persons: {@code email}, {@code phone}, the first address in parts,
 * {@code customFields.<key>}).
 */
@Component
class OrganizationExportKind implements ExportKind {

	private static final List<Column> FIXED = List.of(
			Column.optional("id", "export.column.id"),
			Column.of("externalId", "export.column.externalId"),
			Column.of("name", "field.name"),
			Column.of("kind", "field.kind"),
			Column.of("relationship", "field.relationship"),
			Column.of("lifecycleStage", "field.lifecycleStage"),
			Column.of("taxCode", "field.taxCode"),
			Column.of("industry", "field.industry"),
			Column.of("size", "field.size"),
			Column.of("website", "field.website"),
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
			Column.of("tags", "field.tags"),
			Column.optional("parentId", "field.parentId"),
			Column.of("ownerId", "field.ownerId"),
			Column.optional("ownerTeamId", "field.ownerTeamId"),
			Column.of("createdAt", "field.createdAt"),
			Column.optional("updatedAt", "field.updatedAt"));

	private final ContactJson json;
	private final CustomFields customFields;
	private final CustomerRows rows;

	OrganizationExportKind(JdbcClient jdbc, ContactJson json, CustomFields customFields, PlatformTransactionManager transactions) {
		this.json = json;
		this.customFields = customFields;
		var readOnly = new TransactionTemplate(transactions);
		readOnly.setReadOnly(true);
		this.rows = new CustomerRows(jdbc, readOnly);
	}

	@Override
	public String key() {
		return "organizations";
	}

	@Override
	public List<Column> columns() {
		var columns = new ArrayList<>(FIXED);
		customFields.of("organization").forEach(d -> columns.add(new Column(PersonExportKind.CUSTOM + d.key(), d.label(), true)));
		return columns;
	}

	@Override
	public void checkFilter(MultiValueMap<String, String> filter) {
		OrganizationFilter.of(filter);
	}

	@Override
	public void rows(MultiValueMap<String, String> params, List<String> columns, Predicate<Map<String, Object>> sink) {
		var filter = OrganizationFilter.of(params);
		var withTags = columns.contains("tags");
		rows.read(() -> RecordTable.query(CustomerKind.ORGANIZATION, filter.common())
				.equal("kind", filter.kind())
				.equal("relationship", filter.relationship()), filter.common().sort(), "search_name", rs -> {
					var row = CustomerRows.values();
					row.put("id", rs.getObject("id", UUID.class));
					row.put("externalId", rs.getString("external_id"));
					row.put("name", rs.getString("name"));
					row.put("kind", rs.getString("kind"));
					row.put("relationship", rs.getString("relationship"));
					row.put("lifecycleStage", rs.getString("lifecycle_stage"));
					row.put("taxCode", rs.getString("tax_code"));
					row.put("industry", rs.getString("industry"));
					row.put("size", rs.getString("size"));
					row.put("website", rs.getString("website"));
					var addresses = json.addresses(rs.getString("addresses"));
					row.put("email", json.emails(rs.getString("emails")));
					row.put("phone", json.phones(rs.getString("phones")));
					row.put("addresses", addresses);
					AddressColumns.put(row, addresses);
					row.put("tags", List.of());
					row.put("parentId", rs.getObject("parent_id", UUID.class));
					row.put("ownerId", rs.getObject("owner_id", UUID.class));
					row.put("ownerTeamId", rs.getObject("owner_team_id", UUID.class));
					row.put("createdAt", rs.getTimestamp("created_at").toInstant());
					row.put("updatedAt", rs.getTimestamp("updated_at").toInstant());
					json.map(rs.getString("custom_fields")).forEach((key, value) -> row.put(PersonExportKind.CUSTOM + key, value));
					return row;
				}, page -> {
					if (withTags && !page.isEmpty()) {
						var tags = rows.tags("organization_tags", "organization_id", page);
						page.forEach(r -> r.values().put("tags", tags.getOrDefault(r.id(), List.of())));
					}
				}, sink);
	}
}
