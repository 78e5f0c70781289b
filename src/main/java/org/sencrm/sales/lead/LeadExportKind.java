package org.sencrm.sales.lead;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.sencrm.directory.ExportKind;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/** Leads for an export (decision 34): the lead list's filters and order, columns named as in the API. */
@Component
class LeadExportKind implements ExportKind {

	private static final List<Column> COLUMNS = List.of(
			Column.optional("id", "export.column.id"),
			Column.of("externalId", "export.column.externalId"),
			Column.of("status", "field.status"),
			Column.of("familyName", "field.familyName"),
			Column.of("givenName", "field.givenName"),
			Column.of("email", "field.email"),
			Column.of("phone", "field.phone"),
			Column.of("companyName", "export.column.companyName"),
			Column.of("taxCode", "field.taxCode"),
			Column.of("jobTitle", "field.jobTitle"),
			Column.of("province", "field.province"),
			Column.of("message", "export.column.message"),
			Column.of("source", "field.source"),
			Column.of("campaign", "export.column.campaign"),
			Column.of("score", "export.column.score"),
			Column.optional("disqualifyReason", "export.column.disqualifyReason"),
			Column.of("ownerId", "field.ownerId"),
			Column.optional("convertedPersonId", "export.column.convertedPersonId"),
			Column.optional("convertedOrganizationId", "export.column.convertedOrganizationId"),
			Column.of("createdAt", "field.createdAt"),
			Column.optional("updatedAt", "field.updatedAt"));

	private final Leads leads;
	private final JdbcClient jdbc;

	LeadExportKind(Leads leads, JdbcClient jdbc) {
		this.leads = leads;
		this.jdbc = jdbc;
	}

	@Override
	public String key() {
		return "leads";
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	@Override
	public void checkFilter(MultiValueMap<String, String> filter) {
		LeadFilter.of(filter);
	}

	@Override
	public void rows(MultiValueMap<String, String> params, List<String> columns, Predicate<Map<String, Object>> sink) {
		var filter = LeadFilter.of(params);
		String cursor = null;
		do {
			var page = leads.list(new LeadFilter(filter.status(), filter.ownerId(), filter.unassigned(), filter.source(),
					filter.minScore(), filter.sort(), cursor, LeadFilter.MAX_LIMIT));
			var externalIds = columns.contains("externalId") ? externalIds(page.items().stream().map(Lead::id).toArray(UUID[]::new))
					: Map.<UUID, String>of();
			for (var lead : page.items()) {
				var row = new LinkedHashMap<String, Object>();
				row.put("id", lead.id());
				row.put("externalId", externalIds.get(lead.id()));
				row.put("status", lead.status());
				row.put("familyName", lead.familyName());
				row.put("givenName", lead.givenName());
				row.put("email", lead.email());
				row.put("phone", lead.phone());
				row.put("companyName", lead.companyName());
				row.put("taxCode", lead.taxCode());
				row.put("jobTitle", lead.jobTitle());
				row.put("province", lead.province());
				row.put("message", lead.message());
				row.put("source", lead.source());
				row.put("campaign", lead.campaign());
				row.put("score", lead.score());
				row.put("disqualifyReason", lead.disqualifyReason());
				row.put("ownerId", lead.ownerId());
				row.put("convertedPersonId", lead.convertedPersonId());
				row.put("convertedOrganizationId", lead.convertedOrganizationId());
				row.put("createdAt", lead.createdAt());
				row.put("updatedAt", lead.updatedAt());
				if (!sink.test(row)) {
					return;
				}
			}
			cursor = page.nextCursor();
		} while (cursor != null);
	}

	private Map<UUID, String> externalIds(UUID[] ids) {
		var found = new HashMap<UUID, String>();
		jdbc.sql("select id, external_id from leads where workspace_id = :ws and id = any(:ids) and external_id is not null")
				.param("ws", WorkspaceContext.workspaceId()).param("ids", ids)
				.query((rs, n) -> found.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
		return found;
	}
}
