package org.sencrm.sales.lead;

import java.util.Map;

import org.sencrm.platform.Ids;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The workspace's web forms: the list, the editor, and each form's address and the snippet to paste into a website. */
@Controller
class WebFormPages {

	private final WebForms forms;
	private final WebFormSnippet snippets;
	private final LeadAccess access;
	private final MessageSource messages;

	WebFormPages(WebForms forms, WebFormSnippet snippets, LeadAccess access, MessageSource messages) {
		this.forms = forms;
		this.snippets = snippets;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/leads/forms")
	String list(Model model) {
		model.addAttribute("forms", forms.all());
		model.addAttribute("canManage", access.canManageForms());
		return "sales/lead/web-forms";
	}

	@GetMapping("/leads/forms/new")
	String newForm(Model model) {
		access.requireForms();
		return editor(model, new WebFormForm(), null, Map.of());
	}

	@PostMapping("/leads/forms")
	String create(@ModelAttribute("form") WebFormForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return editor(model, form, null, FieldMessages.of(binding, messages));
		}
		try {
			var created = forms.create(form.toDraft());
			redirect.addFlashAttribute("notice", "webForm.created");
			return "redirect:/leads/forms/" + created.id();
		} catch (ValidationException e) {
			return editor(model, form, null, FieldMessages.of(e, messages));
		}
	}

	@GetMapping("/leads/forms/{id}")
	String show(@PathVariable String id, Model model) {
		var form = forms.get(Ids.parse(id, "entity.web-form"));
		return editor(model, WebFormForm.of(form), form, Map.of());
	}

	@PostMapping("/leads/forms/{id}")
	String update(@PathVariable String id, @ModelAttribute("form") WebFormForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		var current = forms.get(Ids.parse(id, "entity.web-form"));
		if (binding.hasErrors()) {
			return editor(model, form, current, FieldMessages.of(binding, messages));
		}
		try {
			forms.update(current.id(), form.toDraft(), form.getVersion());
			redirect.addFlashAttribute("notice", "webForm.saved");
			return "redirect:/leads/forms/" + current.id();
		} catch (ValidationException e) {
			return editor(model, form, current, FieldMessages.of(e, messages));
		} catch (StaleVersionException e) {
			model.addAttribute("stale", true);
			return editor(model, form, current, Map.of());
		}
	}

	@PostMapping("/leads/forms/{id}/new-key")
	String newKey(@PathVariable String id, RedirectAttributes redirect) {
		var form = forms.newKey(Ids.parse(id, "entity.web-form"));
		redirect.addFlashAttribute("notice", "webForm.newKey");
		return "redirect:/leads/forms/" + form.id();
	}

	@PostMapping("/leads/forms/{id}/delete")
	String delete(@PathVariable String id, RedirectAttributes redirect) {
		forms.delete(Ids.parse(id, "entity.web-form"));
		redirect.addFlashAttribute("notice", "webForm.deleted");
		return "redirect:/leads/forms";
	}

	private String editor(Model model, WebFormForm form, WebForm stored, Map<String, String> errors) {
		var base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		model.addAttribute("form", form);
		model.addAttribute("stored", stored);
		model.addAttribute("formId", stored == null ? null : stored.id());
		model.addAttribute("submitUrl", stored == null ? null : snippets.submitUrl(base, stored));
		model.addAttribute("snippet", stored == null ? null : snippets.html(base, stored));
		model.addAttribute("errors", errors);
		model.addAttribute("canManage", access.canManageForms());
		model.addAttribute("leadFields", Lead.FIELDS);
		model.addAttribute("channels", Lead.CONSENT_CHANNELS);
		model.addAttribute("sources", Lead.SOURCES);
		model.addAttribute("languages", java.util.List.of("vi", "en"));
		return "sales/lead/web-form";
	}
}
