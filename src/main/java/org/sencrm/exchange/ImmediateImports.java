package org.sencrm.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.stereotype.Service;

/**
 * An import run in the caller's thread, for an endpoint that answers with its result (the lead
 * import's {@code POST /api/v1/leads/import}, decision 37): the same engine, job, errors file and
 * undo as a background import, stored first, then run here after its upload has committed; it
 * waits only if a node's queue round took the job first. Not transactional itself: the import's
 * own transaction must commit before the answer is read.
 */
@Service
public class ImmediateImports {

	/** A row that failed, with every problem. */
	public record FailedRow(int row, List<ValidationException.FieldProblem> problems) {
	}

	/**
	 * What the import did: its id (for its page, errors file and undo), its status ({@code done} or
	 * {@code failed} with the error's message code), the counts, the failed rows in order, and the file's
	 * columns with the field each was mapped to.
	 */
	public record Result(UUID importId, String status, String error, int created, int updated, int skipped, List<FailedRow> failed,
			List<String> columns, Map<String, String> mapping) {
	}

	private static final Duration WAIT = Duration.ofMillis(100);
	private static final int PAGE = 1_000;

	private final Imports imports;
	private final ImportRunner runner;

	ImmediateImports(Imports imports, ImportRunner runner) {
		this.imports = imports;
		this.runner = runner;
	}

	/**
	 * Imports the file with the columns guessed from their names, rows without a match created
	 * ({@code allowDuplicates} as asked), rows matching a record skipped, and {@code defaults} for the
	 * fields a row leaves empty. A file the kind cannot read or map is refused whole (422) before anything is stored.
	 */
	public Result run(String type, String fileName, InputStream content, Map<String, String> defaults, boolean allowDuplicates,
			String locale) {
		var copy = copy(content);
		ImportJob job;
		try {
			var request = new Imports.Request(type, fileName, Map.of(), List.of(), ImportOptions.OnMatch.SKIP.key(),
					ImportOptions.OnNoMatch.CREATE.key(), allowDuplicates, null, locale, defaults);
			job = imports.startHere(request, Files.newInputStream(copy), copy);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} finally {
			ImportApi.delete(copy);
		}
		runner.run(WorkspaceContext.workspaceId(), job.id());
		var ended = imports.get(job.id());
		while (ended.running()) {
			// another node's queue round claimed it between the upload's commit and this thread
			try {
				Thread.sleep(WAIT);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for import " + job.id(), e);
			}
			ended = imports.get(job.id());
		}
		var failed = new ArrayList<FailedRow>();
		for (int after = 0;;) {
			var page = imports.failures(job.id(), after, PAGE);
			page.forEach(f -> failed.add(new FailedRow(f.rowNumber(), f.problems().stream().map(ImmediateImports::problem).toList())));
			if (page.size() < PAGE) {
				break;
			}
			after = page.getLast().rowNumber();
		}
		return new Result(ended.id(), ended.status(), ended.error(), ended.created(), ended.updated(), ended.skipped(), failed,
				ended.header(), ended.mapping());
	}

	private static ValidationException.FieldProblem problem(Map<String, Object> stored) {
		var arguments = stored.get("arguments") instanceof List<?> list ? list.toArray() : new Object[0];
		return new ValidationException.FieldProblem(String.valueOf(stored.get("field")), String.valueOf(stored.get("code")), arguments);
	}

	private static java.nio.file.Path copy(InputStream content) {
		try (var in = content) {
			var copy = Files.createTempFile("sen-upload-", ".tmp");
			Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			if (Files.size(copy) == 0) {
				ImportApi.delete(copy);
				throw new ValidationException(List.of(new ValidationException.FieldProblem("file", "import.file-empty")));
			}
			return copy;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
