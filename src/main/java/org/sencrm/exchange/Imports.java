package org.sencrm.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.sencrm.exchange.file.TableFile;
import org.sencrm.identity.Access;
import org.sencrm.platform.AccessDeniedException;
import org.sencrm.platform.DomainException;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.ValidationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starting, previewing, following, cancelling and undoing imports, with who may do what: importing
 * needs the right to create records (not a viewer; the export right is neither needed nor enough);
 * an import that changes matched records needs the right to edit every record (administrators and
 * managers); an import is seen, cancelled and undone by whoever started it and by administrators.
 */
@Service
class Imports {

	static final Duration UNDO_PERIOD = Duration.ofDays(7);
	static final int PREVIEW_ROWS = 20;

	/** What a user asked for when starting an import. */
	record Request(String type, String fileName, Map<String, String> mapping, List<String> matchBy, String onMatch,
			String onNoMatch, boolean allowDuplicates, String encoding, String locale, Map<String, String> defaults) {

		Request {
			defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
		}
	}

	record PreviewRow(int number, List<String> cells, List<ValidationException.FieldProblem> problems) {

		public String cell(int index) {
			return index < cells.size() ? cells.get(index) : "";
		}
	}

	record Preview(String type, String format, String encoding, List<String> header, Map<String, String> mapping,
			List<ImportField> fields, List<PreviewRow> rows) {
	}

	private final ImportJobs jobs;
	private final ImportKinds kinds;
	private final ImportQueue queue;
	private final Access access;
	private final Clock clock;
	private final JdbcClient jdbc;
	private final DataSource dataSource;

	Imports(ImportJobs jobs, ImportKinds kinds, ImportQueue queue, Access access, Clock clock, JdbcClient jdbc,
			DataSource dataSource) {
		this.jobs = jobs;
		this.kinds = kinds;
		this.queue = queue;
		this.access = access;
		this.clock = clock;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/** Stores the file and queues the import; it starts on this node when the transaction commits. */
	@Transactional
	public ImportJob start(Request request, InputStream file, Path copy) {
		return store(request, file, copy, false, true);
	}

	/** Stores the file as a queued import that the caller runs itself once this transaction has committed ({@link ImmediateImports}). */
	@Transactional
	public ImportJob startHere(Request request, InputStream file, Path copy) {
		return store(request, file, copy, false, false);
	}

	/** Stores the file as a draft, whose mapping and options the Import page's preview chooses before it starts. */
	@Transactional
	public ImportJob draft(Request request, InputStream file, Path copy) {
		return store(request, file, copy, true, false);
	}

	/** A draft with its mapping and options chosen joins the queue and starts when the transaction commits. */
	@Transactional
	public ImportJob startDraft(UUID id, Request request) {
		var job = get(id);
		var kind = kinds.get(job.type());
		var options = options(request, kind);
		requireImport(options);
		var mapping = checkedMapping(request.mapping(), job.header(), kind);
		kind.checkMapping(mapping.values());
		if (!jobs.queue(id, mapping, options, Instant.now(clock))) {
			throw new DomainException("import.not-draft");
		}
		queue.startAfterCommit(id);
		return jobs.find(id).orElseThrow();
	}

	/** The first rows of a stored import's file with the given mapping (or its own), each with its problems. */
	@Transactional(readOnly = true)
	public Preview preview(UUID id, Map<String, String> mapping) {
		var job = get(id);
		var copy = file(id);
		try {
			return preview(job.type(), job.fileName(), copy, mapping == null || mapping.isEmpty() ? job.mapping() : mapping,
					job.encoding());
		} finally {
			try {
				Files.deleteIfExists(copy);
			} catch (IOException e) {
				// a temporary file
			}
		}
	}

	private ImportJob store(Request request, InputStream file, Path copy, boolean draft, boolean queueNow) {
		var kind = kinds.get(request.type());
		var options = options(request, kind);
		if (draft) {
			access.requireWrite();
		} else {
			requireImport(options);
		}
		var format = format(request.fileName());
		List<String> header;
		String encoding;
		try (var table = TableFile.open(copy, format, request.encoding())) {
			header = table.header();
			encoding = table.encoding();
		} catch (RuntimeException e) {
			throw new ValidationException(List.of(new ValidationException.FieldProblem("file", "import.file-unreadable")));
		}
		var mapping = request.mapping() == null || request.mapping().isEmpty()
				? ColumnMapping.guess(header, kind.fields()) : checkedMapping(request.mapping(), header, kind);
		if (!draft) {
			kind.checkMapping(mapping.values());
		}
		var defaults = checkedDefaults(request.defaults(), kind);
		var job = new ImportJob(Ids.next(), kind.type(), draft ? "draft" : "queued", request.fileName(), format, encoding, mapping, header,
				options, access.currentUser().id(), request.locale(), 0, 0, 0, 0, 0, 0, null, null, false,
				Instant.now(clock), null, null, null, null, null, defaults);
		jobs.insert(job);
		try (var in = file) {
			int part = 0;
			for (byte[] bytes; (bytes = in.readNBytes(ImportJobs.PART)).length > 0; part++) {
				jobs.addPart(job.id(), part, bytes);
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (queueNow) {
			queue.startAfterCommit(job.id());
		}
		return job;
	}

	/** The file's columns, the mapping guessed (or given), and its first rows with each row's problems; nothing is stored. */
	@Transactional(readOnly = true)
	public Preview preview(String type, String fileName, Path copy, Map<String, String> given, String encoding) {
		access.requireWrite();
		var kind = kinds.get(type);
		var format = format(fileName);
		try (var table = TableFile.open(copy, format, encoding)) {
			var header = table.header();
			var mapping = given == null || given.isEmpty() ? ColumnMapping.guess(header, kind.fields())
					: checkedMapping(given, header, kind);
			var stager = kind.stager(fileName);
			var rows = new ArrayList<PreviewRow>();
			for (var row = table.next(); row != null && rows.size() < PREVIEW_ROWS; row = table.next()) {
				var values = new HashMap<String, String>();
				for (int i = 0; i < header.size(); i++) {
					var field = mapping.get(header.get(i));
					var cell = row.cell(i);
					if (field != null && cell != null && !cell.isBlank()) {
						values.merge(field, cell.strip(), (a, b) -> a + "\n" + b);
					}
				}
				var problems = new ValidationException.Collector();
				stager.stage(values, problems);
				rows.add(new PreviewRow(row.number(), row.cells(), problemsOf(problems)));
			}
			return new Preview(kind.type(), format, table.encoding(), header, mapping, kind.fields(), rows);
		} catch (UncheckedIOException | IllegalStateException e) {
			throw new ValidationException(List.of(new ValidationException.FieldProblem("file", "import.file-unreadable")));
		}
	}

	@Transactional(readOnly = true)
	public ImportJob get(UUID id) {
		var job = jobs.find(id).orElseThrow(() -> new NotFoundException("entity.import"));
		requireOwnOrAdmin(job);
		return job;
	}

	/** The workspace's imports for administrators, one's own for everyone else; newest first. */
	@Transactional(readOnly = true)
	public List<ImportJob> list(String cursor, int limit) {
		access.requireWrite();
		var user = access.currentUser();
		var page = new ArrayList<ImportJob>();
		var next = cursor;
		// a user's own are filtered here: imports are few, a page is rarely short
		while (page.size() < limit) {
			var batch = jobs.list(next, limit);
			batch.stream().filter(j -> user.isAdmin() || j.createdBy().equals(user.id())).limit(limit - page.size())
					.forEach(page::add);
			if (batch.size() < limit) {
				break;
			}
			var last = batch.getLast();
			next = new org.sencrm.platform.Cursor(last.createdAt().toString(), last.id()).encode();
		}
		return page;
	}

	@Transactional
	public ImportJob cancel(UUID id) {
		var job = get(id);
		if (!job.running()) {
			throw new DomainException("import.not-running");
		}
		jobs.requestCancel(id, Instant.now(clock));
		return jobs.find(id).orElseThrow();
	}

	/** Puts back what a finished import did, within 7 days: created records to the trash, changed ones to their previous values. */
	@Transactional
	public ImportJob undo(UUID id) {
		var job = get(id);
		if (!job.status().equals("done")) {
			throw new DomainException("import.not-undoable");
		}
		var now = Instant.now(clock);
		if (job.finishedAt().plus(UNDO_PERIOD).isBefore(now)) {
			throw new DomainException("import.undo-expired");
		}
		var kind = kinds.get(job.type());
		kind.undo(new ImportRun(job.id(), job.options(), access.currentUser().id(), now, jdbc, dataSource));
		jobs.undone(id, now);
		return jobs.find(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<ImportJobs.Failure> failures(UUID id, int afterRow, int limit) {
		get(id);
		return jobs.failures(id, afterRow, limit);
	}

	@Transactional(readOnly = true)
	public Path file(UUID id) {
		var job = get(id);
		try {
			var file = Files.createTempFile("sen-import-", "." + job.fileFormat());
			try (var out = Files.newOutputStream(file)) {
				for (var part : jobs.parts(id)) {
					out.write(jobs.part(id, part));
				}
			}
			return file;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	List<ImportField> fields(String type) {
		return kinds.get(type).fields();
	}

	List<String> types() {
		return kinds.types();
	}

	List<String> matchKeys(String type) {
		var keys = kinds.get(type).matchKeys();
		return java.util.Arrays.stream(ImportOptions.MatchKey.values()).filter(keys::contains).map(ImportOptions.MatchKey::key).toList();
	}

	private void requireImport(ImportOptions options) {
		access.requireWrite();
		if (options.onMatch() != ImportOptions.OnMatch.SKIP && !access.canReassign()) {
			throw new AccessDeniedException("edit");
		}
	}

	private void requireOwnOrAdmin(ImportJob job) {
		var user = access.currentUser();
		if (!user.isAdmin() && !job.createdBy().equals(user.id())) {
			throw new NotFoundException("entity.import");
		}
	}

	private static String format(String fileName) {
		var format = TableFile.formatOf(fileName);
		if (format == null) {
			throw new ValidationException(List.of(new ValidationException.FieldProblem("file", "import.file-type")));
		}
		return format;
	}

	private ImportOptions options(Request request, ImportKind kind) {
		var problems = new ValidationException.Collector();
		var matchBy = new ArrayList<ImportOptions.MatchKey>();
		for (var key : request.matchBy() == null ? List.<String>of() : request.matchBy()) {
			var match = ImportOptions.MatchKey.of(key.strip());
			if (match.isEmpty() || !kind.matchKeys().contains(match.get())) {
				problems.add("matchBy", "validation.choice");
			} else if (!matchBy.contains(match.get())) {
				matchBy.add(match.get());
			}
		}
		var onMatch = blank(request.onMatch()) ? java.util.Optional.of(ImportOptions.OnMatch.UPDATE_EMPTY)
				: ImportOptions.OnMatch.of(request.onMatch().strip());
		if (onMatch.isEmpty()) {
			problems.add("onMatch", "validation.choice");
		}
		var onNoMatch = blank(request.onNoMatch()) ? java.util.Optional.of(ImportOptions.OnNoMatch.CREATE)
				: ImportOptions.OnNoMatch.of(request.onNoMatch().strip());
		if (onNoMatch.isEmpty()) {
			problems.add("onNoMatch", "validation.choice");
		}
		problems.throwIfAny();
		return new ImportOptions(matchBy, onMatch.get(), onNoMatch.get(), request.allowDuplicates());
	}

	private static Map<String, String> checkedMapping(Map<String, String> mapping, List<String> header, ImportKind kind) {
		var problems = new ValidationException.Collector();
		var keys = kind.fields().stream().map(ImportField::key).toList();
		var clean = new java.util.LinkedHashMap<String, String>();
		mapping.forEach((column, field) -> {
			if (field == null || field.isBlank()) {
				return;
			}
			if (!header.contains(column)) {
				problems.add("mapping." + column, "import.column-unknown", column);
			} else if (!keys.contains(field)) {
				problems.add("mapping." + column, "import.field-unknown", field);
			} else {
				clean.put(column, field);
			}
		});
		problems.throwIfAny();
		return clean;
	}

	/** Defaults only for fields of the kind, each one line of at most 200 characters. */
	private static Map<String, String> checkedDefaults(Map<String, String> defaults, ImportKind kind) {
		var problems = new ValidationException.Collector();
		var keys = kind.fields().stream().map(ImportField::key).toList();
		var clean = new java.util.LinkedHashMap<String, String>();
		defaults.forEach((field, value) -> {
			if (!keys.contains(field)) {
				problems.add("defaults." + field, "import.field-unknown", field);
			} else if (value != null && !value.isBlank()) {
				if (value.length() > 200) {
					problems.add("defaults." + field, "validation.too-long");
				}
				clean.put(field, value.strip());
			}
		});
		problems.throwIfAny();
		return clean;
	}

	static List<ValidationException.FieldProblem> problemsOf(ValidationException.Collector problems) {
		try {
			problems.throwIfAny();
			return List.of();
		} catch (ValidationException e) {
			return e.problems();
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}
}
