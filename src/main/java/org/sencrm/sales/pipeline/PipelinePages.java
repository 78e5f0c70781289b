package org.sencrm.sales.pipeline;

import org.sencrm.platform.DomainException;
import org.sencrm.platform.Ids;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pipelines page: everyone sees the pipelines and their stages; administrators and managers
 * add pipelines and stages, rename them, set probabilities, move stages up and down and archive.
 * Each form posts one change and comes back to the page, with the problem when it was refused.
 */
@Controller
class PipelinePages {

	private static final String PAGE = "redirect:/sales/pipelines";

	private final Pipelines pipelines;
	private final MessageSource messages;

	PipelinePages(Pipelines pipelines, MessageSource messages) {
		this.pipelines = pipelines;
		this.messages = messages;
	}

	@GetMapping("/sales/pipelines")
	String page(Model model) {
		model.addAttribute("pipelines", pipelines.all());
		model.addAttribute("canManage", pipelines.canManage());
		model.addAttribute("kinds", Stage.KINDS);
		return "sales/pipelines";
	}

	@PostMapping("/sales/pipelines")
	String create(@RequestParam(required = false) String name, RedirectAttributes redirect) {
		return change(redirect, "pipeline.created", () -> pipelines.create(new PipelineDraft(name, null, null, null)));
	}

	@PostMapping("/sales/pipelines/{id}")
	String rename(@PathVariable String id, @RequestParam(required = false) String name, @RequestParam int version,
			RedirectAttributes redirect) {
		return change(redirect, "pipeline.saved", () -> pipelines.update(Ids.parse(id, "entity.pipeline"),
				new PipelineDraft(name == null ? "" : name, null, null, null), version));
	}

	@PostMapping("/sales/pipelines/{id}/archive")
	String archive(@PathVariable String id, @RequestParam boolean archived, @RequestParam int version,
			RedirectAttributes redirect) {
		return change(redirect, archived ? "pipeline.archived" : "pipeline.restored", () -> pipelines.update(
				Ids.parse(id, "entity.pipeline"), new PipelineDraft(null, null, archived, null), version));
	}

	@PostMapping("/sales/pipelines/{id}/stages")
	String addStage(@PathVariable String id, @RequestParam(required = false) String name,
			@RequestParam(required = false) Integer probability, @RequestParam(required = false) String kind,
			RedirectAttributes redirect) {
		return change(redirect, "stage.created", () -> pipelines.addStage(Ids.parse(id, "entity.pipeline"),
				new StageDraft(name, probability, kind, null, null)));
	}

	@PostMapping("/sales/pipelines/{id}/stages/{stageId}")
	String saveStage(@PathVariable String id, @PathVariable String stageId, @RequestParam(required = false) String name,
			@RequestParam(required = false) Integer probability, @RequestParam int version, RedirectAttributes redirect) {
		return change(redirect, "stage.saved", () -> pipelines.updateStage(Ids.parse(id, "entity.pipeline"),
				Ids.parse(stageId, "entity.stage"), new StageDraft(name == null ? "" : name, probability, null, null, null), version));
	}

	@PostMapping("/sales/pipelines/{id}/stages/{stageId}/position")
	String moveStage(@PathVariable String id, @PathVariable String stageId, @RequestParam int position, @RequestParam int version,
			RedirectAttributes redirect) {
		return change(redirect, "stage.moved", () -> pipelines.updateStage(Ids.parse(id, "entity.pipeline"),
				Ids.parse(stageId, "entity.stage"), new StageDraft(null, null, null, Math.max(0, position), null), version));
	}

	@PostMapping("/sales/pipelines/{id}/stages/{stageId}/archive")
	String archiveStage(@PathVariable String id, @PathVariable String stageId, @RequestParam boolean archived,
			@RequestParam int version, RedirectAttributes redirect) {
		return change(redirect, archived ? "stage.archived" : "stage.restored", () -> pipelines.updateStage(
				Ids.parse(id, "entity.pipeline"), Ids.parse(stageId, "entity.stage"), new StageDraft(null, null, null, null, archived),
				version));
	}

	private String change(RedirectAttributes redirect, String notice, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("notice", notice);
		} catch (ValidationException e) {
			redirect.addFlashAttribute("problem", String.join(" ", FieldMessages.of(e, messages).values()));
		} catch (DomainException e) {
			redirect.addFlashAttribute("problem", messages.getMessage(e.code(), e.arguments(), e.code(),
					LocaleContextHolder.getLocale()));
		}
		return PAGE;
	}
}
