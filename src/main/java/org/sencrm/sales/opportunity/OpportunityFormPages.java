package org.sencrm.sales.opportunity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.sencrm.directory.Customers;
import org.sencrm.identity.Access;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.Ids;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.sencrm.sales.pipeline.Pipelines;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Creating and editing an opportunity; a lost race is shown with the typed values kept, as on the customer forms. */
@Controller
class OpportunityFormPages {

	private final OpportunityService opportunities;
	private final Pipelines pipelines;
	private final Customers customers;
	private final UserDirectory users;
	private final Access access;
	private final MessageSource messages;
	private final Clock clock;

	OpportunityFormPages(OpportunityService opportunities, Pipelines pipelines, Customers customers, UserDirectory users,
			Access access, MessageSource messages, Clock clock) {
		this.opportunities = opportunities;
		this.pipelines = pipelines;
		this.customers = customers;
		this.users = users;
		this.access = access;
		this.messages = messages;
		this.clock = clock;
	}

	/** A new opportunity, in a pipeline's first stage, for a customer when the link names one. */
	@GetMapping("/sales/opportunities/new")
	@Transactional(readOnly = true)
	public String newOpportunity(@RequestParam(required = false) String pipeline, @RequestParam(required = false) String personId,
			@RequestParam(required = false) String organizationId, Model model) {
		access.requireWrite();
		var form = new OpportunityForm();
		var active = pipelines.all().stream().filter(p -> !p.archived()).toList();
		var chosen = active.stream().filter(p -> p.id().toString().equals(pipeline)).findFirst().orElse(active.getFirst());
		chosen.activeStages().stream().filter(s -> s.open()).findFirst().ifPresent(s -> form.setStageId(s.id()));
		form.setCurrency(users.workspace().currency());
		form.setExpectedCloseDate(LocalDate.now(clock).plusDays(30));
		form.setOwnerId(access.currentUser().id());
		form.setPersonId(personId == null ? null : Ids.parse(personId, "entity.person"));
		form.setOrganizationId(organizationId == null ? null : Ids.parse(organizationId, "entity.organization"));
		return form(model, form, null, Map.of());
	}

	@PostMapping("/sales/opportunities")
	public String create(@ModelAttribute("form") OpportunityForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return form(model, form, null, FieldMessages.of(binding, messages));
		}
		prepare(form);
		try {
			var opportunity = opportunities.create(form.toDraft());
			redirect.addFlashAttribute("notice", "opportunity.created");
			return "redirect:/sales/opportunities/" + opportunity.id();
		} catch (ValidationException e) {
			return form(model, form, null, FieldMessages.of(e, messages));
		}
	}

	@GetMapping("/sales/opportunities/{id}/edit")
	@Transactional(readOnly = true)
	public String edit(@PathVariable String id, Model model) {
		var opportunity = opportunities.get(Ids.parse(id, "entity.opportunity"));
		access.requireEdit(opportunity.ownerId(), opportunity.ownerTeamId());
		return form(model, OpportunityForm.of(opportunity), opportunity.id(), Map.of());
	}

	@PostMapping("/sales/opportunities/{id}")
	public String update(@PathVariable String id, @ModelAttribute("form") OpportunityForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		var current = opportunities.get(Ids.parse(id, "entity.opportunity"));
		if (binding.hasErrors()) {
			return form(model, form, current.id(), FieldMessages.of(binding, messages));
		}
		prepare(form);
		try {
			opportunities.update(current.id(), form.toDraft(), form.getVersion());
			redirect.addFlashAttribute("notice", "opportunity.saved");
			return "redirect:/sales/opportunities/" + current.id();
		} catch (ValidationException e) {
			return form(model, form, current.id(), FieldMessages.of(e, messages));
		} catch (StaleVersionException e) {
			model.addAttribute("stale", true);
			return form(model, form, current.id(), Map.of());
		}
	}

	private void prepare(OpportunityForm form) {
		if (!access.canReassign()) {
			form.setOwnerId(null); // kept by the service: only those who may reassign choose an owner
		}
	}

	private String form(Model model, OpportunityForm form, UUID opportunityId, Map<String, String> errors) {
		var personIds = new HashSet<UUID>();
		form.getContacts().stream().map(OpportunityForm.ContactRow::getPersonId).filter(Objects::nonNull).forEach(personIds::add);
		if (form.getPersonId() != null) {
			personIds.add(form.getPersonId());
		}
		var names = customers.names(personIds,
				form.getOrganizationId() == null ? List.of() : List.of(form.getOrganizationId()));
		form.getContacts().forEach(c -> c.setName(names.get(c.getPersonId())));
		var canReassign = access.canReassign();
		var mine = access.currentUser().teamIds();
		model.addAttribute("form", form);
		model.addAttribute("opportunityId", opportunityId);
		model.addAttribute("errors", errors);
		model.addAttribute("pipelines", pipelines.all().stream().filter(p -> !p.archived()).toList());
		model.addAttribute("personName", form.getPersonId() == null ? null : names.get(form.getPersonId()));
		model.addAttribute("organizationName", form.getOrganizationId() == null ? null : names.get(form.getOrganizationId()));
		model.addAttribute("buyingRoles", OpportunityContact.BUYING_ROLES);
		model.addAttribute("forecastCategories", Opportunity.FORECAST_CATEGORIES);
		model.addAttribute("canReassign", canReassign);
		model.addAttribute("owners", users.users().stream().filter(u -> u.active() || u.id().equals(form.getOwnerId())).toList());
		model.addAttribute("teams", users.teams().stream()
				.filter(t -> canReassign || mine.contains(t.id()) || t.id().equals(form.getOwnerTeamId())).toList());
		return "sales/opportunity/form";
	}
}
