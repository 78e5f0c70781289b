package org.sencrm.directory.merge;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.record.CustomerKind;
import org.sencrm.directory.record.CustomerRecord;

/**
 * What a merge needs to know about one kind of customer record; everything else — checking the
 * request, locking, versions, moving links, tags, history, the trash, {@code mergedInto} — is
 * {@link RecordMerge}'s, the same for every kind.
 *
 * @param <R> the stored record
 */
interface MergeRules<R extends CustomerRecord> {

	CustomerKind kind();

	/** The fields a user chooses a value for, in the order the merge page shows them (custom fields come after). */
	List<String> fields();

	/** A field's value in a record, null when empty: the default choice is the newest record with one. */
	Object value(R record, String field);

	R get(UUID id);

	/** Moves what the declared links cannot (rows of the kind's own table pointing at a merged-away record); by table. */
	default Map<String, Integer> moveMore(UUID mergeId, UUID survivor, List<UUID> merged) {
		return Map.of();
	}

	/**
	 * Writes the survivor with the chosen values (an ordinary update at {@code version}: checks,
	 * history, search terms) and whatever else the kind keeps of the others; returns it as stored.
	 */
	R store(MergedValues<R> values, int version);
}
