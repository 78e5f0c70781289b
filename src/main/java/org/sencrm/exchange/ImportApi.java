package org.sencrm.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.platform.Cursor;
import org.sencrm.platform.Ids;
import org.sencrm.platform.ValidationException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/imports}: start an import of a file (202, it runs in the background), preview a
 * file's mapping and first rows, follow one (counters, rows per second), list them, download the
 * failed rows as CSV, cancel a running one, undo a finished one (7 days).
 */
@RestController
class ImportApi {

	record ImportStatusJson(UUID id, String type, String status, String fileName, int rowsRead, int created, int updated,
			int skipped, int failed, Double rowsPerSecond, Double shareRead, Long secondsLeft, Instant startedAt,
			Instant finishedAt, String note, String error, Instant undoableUntil) {

		/**
		 * With the rate, the share of the file read (bytes read over its size, decision 36) and the time
		 * left estimated from it: the time so far times what is left over what was read. Rows per second
		 * and time left count from the start to the last progress report, so they do not drift while the
		 * import writes.
		 */
		static ImportStatusJson of(ImportJob job, java.time.Clock clock) {
			Double rate = null;
			Long left = null;
			if (job.startedAt() != null && job.rowsRead() > 0) {
				var end = job.finishedAt() != null ? job.finishedAt() : job.progressAt() != null ? job.progressAt() : Instant.now(clock);
				var seconds = Math.max(0.001, Duration.between(job.startedAt(), end).toMillis() / 1000.0);
				rate = Math.round(job.rowsRead() / seconds * 10) / 10.0;
				var share = job.shareRead();
				if (job.status().equals("running") && share != null && share > 0) {
					left = Math.round(seconds * (1 - Math.min(1.0, share)) / share);
				}
			}
			var share = job.finished() && job.status().equals("done") ? Double.valueOf(1.0) : job.shareRead();
			var undoable = job.status().equals("done") ? job.finishedAt().plus(Imports.UNDO_PERIOD) : null;
			return new ImportStatusJson(job.id(), job.type(), job.status(), job.fileName(), job.rowsRead(), job.created(), job.updated(),
					job.skipped(), job.failed(), rate, share, left, job.startedAt(), job.finishedAt(), job.note(), job.error(),
					undoable);
		}

		/** The time left as the page shows it: "1:05:09", "4:31", "0:07"; null when not known. */
		public String timeLeft() {
			if (secondsLeft == null) {
				return null;
			}
			long s = secondsLeft;
			return s >= 3600 ? "%d:%02d:%02d".formatted(s / 3600, s / 60 % 60, s % 60) : "%d:%02d".formatted(s / 60, s % 60);
		}
	}

	record ImportStartedJson(UUID id, String status) {
	}

	record ImportPageJson(List<ImportStatusJson> items, String nextCursor) {
	}

	record ImportProblemJson(String field, String code, String message) {
	}

	record ImportPreviewRowJson(int row, List<String> cells, List<ImportProblemJson> problems) {
	}

	record ImportPreviewJson(String type, String format, String encoding, List<String> columns, Map<String, String> mapping,
			List<ImportField> fields, List<ImportPreviewRowJson> rows) {
	}

	record ImportMappingJson(String type, String name, Map<String, String> mapping) {
	}

	private final Imports imports;
	private final ImportMappings mappings;
	private final ErrorsFile errors;
	private final JsonMapper json;
	private final MessageSource messages;
	private final java.time.Clock clock;

	ImportApi(Imports imports, ImportMappings mappings, ErrorsFile errors, JsonMapper json, MessageSource messages,
			java.time.Clock clock) {
		this.imports = imports;
		this.mappings = mappings;
		this.errors = errors;
		this.json = json;
		this.messages = messages;
		this.clock = clock;
	}

	@PostMapping(path = "/api/v1/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ImportStartedJson> start(@RequestParam("file") MultipartFile file, @RequestParam String type,
			@RequestParam(required = false) String mapping, @RequestParam(required = false) List<String> matchBy,
			@RequestParam(required = false) String onMatch, @RequestParam(required = false) String onNoMatch,
			@RequestParam(defaultValue = "false") boolean allowDuplicates, @RequestParam(required = false) String encoding,
			@RequestParam(required = false) String defaults) {
		var copy = copy(file);
		try {
			var request = new Imports.Request(type, file.getOriginalFilename(), mapping(mapping), keys(matchBy), onMatch, onNoMatch,
					allowDuplicates, encoding, LocaleContextHolder.getLocale().toLanguageTag(), mapping(defaults));
			var job = imports.start(request, Files.newInputStream(copy), copy);
			return ResponseEntity.status(HttpStatus.ACCEPTED).location(java.net.URI.create("/api/v1/imports/" + job.id()))
					.body(new ImportStartedJson(job.id(), job.status()));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} finally {
			delete(copy);
		}
	}

	@PostMapping(path = "/api/v1/imports/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ImportPreviewJson preview(@RequestParam("file") MultipartFile file, @RequestParam String type,
			@RequestParam(required = false) String mapping, @RequestParam(required = false) String encoding) {
		var copy = copy(file);
		try {
			return previewJson(imports.preview(type, file.getOriginalFilename(), copy, mapping(mapping), encoding));
		} finally {
			delete(copy);
		}
	}

	ImportPreviewJson previewJson(Imports.Preview preview) {
		var locale = LocaleContextHolder.getLocale();
		return new ImportPreviewJson(preview.type(), preview.format(), preview.encoding(), preview.header(), preview.mapping(),
				preview.fields(), preview.rows().stream().map(r -> new ImportPreviewRowJson(r.number(), r.cells(), r.problems().stream()
						.map(p -> new ImportProblemJson(p.field(), p.code(), messages.getMessage(p.code(), p.arguments(), p.code(), locale)))
						.toList())).toList());
	}

	@GetMapping("/api/v1/imports")
	ImportPageJson list(@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
		var size = Math.max(1, Math.min(limit, 200));
		var page = imports.list(cursor, size);
		String next = null;
		if (page.size() == size) {
			var last = page.getLast();
			next = new Cursor(last.createdAt().toString(), last.id()).encode();
		}
		return new ImportPageJson(page.stream().map(j -> ImportStatusJson.of(j, clock)).toList(), next);
	}

	@GetMapping("/api/v1/imports/{id}")
	ImportStatusJson get(@PathVariable String id) {
		return ImportStatusJson.of(imports.get(Ids.parse(id, "entity.import")), clock);
	}

	@GetMapping(path = "/api/v1/imports/{id}/errors", produces = "text/csv")
	void errors(@PathVariable String id, HttpServletResponse response) throws IOException {
		var uuid = Ids.parse(id, "entity.import");
		imports.get(uuid); // a refusal or a 404 is a problem document, before the answer becomes a file
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"import-errors-" + uuid + ".csv\"");
		errors.write(uuid, LocaleContextHolder.getLocale(), response.getWriter());
	}

	@PostMapping("/api/v1/imports/{id}/cancel")
	ImportStatusJson cancel(@PathVariable String id) {
		return ImportStatusJson.of(imports.cancel(Ids.parse(id, "entity.import")), clock);
	}

	@PostMapping("/api/v1/imports/{id}/undo")
	ImportStatusJson undo(@PathVariable String id) {
		return ImportStatusJson.of(imports.undo(Ids.parse(id, "entity.import")), clock);
	}

	/** Mappings saved for next time for this type. */
	@GetMapping("/api/v1/imports/mappings")
	List<ImportMappings.SavedMapping> mappings(@RequestParam String type) {
		return mappings.of(type);
	}

	@GetMapping("/api/v1/imports/mappings/{id}")
	ImportMappings.SavedMapping savedMapping(@PathVariable String id) {
		return mappings.get(Ids.parse(id, "entity.import-mapping"));
	}

	/** Saves a mapping under a name (a name that exists for the type is replaced). */
	@PostMapping("/api/v1/imports/mappings")
	ResponseEntity<ImportMappings.SavedMapping> saveMapping(@org.springframework.web.bind.annotation.RequestBody ImportMappingJson body) {
		var saved = mappings.save(body.type(), body.name(), body.mapping());
		return ResponseEntity.created(java.net.URI.create("/api/v1/imports/mappings/" + saved.id())).body(saved);
	}

	@GetMapping("/api/v1/imports/fields")
	List<ImportField> fields(@RequestParam String type) {
		return imports.fields(type);
	}

	private Map<String, String> mapping(String text) {
		if (text == null || text.isBlank()) {
			return Map.of();
		}
		try {
			return json.readValue(text, new TypeReference<java.util.LinkedHashMap<String, String>>() {
			});
		} catch (RuntimeException e) {
			throw new ValidationException(List.of(new ValidationException.FieldProblem("mapping", "import.mapping-invalid")));
		}
	}

	/** {@code matchBy=email,phone} or {@code matchBy=email&matchBy=phone}. */
	private static List<String> keys(List<String> matchBy) {
		if (matchBy == null) {
			return List.of();
		}
		return matchBy.stream().flatMap(k -> Arrays.stream(k.split(","))).map(String::strip).filter(k -> !k.isEmpty()).toList();
	}

	static Path copy(MultipartFile file) {
		if (file.isEmpty()) {
			throw new ValidationException(List.of(new ValidationException.FieldProblem("file", "import.file-empty")));
		}
		try {
			var copy = Files.createTempFile("sen-upload-", ".tmp");
			file.transferTo(copy);
			return copy;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		} catch (IOException e) {
			// a temporary file; the system cleans its temp folder
		}
	}
}
