package org.sencrm.exchange;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sencrm.platform.ValidationException;

/**
 * A kind of record that can be imported, declared as a bean by the module that owns its tables
 * (as {@code trash.TrashableKind} is): the fields its columns map to, how one row is checked and
 * normalised while the file streams (in Java: names, emails, phones to E.164), the columns of the
 * staging table those values are copied into, and the set-based statements that match, insert and
 * update from the staging table under the workspace's row-level security, write history in one
 * statement, and record what they did for the undo. Decision 30.
 *
 * <p>The engine creates the staging table {@code import_staging} (transaction-local) with
 * {@code row_number int primary key, problems jsonb, new_id uuid, match_id uuid} and then this
 * kind's {@link #stagingColumns()}; rows with problems never reach {@link #apply}.
 */
public interface ImportKind {

	/** The type in the API: {@code persons}, {@code organizations}, {@code leads}, {@code products}, {@code orders}. */
	String type();

	/** The record's type in history and the trash: {@code person}. */
	String entityType();

	/** Fields columns can be mapped to, the current workspace's custom fields included. */
	List<ImportField> fields();

	/** The keys an import of this kind can match existing records by. */
	Set<ImportOptions.MatchKey> matchKeys();

	/** The staging table's own columns in order, as {@code name → SQL type}. Written in code, never from input. */
	Map<String, String> stagingColumns();

	/**
	 * What checks and normalises the rows of one import. Called once per import, in its transaction and
	 * workspace, before the first row: it may read what it needs (settings, custom fields) then, because
	 * while rows stream the transaction's connection is busy copying them.
	 */
	Stager stager();

	/**
	 * Whether this kind's {@link Stager} may check several rows at once on other threads: true only when it
	 * keeps no state between rows (no row depends on another) and reads nothing from the transaction or the
	 * workspace context while rows stream. The engine then checks a chunk of rows on every core and still
	 * copies them in file order.
	 */
	default boolean stagesInParallel() {
		return false;
	}

	/**
	 * The same for one file: a kind that keeps where its records came from (the lead import notes the
	 * file's name on the consents it records) overrides this; the engine always calls it.
	 */
	default Stager stager(String fileName) {
		return stager();
	}

	/**
	 * Refuses a mapping that cannot make a record of this kind at all (a {@link ValidationException} on
	 * {@code file}), before anything is stored or read; {@code fields} are the keys columns are mapped to.
	 * Fields marked {@link ImportField#required()} are checked row by row, not here.
	 */
	default void checkMapping(java.util.Collection<String> fields) {
	}

	/** Checks and normalises rows, in memory only. */
	interface Stager {

		/**
		 * One row (field key → the cell's text, blank cells left out; several columns mapped to one
		 * field are joined by line breaks) → the staging values by column name; every problem goes to
		 * {@code problems}, with the field key.
		 */
		Map<String, Object> stage(Map<String, String> row, ValidationException.Collector problems);
	}

	/** Writes the staged rows set-based (never a statement per row) and says what it did. */
	ImportCounts apply(ImportRun run);

	/**
	 * Reverses the import: records it created go to the trash, records it changed get their previous
	 * values back (those changed again since are left as they are). Returns how many records were reverted.
	 */
	int undo(ImportRun run);
}
