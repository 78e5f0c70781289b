package org.sencrm.sales.opportunity;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.sencrm.directory.Customers;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.Ids;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.sencrm.sales.pipeline.Pipeline;
import org.sencrm.sales.pipeline.Pipelines;
import org.sencrm.sales.pipeline.Stage;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The opportunity list (the board's filters, paged by cursor), an opportunity's page (its fields,
 * buying center, stage history with the time in each stage, the customer's timeline), and marking
 * one won or lost, or deleting it.
 */
@Controller
class OpportunityPages {

	private final OpportunityService opportunities;
	private final Pipelines pipelines;
	private final Customers customers;
	private final UserDirectory users;
	private final MessageSource messages;

	OpportunityPages(OpportunityService opportunities, Pipelines pipelines, Customers customers, UserDirectory users,
			MessageSource messages) {
		this.opportunities = opportunities;
		this.pipelines = pipelines;
		this.customers = customers;
		this.users = users;
		this.messages = messages;
	}

	@GetMapping("/sales/opportunities")
	@Transactional(readOnly = true)
	public String list(@RequestParam MultiValueMap<String, String> params, Model model) {
		var filter = OpportunityFilter.of(params);
		var page = opportunities.list(filter);
		var personIds = new HashSet<UUID>();
		var organizationIds = new HashSet<UUID>();
		page.items().forEach(o -> {
			if (o.personId() != null) {
				personIds.add(o.personId());
			} else {
				organizationIds.add(o.organizationId());
			}
		});
		model.addAttribute("filter", filter);
		model.addAttribute("opportunities", page.items());
		model.addAttribute("customerNames", customers.names(personIds, organizationIds));
		model.addAttribute("stages", stageNames());
		model.addAttribute("pipelines", pipelines.all());
		model.addAttribute("users", users.users());
		model.addAttribute("ownerNames", ownerNames());
		model.addAttribute("teams", users.teams());
		model.addAttribute("statuses", Opportunity.STATUSES);
		model.addAttribute("nextUrl", page.nextCursor() == null ? null : SalesLinks.list(filter, page.nextCursor()));
		model.addAttribute("firstUrl", filter.cursor() == null ? null : SalesLinks.list(filter, null));
		model.addAttribute("boardUrl", SalesLinks.board(filter));
		return "sales/opportunity/list";
	}

	@GetMapping("/sales/opportunities/{id}")
	@Transactional(readOnly = true)
	public String show(@PathVariable String id, Model model) {
		var opportunity = opportunities.get(Ids.parse(id, "entity.opportunity"));
		var pipeline = pipelines.get(opportunity.pipelineId());
		var personIds = new HashSet<UUID>(opportunity.contacts().stream().map(OpportunityContact::personId).toList());
		if (opportunity.personId() != null) {
			personIds.add(opportunity.personId());
		}
		var organizationIds = opportunity.organizationId() == null ? List.<UUID>of() : List.of(opportunity.organizationId());
		model.addAttribute("opportunity", opportunity);
		model.addAttribute("pipeline", pipeline);
		model.addAttribute("stage", pipeline.stage(opportunity.stageId()).orElseThrow());
		model.addAttribute("names", customers.names(personIds, organizationIds));
		model.addAttribute("owner", users.user(opportunity.ownerId()).orElse(null));
		model.addAttribute("team", users.team(opportunity.ownerTeamId()).orElse(null));
		model.addAttribute("canEdit", opportunities.canEdit(opportunity));
		model.addAttribute("stageHistory", opportunities.stageHistory(opportunity.id()));
		model.addAttribute("history", opportunities.history(opportunity.id()));
		return "sales/opportunity/detail";
	}

	@PostMapping("/sales/opportunities/{id}/win")
	String win(@PathVariable String id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		var opportunity = opportunities.win(Ids.parse(id, "entity.opportunity"), null, version);
		redirect.addFlashAttribute("notice", "opportunity.wonNotice");
		return "redirect:/sales/opportunities/" + opportunity.id();
	}

	@GetMapping("/sales/opportunities/{id}/lose")
	@Transactional(readOnly = true)
	public String loseForm(@PathVariable String id, @RequestParam(required = false) String stageId,
			@RequestParam(required = false) String back, Model model) {
		var opportunity = opportunities.get(Ids.parse(id, "entity.opportunity"));
		return loseForm(opportunity, stageId == null ? null : Ids.parse(stageId, "entity.stage"), "", back, Map.of(), model);
	}

	@PostMapping("/sales/opportunities/{id}/lose")
	String lose(@PathVariable String id, @RequestParam(required = false) String stageId,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String back, Model model,
			RedirectAttributes redirect) {
		var opportunityId = Ids.parse(id, "entity.opportunity");
		var stage = stageId == null || stageId.isBlank() ? null : Ids.parse(stageId, "entity.stage");
		try {
			opportunities.lose(opportunityId, reason, stage, null);
		} catch (ValidationException e) {
			return loseForm(opportunities.get(opportunityId), stage, reason, back, FieldMessages.of(e, messages), model);
		}
		redirect.addFlashAttribute("notice", "opportunity.lostNotice");
		return "redirect:" + SalesLinks.back(back, "/sales/opportunities/" + opportunityId);
	}

	@PostMapping("/sales/opportunities/{id}/delete")
	String delete(@PathVariable String id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		opportunities.delete(Ids.parse(id, "entity.opportunity"), version);
		redirect.addFlashAttribute("notice", "opportunity.deleted");
		return "redirect:/sales/opportunities";
	}

	private String loseForm(Opportunity opportunity, UUID stageId, String reason, String back, Map<String, String> errors,
			Model model) {
		Pipeline pipeline = pipelines.get(opportunity.pipelineId());
		model.addAttribute("opportunity", opportunity);
		model.addAttribute("lostStages", pipeline.activeStages().stream().filter(Stage::lost).toList());
		model.addAttribute("stageId", stageId);
		model.addAttribute("reason", reason);
		model.addAttribute("back", SalesLinks.back(back, "/sales/opportunities/" + opportunity.id()));
		model.addAttribute("errors", errors);
		return "sales/opportunity/lose";
	}

	private Map<UUID, Stage> stageNames() {
		return pipelines.all().stream().flatMap(p -> p.stages().stream()).collect(Collectors.toMap(Stage::id, s -> s));
	}

	private Map<UUID, String> ownerNames() {
		return users.users().stream().collect(Collectors.toMap(UserDirectory.UserSummary::id, UserDirectory.UserSummary::displayName));
	}
}
