package org.sencrm.sales.lead;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.Ids;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Scoring and assignment rules on one page: everyone sees them, managers and admins add and remove them. */
@Controller
class LeadRulePages {

	private final ScoringRules scoring;
	private final AssignmentRules assignment;
	private final LeadAccess access;
	private final UserDirectory users;
	private final MessageSource messages;

	LeadRulePages(ScoringRules scoring, AssignmentRules assignment, LeadAccess access, UserDirectory users, MessageSource messages) {
		this.scoring = scoring;
		this.assignment = assignment;
		this.access = access;
		this.users = users;
		this.messages = messages;
	}

	@GetMapping("/leads/rules")
	String page(Model model) {
		return page(model, Map.of(), Map.of());
	}

	@PostMapping("/leads/rules/scoring")
	String addScoring(@RequestParam(required = false) String kind, @RequestParam(required = false) String field,
			@RequestParam(required = false) String value, @RequestParam(required = false) String points, Model model,
			RedirectAttributes redirect) {
		try {
			scoring.add(kind, field, value, number(points));
		} catch (ValidationException e) {
			return page(model, FieldMessages.of(e, messages), Map.of());
		}
		redirect.addFlashAttribute("notice", "rules.saved");
		return "redirect:/leads/rules";
	}

	@PostMapping("/leads/rules/scoring/{id}/delete")
	String removeScoring(@PathVariable String id, RedirectAttributes redirect) {
		scoring.remove(Ids.parse(id, "entity.scoring-rule"));
		redirect.addFlashAttribute("notice", "rules.saved");
		return "redirect:/leads/rules";
	}

	@PostMapping("/leads/rules/assignment")
	String addAssignment(@RequestParam(required = false) String matchField, @RequestParam(required = false) String matchValue,
			@RequestParam(required = false) String userId, @RequestParam(required = false) String teamId, Model model,
			RedirectAttributes redirect) {
		try {
			assignment.add(matchField, matchValue, id(userId), id(teamId));
		} catch (ValidationException e) {
			return page(model, Map.of(), FieldMessages.of(e, messages));
		}
		redirect.addFlashAttribute("notice", "rules.saved");
		return "redirect:/leads/rules";
	}

	@PostMapping("/leads/rules/assignment/{id}/delete")
	String removeAssignment(@PathVariable String id, RedirectAttributes redirect) {
		assignment.remove(Ids.parse(id, "entity.assignment-rule"));
		redirect.addFlashAttribute("notice", "rules.saved");
		return "redirect:/leads/rules";
	}

	private String page(Model model, Map<String, String> scoringErrors, Map<String, String> assignmentErrors) {
		var userList = users.users();
		model.addAttribute("scoringRules", scoring.all());
		model.addAttribute("assignmentRules", assignment.all());
		model.addAttribute("canChange", access.canChangeRules());
		model.addAttribute("kinds", ScoringRule.KINDS);
		model.addAttribute("scoringFields", ScoringRule.FIELDS);
		model.addAttribute("matchFields", AssignmentRule.MATCH_FIELDS);
		model.addAttribute("sources", Lead.SOURCES);
		model.addAttribute("users", userList.stream().filter(UserDirectory.UserSummary::active).toList());
		model.addAttribute("teams", users.teams());
		model.addAttribute("userNames", userList.stream()
				.collect(Collectors.toMap(UserDirectory.UserSummary::id, UserDirectory.UserSummary::displayName)));
		model.addAttribute("teamNames", users.teams().stream()
				.collect(Collectors.toMap(UserDirectory.TeamSummary::id, UserDirectory.TeamSummary::name)));
		model.addAttribute("scoringErrors", scoringErrors);
		model.addAttribute("assignmentErrors", assignmentErrors);
		return "sales/lead/rules";
	}

	private static Integer number(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.parseInt(text.strip());
		} catch (NumberFormatException e) {
			throw new ValidationException(java.util.List.of(new ValidationException.FieldProblem("points", "validation.points")));
		}
	}

	private static UUID id(String text) {
		return text == null || text.isBlank() ? null : Ids.parse(text, "entity.user");
	}
}
