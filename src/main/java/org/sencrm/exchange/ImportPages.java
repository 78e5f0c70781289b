package org.sencrm.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sencrm.platform.DomainException;
import org.sencrm.platform.Ids;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The Import page: upload a file and say what it holds (its first rows are stored as a draft), check
 * and correct the mapping on a preview of the first rows with each row's problems, choose how rows
 * match existing records, start; then a progress bar that follows the import by itself (htmx
 * polling, no inline script), cancel, the failed rows as CSV, and undo.
 */
@Controller
class ImportPages {

	private final Imports imports;
	private final ImportMappings mappings;
	private final ErrorsFile errors;
	private final MessageSource messages;
	private final java.time.Clock clock;

	ImportPages(Imports imports, ImportMappings mappings, ErrorsFile errors, MessageSource messages, java.time.Clock clock) {
		this.clock = clock;
		this.mappings = mappings;
		this.imports = imports;
		this.errors = errors;
		this.messages = messages;
	}

	@GetMapping("/imports")
	String list(Model model) {
		model.addAttribute("imports", imports.list(null, 50));
		model.addAttribute("types", imports.types());
		model.addAttribute("typeFields", typeFields());
		model.addAttribute("errors", Map.of());
		return "exchange/imports";
	}

	@PostMapping("/imports")
	String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "persons") String type,
			@RequestParam(required = false) String encoding, Model model) {
		if (file == null || file.isEmpty()) {
			return listWith(model, Map.of("file", messages.getMessage("import.file-empty", null, LocaleContextHolder.getLocale())));
		}
		var copy = ImportApi.copy(file);
		try {
			var request = new Imports.Request(type, file.getOriginalFilename(), Map.of(), List.of(), null, null, false, encoding,
					LocaleContextHolder.getLocale().toLanguageTag(), Map.of());
			var job = imports.draft(request, Files.newInputStream(copy), copy);
			return "redirect:/imports/" + job.id() + "/preview";
		} catch (ValidationException e) {
			return listWith(model, FieldMessages.of(e, messages));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} finally {
			ImportApi.delete(copy);
		}
	}

	@GetMapping("/imports/{id}/preview")
	String preview(@PathVariable String id, Model model) {
		var job = imports.get(Ids.parse(id, "entity.import"));
		if (!job.status().equals("draft")) {
			return "redirect:/imports/" + job.id();
		}
		return previewPage(job, imports.preview(job.id(), null), job.options(), model, Map.of());
	}

	/** "Check again" shows the preview with the mapping chosen; "Start" queues the import. */
	@PostMapping("/imports/{id}/preview")
	String start(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model) {
		var job = imports.get(Ids.parse(id, "entity.import"));
		var mapping = new LinkedHashMap<String, String>();
		for (int i = 0; i < job.header().size(); i++) {
			var field = form.getFirst("column" + i);
			if (field != null && !field.isBlank()) {
				mapping.put(job.header().get(i), field);
			}
		}
		var saved = form.getFirst("savedMapping");
		if (saved != null && !saved.isBlank() && !"start".equals(form.getFirst("action"))) {
			mapping.clear();
			mappings.get(Ids.parse(saved, "entity.import-mapping")).mapping().forEach((column, field) -> {
				if (job.header().contains(column)) {
					mapping.put(column, field);
				}
			});
		}
		var saveAs = form.getFirst("saveAs");
		if (saveAs != null && !saveAs.isBlank() && !mapping.isEmpty()) {
			mappings.save(job.type(), saveAs, mapping);
		}
		var request = new Imports.Request(job.type(), job.fileName(), mapping,
				form.getOrDefault("matchBy", List.of()), form.getFirst("onMatch"), form.getFirst("onNoMatch"),
				"true".equals(form.getFirst("allowDuplicates")), null, LocaleContextHolder.getLocale().toLanguageTag(), Map.of());
		if (!"start".equals(form.getFirst("action"))) {
			return previewPage(job, imports.preview(job.id(), mapping), chosen(request, job.options()), model, Map.of());
		}
		try {
			imports.startDraft(job.id(), request);
			return "redirect:/imports/" + job.id();
		} catch (ValidationException e) {
			return previewPage(job, imports.preview(job.id(), mapping), chosen(request, job.options()), model,
					FieldMessages.of(e, messages));
		} catch (org.sencrm.platform.AccessDeniedException e) {
			var message = messages.getMessage("import.update-denied", null, LocaleContextHolder.getLocale());
			return previewPage(job, imports.preview(job.id(), mapping), chosen(request, job.options()), model,
					Map.of("onMatch", message));
		}
	}

	@GetMapping("/imports/{id}")
	String job(@PathVariable String id, Model model) {
		var job = imports.get(Ids.parse(id, "entity.import"));
		if (job.status().equals("draft")) {
			return "redirect:/imports/" + job.id() + "/preview";
		}
		model.addAttribute("job", ImportApi.ImportStatusJson.of(job, clock));
		return "exchange/import";
	}

	/** The progress card alone, which the page fetches again every second while the import runs. */
	@GetMapping("/imports/{id}/progress")
	String progress(@PathVariable String id, Model model) {
		var job = imports.get(Ids.parse(id, "entity.import"));
		model.addAttribute("job", ImportApi.ImportStatusJson.of(job, clock));
		return "exchange/import :: progress";
	}

	@PostMapping("/imports/{id}/cancel")
	String cancel(@PathVariable String id) {
		var uuid = Ids.parse(id, "entity.import");
		try {
			imports.cancel(uuid);
		} catch (DomainException e) {
			// finished in the meantime: the page shows how
		}
		return "redirect:/imports/" + uuid;
	}

	@PostMapping("/imports/{id}/undo")
	String undo(@PathVariable String id) {
		var uuid = Ids.parse(id, "entity.import");
		imports.undo(uuid);
		return "redirect:/imports/" + uuid;
	}

	@GetMapping("/imports/{id}/errors")
	void errors(@PathVariable String id, HttpServletResponse response) throws IOException {
		var uuid = Ids.parse(id, "entity.import");
		imports.get(uuid);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"import-errors-" + uuid + ".csv\"");
		errors.write(uuid, LocaleContextHolder.getLocale(), response.getWriter());
	}

	private String listWith(Model model, Map<String, String> problems) {
		model.addAttribute("imports", imports.list(null, 50));
		model.addAttribute("types", imports.types());
		model.addAttribute("typeFields", typeFields());
		model.addAttribute("errors", problems);
		return "exchange/imports";
	}

	private String previewPage(ImportJob job, Imports.Preview preview, ImportOptions options, Model model,
			Map<String, String> problems) {
		var locale = LocaleContextHolder.getLocale();
		model.addAttribute("job", job);
		model.addAttribute("preview", preview);
		model.addAttribute("options", options);
		model.addAttribute("matchKeys", imports.matchKeys(job.type()));
		model.addAttribute("savedMappings", mappings.of(job.type()));
		model.addAttribute("rowProblems", preview.rows().stream().collect(java.util.stream.Collectors.toMap(Imports.PreviewRow::number,
				r -> String.join(" · ", r.problems().stream().map(p -> fieldLabel(p.field(), preview) + ": "
						+ messages.getMessage(p.code(), p.arguments(), p.code(), locale)).toList()))));
		model.addAttribute("errors", problems);
		return "exchange/import-preview";
	}

	/** Each type's fields as the Import page lists them under the type select: labels in the reader's language, required ones marked. */
	private Map<String, String> typeFields() {
		var locale = LocaleContextHolder.getLocale();
		var fields = new java.util.LinkedHashMap<String, String>();
		for (var type : imports.types()) {
			fields.put(type, String.join(", ", imports.fields(type).stream()
					.map(f -> messages.getMessage("import.field." + f.key(), null, f.names().getFirst(), locale) + (f.required() ? " *" : ""))
					.toList()));
		}
		return fields;
	}

	private String fieldLabel(String field, Imports.Preview preview) {
		return preview.mapping().entrySet().stream().filter(e -> e.getValue().equals(field)).map(Map.Entry::getKey).findFirst()
				.orElse(messages.getMessage("import.field." + field, null, field, LocaleContextHolder.getLocale()));
	}

	private static ImportOptions chosen(Imports.Request request, ImportOptions fallback) {
		var matchBy = request.matchBy().stream().map(ImportOptions.MatchKey::of).flatMap(java.util.Optional::stream).toList();
		return new ImportOptions(matchBy, ImportOptions.OnMatch.of(String.valueOf(request.onMatch())).orElse(fallback.onMatch()),
				ImportOptions.OnNoMatch.of(String.valueOf(request.onNoMatch())).orElse(fallback.onNoMatch()), request.allowDuplicates());
	}

}
