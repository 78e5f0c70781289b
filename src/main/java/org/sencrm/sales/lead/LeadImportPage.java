package org.sencrm.sales.lead;

import java.io.IOException;
import java.util.Map;

import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Importing leads from a file (CSV, Excel, vCard) on the import engine, waiting for the result: which
 * columns were understood, how many leads came in, each row refused with why, and a link to the import
 * (its errors file and undo).
 */
@Controller
class LeadImportPage {

	public record RowProblem(int row, String problems) {
	}

	private final LeadImport imports;
	private final LeadAccess access;
	private final MessageSource messages;

	LeadImportPage(LeadImport imports, LeadAccess access, MessageSource messages) {
		this.imports = imports;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/leads/import")
	String page(Model model) {
		access.requireWrite();
		model.addAttribute("errors", Map.of());
		return "sales/lead/import";
	}

	@PostMapping("/leads/import")
	String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String campaign, Model model)
			throws IOException {
		access.requireWrite();
		model.addAttribute("campaign", campaign);
		if (file == null || file.isEmpty()) {
			model.addAttribute("errors", Map.of("file", messages.getMessage("validation.required", null, LocaleContextHolder.getLocale())));
			return "sales/lead/import";
		}
		try (var content = file.getInputStream()) {
			var result = imports.importFile(content, campaign, file.getOriginalFilename());
			var locale = LocaleContextHolder.getLocale();
			model.addAttribute("result", result);
			model.addAttribute("failures", result.failed().stream().map(f -> new RowProblem(f.row(), String.join(" · ", f.problems().stream()
					.map(p -> messages.getMessage("lead.field." + p.field(), null, p.field(), locale) + ": "
							+ messages.getMessage(p.code(), p.arguments(), p.code(), locale)).toList()))).toList());
			model.addAttribute("errors", Map.of());
		} catch (ValidationException e) {
			model.addAttribute("errors", FieldMessages.of(e, messages));
		} catch (org.sencrm.platform.DomainException e) {
			model.addAttribute("errors", Map.of("file", messages.getMessage(e.code(), e.arguments(), e.code(), LocaleContextHolder.getLocale())));
		}
		return "sales/lead/import";
	}
}
