package org.sencrm.directory.record;

/**
 * The two kinds of customer record — persons and organizations — and where each keeps its rows:
 * the one place that knows the table, the tag links, the column a list sorts by and the web path,
 * so the shared record code (lists, history, ownership, external ids) is written once for both.
 * Table and column names here come from code, never from input.
 */
public enum CustomerKind {

	PERSON("person", "persons", "person_tags", "person_id", "display_name", "/persons"),
	ORGANIZATION("organization", "organizations", "organization_tags", "organization_id", "search_name", "/organizations");

	private final String entity;
	private final String table;
	private final String tagTable;
	private final String linkColumn;
	private final String sortColumn;
	private final String path;

	CustomerKind(String entity, String table, String tagTable, String linkColumn, String sortColumn, String path) {
		this.entity = entity;
		this.table = table;
		this.tagTable = tagTable;
		this.linkColumn = linkColumn;
		this.sortColumn = sortColumn;
		this.path = path;
	}

	/** The entity name of history, tags, custom fields and saved views: {@code person}, {@code organization}. */
	public String entity() {
		return entity;
	}

	public String table() {
		return table;
	}

	/** The table linking records to tags ({@code person_tags}). */
	public String tagTable() {
		return tagTable;
	}

	/** The column naming the record in link tables and search terms ({@code person_id}). */
	public String linkColumn() {
		return linkColumn;
	}

	/** The folded name column the list sorts by and pages on. */
	public String sortColumn() {
		return sortColumn;
	}

	/** The web path of the list ({@code /persons}); a record is {@code path/id}. */
	public String path() {
		return path;
	}

	/** The message code naming the kind, used by not-found problems ({@code entity.person}). */
	public String notFound() {
		return "entity." + entity;
	}
}
