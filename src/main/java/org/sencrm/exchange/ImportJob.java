package org.sencrm.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One import as stored: its file, mapping and options, where it stands and what it did; {@code defaults}
 * are values given to fields a row leaves empty (by field key: the lead import's campaign).
 */
record ImportJob(UUID id, String type, String status, String fileName, String fileFormat, String encoding,
		Map<String, String> mapping, List<String> header, ImportOptions options, UUID createdBy, String locale,
		int rowsRead, int created, int updated, int skipped, int failed, int attempts, String note, String error,
		boolean cancelRequested, Instant createdAt, Instant startedAt, Instant progressAt, Instant finishedAt,
		Instant undoneAt, Double shareRead, Map<String, String> defaults) {

	ImportJob {
		defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
	}

	/** A job without defaults. */
	ImportJob(UUID id, String type, String status, String fileName, String fileFormat, String encoding,
			Map<String, String> mapping, List<String> header, ImportOptions options, UUID createdBy, String locale,
			int rowsRead, int created, int updated, int skipped, int failed, int attempts, String note, String error,
			boolean cancelRequested, Instant createdAt, Instant startedAt, Instant progressAt, Instant finishedAt,
			Instant undoneAt, Double shareRead) {
		this(id, type, status, fileName, fileFormat, encoding, mapping, header, options, createdBy, locale, rowsRead, created,
				updated, skipped, failed, attempts, note, error, cancelRequested, createdAt, startedAt, progressAt, finishedAt,
				undoneAt, shareRead, Map.of());
	}

	/** A job whose progress through its file is not known (yet). */
	ImportJob(UUID id, String type, String status, String fileName, String fileFormat, String encoding,
			Map<String, String> mapping, List<String> header, ImportOptions options, UUID createdBy, String locale,
			int rowsRead, int created, int updated, int skipped, int failed, int attempts, String note, String error,
			boolean cancelRequested, Instant createdAt, Instant startedAt, Instant progressAt, Instant finishedAt,
			Instant undoneAt) {
		this(id, type, status, fileName, fileFormat, encoding, mapping, header, options, createdBy, locale, rowsRead, created,
				updated, skipped, failed, attempts, note, error, cancelRequested, createdAt, startedAt, progressAt, finishedAt,
				undoneAt, null, Map.of());
	}

	boolean finished() {
		return !status.equals("draft") && !status.equals("queued") && !status.equals("running");
	}

	boolean running() {
		return status.equals("queued") || status.equals("running");
	}
}
