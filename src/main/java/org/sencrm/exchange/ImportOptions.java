package org.sencrm.exchange;

import java.util.List;
import java.util.Optional;

/**
 * How an import treats rows that are already there: the keys that identify an existing record, in
 * the order they are tried; what a match does; what a row without a match does; and whether a row
 * that matches nothing by those keys but duplicates a record (or an earlier row) by another exact key
 * is created anyway.
 */
public record ImportOptions(List<MatchKey> matchBy, OnMatch onMatch, OnNoMatch onNoMatch, boolean allowDuplicates) {

	public ImportOptions {
		matchBy = List.copyOf(matchBy);
	}

	public boolean matches(MatchKey key) {
		return matchBy.contains(key);
	}

	public enum MatchKey {
		EXTERNAL_ID("externalId"), EMAIL("email"), PHONE("phone"), TAX_CODE("taxCode"), SKU("sku");

		private final String key;

		MatchKey(String key) {
			this.key = key;
		}

		public String key() {
			return key;
		}

		public static Optional<MatchKey> of(String key) {
			for (var k : values()) {
				if (k.key.equals(key)) {
					return Optional.of(k);
				}
			}
			return Optional.empty();
		}
	}

	/** A row matched a record: fill only the record's empty fields, overwrite them with the row's non-empty cells, or skip the row. */
	public enum OnMatch {
		UPDATE_EMPTY("update_empty"), OVERWRITE("overwrite"), SKIP("skip");

		private final String key;

		OnMatch(String key) {
			this.key = key;
		}

		public String key() {
			return key;
		}

		public static Optional<OnMatch> of(String key) {
			for (var k : values()) {
				if (k.key.equals(key)) {
					return Optional.of(k);
				}
			}
			return Optional.empty();
		}
	}

	public enum OnNoMatch {
		CREATE("create"), SKIP("skip");

		private final String key;

		OnNoMatch(String key) {
			this.key = key;
		}

		public String key() {
			return key;
		}

		public static Optional<OnNoMatch> of(String key) {
			for (var k : values()) {
				if (k.key.equals(key)) {
					return Optional.of(k);
				}
			}
			return Optional.empty();
		}
	}
}
