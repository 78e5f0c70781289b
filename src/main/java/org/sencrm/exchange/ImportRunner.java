package org.sencrm.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.sencrm.exchange.file.TableFile;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.Ids;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one import: claims the job, then in ONE transaction streams the file row by row (each row
 * checked and normalised by its kind in Java) into a staging table with COPY, lets the kind write
 * set-based, and marks the job done. Nothing of an import is committed before its end, so a crash,
 * a cancel or an error leaves nothing behind: the import is rolled back whole. Progress and the
 * cancel flag travel in short transactions of their own beside it.
 */
@Component
class ImportRunner {

	private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
	private static final int PROGRESS_EVERY = 5_000;
	/** Checks the rows of imports whose kind allows it on every core (daemon threads, shared by all imports of this node). */
	private static final java.util.concurrent.ForkJoinPool STAGING_POOL = new java.util.concurrent.ForkJoinPool(
			Runtime.getRuntime().availableProcessors(), pool -> {
				var thread = java.util.concurrent.ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
				thread.setName("import-staging-" + thread.getPoolIndex());
				thread.setDaemon(true);
				return thread;
			}, null, false);

	private final ImportJobs jobs;
	private final ImportKinds kinds;
	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final TransactionTemplate work;
	private final TransactionTemplate aside;
	private final Clock clock;
	private final JsonMapper json;
	private final MessageSource messages;
	private final ApplicationEventPublisher events;
	private final UserDirectory users;

	ImportRunner(ImportJobs jobs, ImportKinds kinds, JdbcClient jdbc, DataSource dataSource,
			PlatformTransactionManager transactions, Clock clock, JsonMapper json, MessageSource messages,
			ApplicationEventPublisher events, UserDirectory users) {
		this.jobs = jobs;
		this.kinds = kinds;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.work = new TransactionTemplate(transactions);
		this.aside = new TransactionTemplate(transactions);
		this.aside.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.json = json;
		this.messages = messages;
		this.events = events;
		this.users = users;
	}

	/** The job was cancelled while it ran. */
	static final class Cancelled extends RuntimeException {
		Cancelled() {
			super("cancelled", null, false, false);
		}
	}

	/** Runs the job if it is still queued; returns quietly when another node took it. */
	void run(UUID workspaceId, UUID jobId) {
		var claimed = WorkspaceContext.callAsSystem(workspaceId, () -> aside.execute(tx -> jobs.claim(jobId, Instant.now(clock))));
		if (claimed.isEmpty()) {
			return;
		}
		var job = claimed.get();
		var actorName = WorkspaceContext.callAsSystem(workspaceId,
				() -> users.user(job.createdBy()).map(UserDirectory.UserSummary::displayName).orElse(null));
		WorkspaceContext.callAs(new WorkspaceContext.Scope(workspaceId, job.createdBy(), actorName), () -> {
			attempt(job);
			return null;
		});
	}

	private void attempt(ImportJob job) {
		Path file = null;
		try {
			file = spool(job);
			var path = file;
			work.execute(tx -> {
				if (!jobs.hold(job.id(), job.attempts())) {
					return null; // taken back by the recovery in the meantime: another attempt will run it
				}
				write(job, path);
				return null;
			});
		} catch (Cancelled e) {
			ended(job, "cancelled", null);
		} catch (RuntimeException e) {
			log.warn("Import {} failed: {}", job.id(), e.toString(), e);
			ended(job, "failed", e instanceof ValidationException v && !v.problems().isEmpty() ? v.problems().getFirst().code()
					: "import.failed.unexpected");
		} finally {
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				} catch (IOException e) {
					log.warn("Could not remove {}", file);
				}
			}
		}
	}

	/** The uploaded file, from its parts in the database to a local file for this attempt. */
	private Path spool(ImportJob job) {
		try {
			var file = Files.createTempFile("sen-import-", "." + job.fileFormat());
			aside.execute(tx -> {
				try (var out = Files.newOutputStream(file)) {
					for (var part : jobs.parts(job.id())) {
						out.write(jobs.part(job.id(), part));
					}
				} catch (IOException e) {
					throw new UncheckedIOException(e);
				}
				return null;
			});
			return file;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void write(ImportJob job, Path path) {
		var kind = kinds.get(job.type());
		var columns = kind.stagingColumns();
		jdbc.sql("create temp table " + ImportRun.STAGING + " (row_number int primary key, problems jsonb, new_id uuid, match_id uuid, "
				+ columns.entrySet().stream().map(c -> c.getKey() + " " + c.getValue()).collect(Collectors.joining(", "))
				+ ") on commit drop").update();
		var run = new ImportRun(job.id(), job.options(), job.createdBy(), Instant.now(clock), jdbc, dataSource);
		var names = new ArrayList<String>(List.of("row_number", "problems", "new_id", "match_id"));
		names.addAll(columns.keySet());
		int[] read = {0};
		run.timed("read, check and COPY to staging", () -> {
			try (var table = TableFile.open(path, job.fileFormat(), job.encoding())) {
				var rows = new StagedRows(job, kind.stager(job.fileName()), kind.stagesInParallel(), table, new ArrayList<>(columns.keySet()), read);
				return run.copy(ImportRun.STAGING, names, rows);
			}
		});
		// a sample of 3,000 rows tells the planner the table's size and its keys' spread as well as the default 30,000,
		// in a tenth of the time (seconds for 100,000 rows of text and jsonb)
		run.timed("analyze staging", () -> {
			var target = jdbc.sql("select current_setting('default_statistics_target')").query(String.class).single();
			jdbc.sql("select set_config('default_statistics_target', '10', true)").query(String.class).single();
			jdbc.sql("analyze " + ImportRun.STAGING).update();
			jdbc.sql("select set_config('default_statistics_target', :target, true)").param("target", target).query(String.class).single();
		});
		run.timed("record rows with problems", () -> jobs.recordFailures(job.id()));
		var counts = run.timed("apply (all writes of the kind)", () -> kind.apply(run));
		var failed = run.timed("count failures", () -> jobs.countFailures(job.id()));
		var now = Instant.now(clock);
		run.timed("finish the job", () -> jobs.finish(job.id(), "done", counts, read[0], failed, now));
		events.publishEvent(finished(job, "done", counts, failed));
	}

	/**
	 * Rows of the file as staging rows, checked by the kind; reports progress and hears a cancel on the way.
	 * The file is read in order a chunk at a time; a kind whose rows are independent has a chunk checked on
	 * every core (the check is most of the Java time of an import: names, phones, search text), the rows
	 * still handed to COPY in file order.
	 */
	private final class StagedRows implements Iterator<List<Object>> {

		private static final int CHUNK = 1_000;

		private final ImportJob job;
		private final ImportKind.Stager kind;
		private final boolean parallel;
		private final TableFile table;
		private final List<String> columns;
		private final int[] read;
		private final String[] fieldOfColumn;
		private final java.util.ArrayDeque<List<Object>> staged = new java.util.ArrayDeque<>();
		private boolean ended;

		StagedRows(ImportJob job, ImportKind.Stager kind, boolean parallel, TableFile table, List<String> columns, int[] read) {
			this.job = job;
			this.kind = kind;
			this.parallel = parallel;
			this.table = table;
			this.columns = columns;
			this.read = read;
			var header = table.header();
			this.fieldOfColumn = new String[header.size()];
			for (int i = 0; i < header.size(); i++) {
				fieldOfColumn[i] = job.mapping().get(header.get(i));
			}
		}

		@Override
		public boolean hasNext() {
			if (staged.isEmpty() && !ended) {
				var rows = new ArrayList<TableFile.Row>(CHUNK);
				for (var row = table.next(); row != null; row = rows.size() < CHUNK ? table.next() : null) {
					rows.add(row);
				}
				ended = rows.size() < CHUNK;
				if (parallel && rows.size() > 1) {
					staged.addAll(STAGING_POOL.submit(() -> rows.parallelStream().map(this::stage).toList()).join());
				} else {
					rows.forEach(row -> staged.add(stage(row)));
				}
			}
			return !staged.isEmpty();
		}

		@Override
		public List<Object> next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			read[0]++;
			if (read[0] % PROGRESS_EVERY == 0) {
				var share = table.shareRead();
				progress(job, read[0], share < 0 ? null : share);
			}
			return staged.poll();
		}

		private List<Object> stage(TableFile.Row row) {
			var values = new HashMap<String, String>();
			for (int i = 0; i < fieldOfColumn.length; i++) {
				var cell = row.cell(i);
				if (fieldOfColumn[i] != null && cell != null && !cell.isBlank()) {
					values.merge(fieldOfColumn[i], cell.strip(), (a, b) -> a + "\n" + b);
				}
			}
			job.defaults().forEach(values::putIfAbsent);
			var problems = new ValidationException.Collector();
			var staged = kind.stage(values, problems);
			var line = new ArrayList<Object>(columns.size() + 4);
			line.add(row.number());
			if (problems.isEmpty()) {
				line.add(null);
				line.add(Ids.next());
				line.add(null);
				columns.forEach(c -> line.add(staged.get(c)));
			} else {
				line.add(json.writeValueAsString(problems(problems)));
				line.add(null);
				line.add(null);
				columns.forEach(c -> line.add(null));
			}
			return line;
		}
	}

	private static List<Map<String, Object>> problems(ValidationException.Collector problems) {
		try {
			problems.throwIfAny();
			return List.of();
		} catch (ValidationException e) {
			return e.problems().stream().map(p -> {
				var m = new java.util.LinkedHashMap<String, Object>();
				m.put("field", p.field());
				m.put("code", p.code());
				if (p.arguments() != null && p.arguments().length > 0) {
					m.put("arguments", java.util.Arrays.stream(p.arguments()).map(String::valueOf).toList());
				}
				return (Map<String, Object>) m;
			}).toList();
		}
	}

	private void progress(ImportJob job, int rowsRead, Double shareRead) {
		var cancel = aside.execute(tx -> {
			jobs.progress(job.id(), rowsRead, shareRead, Instant.now(clock));
			return jobs.cancelRequested(job.id());
		});
		if (Boolean.TRUE.equals(cancel)) {
			throw new Cancelled();
		}
	}

	private void ended(ImportJob job, String status, String error) {
		aside.execute(tx -> {
			jobs.end(job.id(), job.attempts(), status, error, Instant.now(clock));
			events.publishEvent(finished(job, status, new ImportCounts(0, 0, 0), 0));
			return null;
		});
	}

	private ImportFinished finished(ImportJob job, String status, ImportCounts counts, int failed) {
		var locale = Locale.forLanguageTag(job.locale());
		var message = messages.getMessage("import.notice." + status,
				new Object[] {job.fileName(), counts.created(), counts.updated(), counts.skipped(), failed}, locale);
		return new ImportFinished(WorkspaceContext.workspaceId(), job.id(), job.createdBy(), status, message,
				"/imports/" + job.id(), job.type(), counts.created(), counts.updated());
	}
}
