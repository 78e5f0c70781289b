package org.sencrm.directory.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.sencrm.directory.ExportKind;
import org.sencrm.directory.contact.ContactJson;
import org.sencrm.directory.customfield.CustomFields;
import org.sencrm.directory.record.CustomerKind;
import org.sencrm.directory.listing.ListQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.MultiValueMap;

/**
 * What the person and organization exports share (decision 34), their columns named as the import
 * names its fields so that a file goes back in as it came out: the kind's names first, then the
 * contact columns ({@code email} and {@code phone} with every address and number, "; " between
 * them; {@code address} … {@code country} the first address in parts, {@code addresses} every
 * address, one a line), the kind's next columns, {@code tags}, the kind's last columns, owner and
 * dates, and {@code customFields.<key>} for the workspace's custom fields. Rows come in keyset pages
 * of the list's own query, their tags in one statement a page.
 */
abstract class CustomerExportKind implements ExportKind {

	/** The prefix of custom fields' columns, as the import and the history name them. */
	static final String CUSTOM = "customFields.";

	private static final List<Column> CONTACT = List.of(
			Column.of("email", "field.emails"),
			Column.of("phone", "field.phones"),
			Column.of("address", "field.line1"),
			Column.of("ward", "field.ward"),
			Column.of("district", "field.district"),
			Column.of("province", "field.province"),
			Column.optional("city", "field.city"),
			Column.optional("postalCode", "field.postalCode"),
			Column.of("country", "field.country"),
			Column.optional("addresses", "export.column.allAddresses"));

	private static final List<Column> OWNERSHIP = List.of(
			Column.of("ownerId", "field.ownerId"),
			Column.optional("ownerTeamId", "field.ownerTeamId"),
			Column.of("createdAt", "field.createdAt"),
			Column.optional("updatedAt", "field.updatedAt"));

	/** A kind's list as its filters ask for it, and the order. */
	record Listing(Supplier<ListQuery> query, String sort) {
	}

	private final CustomerKind kind;
	private final List<Column> fixed;
	private final ContactJson json;
	private final CustomFields customFields;
	protected final CustomerRows rows;

	/**
	 * @param names the kind's columns before the contact columns
	 * @param beforeTags the kind's columns after the contact columns
	 * @param afterTags the kind's columns between the tags and the owner
	 */
	CustomerExportKind(CustomerKind kind, List<Column> names, List<Column> beforeTags, List<Column> afterTags, JdbcClient jdbc,
			ContactJson json, CustomFields customFields, PlatformTransactionManager transactions) {
		this.kind = kind;
		this.json = json;
		this.customFields = customFields;
		var columns = new ArrayList<Column>();
		columns.add(Column.optional("id", "export.column.id"));
		columns.add(Column.of("externalId", "export.column.externalId"));
		columns.addAll(names);
		columns.addAll(CONTACT);
		columns.addAll(beforeTags);
		columns.add(Column.of("tags", "field.tags"));
		columns.addAll(afterTags);
		columns.addAll(OWNERSHIP);
		this.fixed = List.copyOf(columns);
		var readOnly = new TransactionTemplate(transactions);
		readOnly.setReadOnly(true);
		this.rows = new CustomerRows(jdbc, readOnly);
	}

	@Override
	public String key() {
		return kind.table();
	}

	@Override
	public List<Column> columns() {
		var columns = new ArrayList<>(fixed);
		customFields.of(kind.entity()).forEach(d -> columns.add(new Column(CUSTOM + d.key(), d.label(), true)));
		return columns;
	}

	@Override
	public void checkFilter(MultiValueMap<String, String> filter) {
		listing(filter);
	}

	@Override
	public void rows(MultiValueMap<String, String> params, List<String> columns, Predicate<Map<String, Object>> sink) {
		var listing = listing(params);
		var withTags = columns.contains("tags");
		rows.read(listing.query(), listing.sort(), kind.sortColumn(), rs -> {
			var row = CustomerRows.values();
			row.put("id", rs.getObject("id", UUID.class));
			row.put("externalId", rs.getString("external_id"));
			var emails = json.emails(rs.getString("emails"));
			var phones = json.phones(rs.getString("phones"));
			var addresses = json.addresses(rs.getString("addresses"));
			row.put("email", emails);
			row.put("phone", phones);
			row.put("emails", emails); // as the vCard file reads them
			row.put("phones", phones);
			row.put("addresses", addresses);
			AddressColumns.put(row, addresses);
			row.put("tags", List.of());
			row.put("ownerId", rs.getObject("owner_id", UUID.class));
			row.put("ownerTeamId", rs.getObject("owner_team_id", UUID.class));
			row.put("createdAt", rs.getTimestamp("created_at").toInstant());
			row.put("updatedAt", rs.getTimestamp("updated_at").toInstant());
			own(rs, row);
			json.map(rs.getString("custom_fields")).forEach((key, value) -> row.put(CUSTOM + key, value));
			return row;
		}, page -> {
			if (page.isEmpty()) {
				return;
			}
			if (withTags) {
				var tags = rows.tags(kind.tagTable(), kind.linkColumn(), page);
				page.forEach(r -> r.values().put("tags", tags.getOrDefault(r.id(), List.of())));
			}
			decorate(page, columns);
		}, sink);
	}

	/** The list the filters ask for (a filter that is wrong throws). */
	protected abstract Listing listing(MultiValueMap<String, String> params);

	/** Puts the kind's own values of a row. */
	protected abstract void own(ResultSet rs, Map<String, Object> row) throws SQLException;

	/** Adds, to a page of rows, what the kind keeps in other tables; nothing unless the kind has some. */
	protected void decorate(List<CustomerRows.Read> page, List<String> columns) {
	}
}
