package org.sencrm.sales.lead;

import java.util.stream.Collectors;

import org.sencrm.directory.NameOrder;
import org.sencrm.identity.UserDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The lead list: by status, owner, source and lowest score; best score first or newest first; one page at a time. */
@Controller
class LeadListPage {

	private final Leads leads;
	private final UserDirectory users;
	private final LeadAccess access;

	LeadListPage(Leads leads, UserDirectory users, LeadAccess access) {
		this.leads = leads;
		this.users = users;
		this.access = access;
	}

	@GetMapping("/leads")
	String list(@RequestParam MultiValueMap<String, String> params, Model model) {
		var filter = LeadFilter.of(params);
		var page = leads.list(filter);
		var userList = users.users();
		var query = UriComponentsBuilder.newInstance();
		params.forEach((name, values) -> {
			if (!name.equals("cursor")) {
				values.stream().filter(v -> !v.isBlank()).forEach(v -> query.queryParam(name, v));
			}
		});
		var queryText = query.build().encode().getQuery();
		model.addAttribute("filter", filter);
		model.addAttribute("ownerParam", params.getFirst("ownerId"));
		model.addAttribute("leads", page.items());
		model.addAttribute("unrecognisedNames", NameOrder.forUnrecognised(users.workspace()));
		model.addAttribute("firstPage", filter.cursor() == null);
		model.addAttribute("query", queryText == null ? "" : queryText);
		model.addAttribute("nextUrl", page.nextCursor() == null ? null
				: "/leads?" + (queryText == null ? "" : queryText + "&") + "cursor=" + page.nextCursor());
		model.addAttribute("users", userList);
		model.addAttribute("ownerNames", userList.stream()
				.collect(Collectors.toMap(UserDirectory.UserSummary::id, UserDirectory.UserSummary::displayName)));
		model.addAttribute("statuses", Lead.STATUSES);
		model.addAttribute("sources", Lead.SOURCES);
		model.addAttribute("canWrite", access.user().role().writes());
		model.addAttribute("canRules", access.canChangeRules());
		model.addAttribute("canForms", access.canManageForms());
		return "sales/lead/list";
	}
}
