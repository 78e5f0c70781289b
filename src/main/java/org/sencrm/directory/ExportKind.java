package org.sencrm.directory;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.util.MultiValueMap;

/**
 * A kind of record whose lists can be exported (decision 34), declared as a bean by the module that
 * owns it: persons and organizations here, leads, products and orders in sales. The export
 * ({@link Exports}) checks the right, reads the chosen columns, writes the file (CSV, Excel or, for
 * persons, vCard) and sends big exports to the background; a kind only says which columns it has and
 * reads its rows, in the list's order, in batches (keyset pages), never all at once.
 *
 * <p>Column names are the field names the import maps ({@code familyName}, {@code email},
 * {@code customFields.<key>} for custom fields; for the rest the API's), so a file exported here is
 * a file the import reads back into the same fields.
 */
public interface ExportKind {

	/** The list's name, as in its path: {@code persons}, {@code organizations}, {@code leads}, {@code products}, {@code orders}. */
	String key();

	/** Every column the kind can export, in the order a file shows them; the custom fields of the workspace too. */
	List<Column> columns();

	/**
	 * Checks the list's filters (the same request parameters as the list's), so a wrong one is a
	 * 422 before any file or background job exists.
	 */
	void checkFilter(MultiValueMap<String, String> filter);

	/**
	 * Reads the rows the list's filters select, in the list's order, one batch at a time, and hands
	 * each to {@code sink} as column name → value (text, number, date, time, id, boolean, or a list
	 * of texts); stops early when the sink answers false. Only the columns asked for need values.
	 * Runs in the caller's workspace.
	 */
	void rows(MultiValueMap<String, String> filter, List<String> columns, Predicate<Map<String, Object>> sink);

	/**
	 * A column: its name (the file's header, an API field name), the message key of its label in
	 * the chooser, and whether it is exported when no columns are chosen.
	 */
	record Column(String name, String label, boolean byDefault) {

		public static Column of(String name, String label) {
			return new Column(name, label, true);
		}

		/** A column the chooser offers but a file without a choice leaves out (ids of other records, timestamps). */
		public static Column optional(String name, String label) {
			return new Column(name, label, false);
		}
	}
}
