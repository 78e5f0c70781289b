package org.sencrm.directory.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.contact.ContactJson;
import org.sencrm.directory.customfield.CustomFields;
import org.sencrm.directory.organization.OrganizationFilter;
import org.sencrm.directory.record.CustomerKind;
import org.sencrm.directory.record.RecordTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.MultiValueMap;

/** Organizations for an export: the organization list's filters and order, the columns of every customer export and their own. */
@Component
class OrganizationExportKind extends CustomerExportKind {

	private final RecordTable table;

	OrganizationExportKind(JdbcClient jdbc, ContactJson json, CustomFields customFields, PlatformTransactionManager transactions,
			RecordTable table) {
		super(CustomerKind.ORGANIZATION, List.of(
				Column.of("name", "field.name"),
				Column.of("kind", "field.kind"),
				Column.of("relationship", "field.relationship"),
				Column.of("lifecycleStage", "field.lifecycleStage"),
				Column.of("taxCode", "field.taxCode"),
				Column.of("industry", "field.industry"),
				Column.of("size", "field.size"),
				Column.of("website", "field.website")),
				List.of(),
				List.of(Column.optional("parentId", "field.parentId")), jdbc, json, customFields, transactions);
		this.table = table;
	}

	@Override
	protected Listing listing(MultiValueMap<String, String> params) {
		var filter = OrganizationFilter.of(params);
		return new Listing(() -> table.filtered(CustomerKind.ORGANIZATION, filter.common())
				.equal("kind", filter.kind())
				.equal("relationship", filter.relationship()), filter.common().sort());
	}

	@Override
	protected void own(ResultSet rs, Map<String, Object> row) throws SQLException {
		row.put("name", rs.getString("name"));
		row.put("kind", rs.getString("kind"));
		row.put("relationship", rs.getString("relationship"));
		row.put("lifecycleStage", rs.getString("lifecycle_stage"));
		row.put("taxCode", rs.getString("tax_code"));
		row.put("industry", rs.getString("industry"));
		row.put("size", rs.getString("size"));
		row.put("website", rs.getString("website"));
		row.put("parentId", rs.getObject("parent_id", UUID.class));
	}
}
