package org.sencrm.sales.lead;

import java.util.Map;
import java.util.UUID;

import org.sencrm.identity.UserDirectory;
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

/** Entering a lead by hand and editing one: a refused form comes back with each problem beside its field. */
@Controller
class LeadFormPages {

	private final Leads leads;
	private final LeadAccess access;
	private final UserDirectory users;
	private final MessageSource messages;

	LeadFormPages(Leads leads, LeadAccess access, UserDirectory users, MessageSource messages) {
		this.leads = leads;
		this.access = access;
		this.users = users;
		this.messages = messages;
	}

	@GetMapping("/leads/new")
	String newLead(Model model) {
		access.requireWrite();
		return form(model, new LeadForm(), null, Map.of());
	}

	@PostMapping("/leads")
	String create(@ModelAttribute("form") LeadForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return form(model, form, null, FieldMessages.of(binding, messages));
		}
		if (!access.canReassign()) {
			form.setOwnerId(null); // the assignment rules or the user; only managers and admins choose
		}
		try {
			var lead = leads.create(form.toDraft(Map.of()), "manual");
			redirect.addFlashAttribute("notice", "lead.created");
			return "redirect:/leads/" + lead.id();
		} catch (ValidationException e) {
			return form(model, form, null, FieldMessages.of(e, messages));
		}
	}

	@GetMapping("/leads/{id}/edit")
	String edit(@PathVariable String id, Model model) {
		var lead = leads.editable(Ids.parse(id, "entity.lead"), null);
		return form(model, LeadForm.of(lead), lead.id(), Map.of());
	}

	@PostMapping("/leads/{id}")
	String update(@PathVariable String id, @ModelAttribute("form") LeadForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		var current = leads.get(Ids.parse(id, "entity.lead"));
		if (binding.hasErrors()) {
			return form(model, form, current.id(), FieldMessages.of(binding, messages));
		}
		if (!access.canReassign()) {
			form.setOwnerId(current.ownerId());
		}
		try {
			leads.update(current.id(), form.toDraft(current.consents()), form.getVersion());
			redirect.addFlashAttribute("notice", "lead.saved");
			return "redirect:/leads/" + current.id();
		} catch (ValidationException e) {
			return form(model, form, current.id(), FieldMessages.of(e, messages));
		} catch (StaleVersionException e) {
			model.addAttribute("stale", true);
			return form(model, form, current.id(), Map.of());
		}
	}

	private String form(Model model, LeadForm form, UUID leadId, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("leadId", leadId);
		model.addAttribute("errors", LeadForm.consentProblemsOnTheForm(errors));
		model.addAttribute("consentMethods", org.sencrm.directory.Consents.METHODS.stream()
				.filter(m -> !m.equals(org.sencrm.directory.Consents.DOUBLE_OPT_IN)).toList());
		model.addAttribute("owners", users.users().stream().filter(UserDirectory.UserSummary::active).toList());
		model.addAttribute("teams", users.teams());
		model.addAttribute("canReassign", access.canReassign());
		model.addAttribute("sources", Lead.SOURCES);
		var working = java.util.List.of(Lead.NEW, Lead.WORKING);
		model.addAttribute("statuses", working.contains(form.getStatus()) ? working : java.util.List.of(form.getStatus()));
		return "sales/lead/form";
	}
}
