package org.sencrm.sales.lead;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.Customers;
import org.sencrm.directory.NameOrder;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.Ids;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.sencrm.trash.Trash;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A lead's page: its fields, where it came from, its likely duplicates with buttons to link it to
 * one, the actions that move it on (take, qualify, disqualify with a reason, reopen, convert),
 * logged touches and history.
 */
@Controller
class LeadPages {

	private final Leads leads;
	private final ConvertLead conversion;
	private final LeadAccess access;
	private final UserDirectory users;
	private final Customers customers;
	private final WebForms forms;
	private final LeadHistoryLines history;
	private final MessageSource messages;
	private final Trash trash;

	LeadPages(Leads leads, ConvertLead conversion, LeadAccess access, UserDirectory users, Customers customers, WebForms forms,
			LeadHistoryLines history, MessageSource messages, Trash trash) {
		this.trash = trash;
		this.leads = leads;
		this.conversion = conversion;
		this.access = access;
		this.users = users;
		this.customers = customers;
		this.forms = forms;
		this.history = history;
		this.messages = messages;
	}

	@GetMapping("/leads/{id}")
	String show(@PathVariable String id, Model model) {
		return page(leads.get(Ids.parse(id, "entity.lead")), model, Map.of());
	}

	@PostMapping("/leads/{id}/qualify")
	String qualify(@PathVariable String id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		var lead = leads.qualify(Ids.parse(id, "entity.lead"), version);
		redirect.addFlashAttribute("notice", "lead.qualified");
		return "redirect:/leads/" + lead.id();
	}

	@PostMapping("/leads/{id}/disqualify")
	String disqualify(@PathVariable String id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) Integer version, Model model, RedirectAttributes redirect) {
		var leadId = Ids.parse(id, "entity.lead");
		try {
			leads.disqualify(leadId, reason, version);
		} catch (ValidationException e) {
			return page(leads.get(leadId), model, FieldMessages.of(e, messages));
		}
		redirect.addFlashAttribute("notice", "lead.disqualified");
		return "redirect:/leads/" + leadId;
	}

	@PostMapping("/leads/{id}/reopen")
	String reopen(@PathVariable String id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		var lead = leads.reopen(Ids.parse(id, "entity.lead"), version);
		redirect.addFlashAttribute("notice", "lead.reopened");
		return "redirect:/leads/" + lead.id();
	}

	@PostMapping("/leads/{id}/take")
	String take(@PathVariable String id, RedirectAttributes redirect) {
		var lead = leads.take(Ids.parse(id, "entity.lead"));
		redirect.addFlashAttribute("notice", "lead.taken");
		return "redirect:/leads/" + lead.id();
	}

	/** Links the lead to a person or organization from its matches, or removes a link ({@code none}). */
	@PostMapping("/leads/{id}/link")
	String link(@PathVariable String id, @RequestParam(required = false) String personId,
			@RequestParam(required = false) String organizationId, RedirectAttributes redirect) {
		var leadId = Ids.parse(id, "entity.lead");
		leads.link(leadId, target(personId), target(organizationId), personId != null, organizationId != null);
		redirect.addFlashAttribute("notice", "lead.linked");
		return "redirect:/leads/" + leadId;
	}

	@PostMapping("/leads/{id}/touches")
	String touch(@PathVariable String id, @RequestParam(required = false) String type, @RequestParam(required = false) String subject,
			@RequestParam(required = false) String body, Model model, RedirectAttributes redirect) {
		var leadId = Ids.parse(id, "entity.lead");
		try {
			leads.logTouch(leadId, type, subject, body);
		} catch (ValidationException e) {
			return page(leads.get(leadId), model, FieldMessages.of(e, messages));
		}
		redirect.addFlashAttribute("notice", "lead.touchLogged");
		return "redirect:/leads/" + leadId + "#touches";
	}

	@PostMapping("/leads/{id}/convert")
	String convert(@PathVariable String id, @RequestParam(defaultValue = "false") boolean createNewPerson,
			@RequestParam(defaultValue = "false") boolean createOpportunity, @RequestParam(required = false) String opportunityName,
			@RequestParam(required = false) String amount, @RequestParam(required = false) String currency, Model model,
			RedirectAttributes redirect) {
		var leadId = Ids.parse(id, "entity.lead");
		try {
			var result = conversion.convert(leadId, new ConvertLead.Request(null, null, createNewPerson, createOpportunity,
					opportunityName, amount(amount), currency == null || currency.isBlank() ? null : currency.strip()));
			redirect.addFlashAttribute("notice", "lead.convertedNotice");
			return "redirect:/persons/" + result.personId();
		} catch (ValidationException e) {
			return page(leads.get(leadId), model, FieldMessages.of(e, messages));
		}
	}

	private String page(Lead lead, Model model, Map<String, String> errors) {
		model.addAttribute("lead", lead);
		model.addAttribute("title", lead.title(NameOrder.forUnrecognised(users.workspace())));
		model.addAttribute("canEdit", access.canEdit(lead) && !lead.status().equals(Lead.CONVERTED));
		model.addAttribute("canDelete", trash.mayDelete("lead", lead.id()));
		model.addAttribute("canTake", access.user().role().writes() && lead.open()
				&& (lead.ownerId() == null || access.canReassign() && !access.user().id().equals(lead.ownerId())));
		model.addAttribute("owner", users.user(lead.ownerId()).orElse(null));
		model.addAttribute("team", users.team(lead.ownerTeamId()).orElse(null));
		model.addAttribute("form", lead.webFormId() == null ? null : webForm(lead.webFormId()));
		model.addAttribute("matches", lead.status().equals(Lead.CONVERTED) ? java.util.List.of() : leads.matches(lead.id()));
		model.addAttribute("linkedPerson", lead.linkedPersonId() == null ? null : customers.person(lead.linkedPersonId()).orElse(null));
		model.addAttribute("linkedOrganization", lead.linkedOrganizationId() == null ? null
				: customers.organization(lead.linkedOrganizationId()).orElse(null));
		model.addAttribute("convertedPerson", lead.convertedPersonId() == null ? null
				: customers.person(lead.convertedPersonId()).orElse(null));
		model.addAttribute("convertedOrganization", lead.convertedOrganizationId() == null ? null
				: customers.organization(lead.convertedOrganizationId()).orElse(null));
		model.addAttribute("channels", Lead.CONSENT_CHANNELS);
		model.addAttribute("touchTypes", java.util.List.of("call", "email", "meeting", "note", "sms", "chat", "visit"));
		model.addAttribute("touches", leads.touches(lead.id()));
		model.addAttribute("history", history.of(leads.history(lead.id())));
		model.addAttribute("currency", users.workspace().currency());
		model.addAttribute("errors", errors);
		return "sales/lead/detail";
	}

	private WebForm webForm(UUID id) {
		try {
			return forms.get(id);
		} catch (org.sencrm.platform.NotFoundException deleted) {
			return null;
		}
	}

	private static UUID target(String id) {
		if (id == null || id.isBlank() || id.equals("none")) {
			return null;
		}
		return Ids.parse(id, "entity.person");
	}

	private static BigDecimal amount(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip().replace(" ", ""));
		} catch (NumberFormatException e) {
			throw new ValidationException(java.util.List.of(new ValidationException.FieldProblem("amount", "validation.number")));
		}
	}

	/** Moves the lead to the trash (decision 22); a refusal is shown on its page. */
	@PostMapping("/leads/{id}/delete")
	String delete(@PathVariable String id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		var leadId = Ids.parse(id, "entity.lead");
		try {
			leads.delete(leadId, version);
		} catch (org.sencrm.trash.TrashBlockedException blocked) {
			redirect.addFlashAttribute("refusal", blocked.text());
			return "redirect:/leads/" + leadId;
		}
		redirect.addFlashAttribute("notice", "trash.moved");
		return "redirect:/leads";
	}
}
