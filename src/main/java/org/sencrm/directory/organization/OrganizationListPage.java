package org.sencrm.directory.organization;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.sencrm.directory.customfield.CustomFieldDefinition;
import org.sencrm.directory.customfield.CustomFields;
import org.sencrm.directory.export.CsvExport;
import org.sencrm.directory.lifecycle.LifecycleStage;
import org.sencrm.directory.listing.ListLinks;
import org.sencrm.directory.tag.Tags;
import org.sencrm.directory.view.SavedViews;
import org.sencrm.identity.UserDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organization list, paged by cursor like the person list, with saved views and CSV export;
 * and the small picker that finds an organization for a form (a contact role, a parent).
 */
@Controller
class OrganizationListPage {

	/** Inputs the picker may fill; the name comes back into the page, so it is never taken from the request as is. */
	private static final List<String> PICKER_FIELDS = List.of("organizationId", "parentId");

	private final OrganizationService organizations;
	private final Tags tags;
	private final UserDirectory users;
	private final CustomFields customFields;
	private final SavedViews views;
	private final CsvExport export;
	private final org.sencrm.identity.Access access;

	OrganizationListPage(OrganizationService organizations, Tags tags, UserDirectory users, CustomFields customFields,
			SavedViews views, CsvExport export, org.sencrm.identity.Access access) {
		this.organizations = organizations;
		this.tags = tags;
		this.users = users;
		this.customFields = customFields;
		this.views = views;
		this.export = export;
		this.access = access;
	}

	@GetMapping("/organizations")
	String list(@RequestParam MultiValueMap<String, String> params, Model model) {
		var filter = OrganizationFilter.of(params);
		var page = organizations.list(filter);
		var query = ListLinks.filterQuery(params);
		var userList = users.users();
		model.addAttribute("filter", filter);
		model.addAttribute("organizations", page.items());
		model.addAttribute("nextUrl", ListLinks.nextPage("/organizations", query, page.nextCursor()));
		model.addAttribute("firstPage", filter.cursor() == null);
		model.addAttribute("query", query);
		model.addAttribute("exportUrl", ListLinks.withQuery("/organizations/export.csv", query));
		model.addAttribute("mayExport", access.mayExport());
		model.addAttribute("tags", tags.all());
		model.addAttribute("users", userList);
		model.addAttribute("ownerNames", userList.stream()
				.collect(Collectors.toMap(UserDirectory.UserSummary::id, UserDirectory.UserSummary::displayName)));
		model.addAttribute("choiceFields", choiceFields());
		model.addAttribute("kinds", Organization.KINDS);
		model.addAttribute("relationships", Organization.RELATIONSHIPS);
		model.addAttribute("stages", LifecycleStage.ALL);
		model.addAttribute("views", views.mine(OrganizationService.ENTITY));
		return "directory/organization/list";
	}

	@GetMapping(path = "/organizations/export.csv", produces = "text/csv")
	void exportCsv(@RequestParam MultiValueMap<String, String> params, HttpServletResponse response) throws IOException {
		access.requireExport();
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"organizations.csv\"");
		export.organizations(OrganizationFilter.of(params), response.getWriter());
	}

	/** htmx: organizations matching what was typed, as radio buttons named {@code field}. */
	@GetMapping("/organizations/pick")
	String pick(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "organizationId") String field,
			Model model) {
		var found = q.isBlank() ? List.<Organization>of()
				: organizations.list(new OrganizationFilter(q, List.of(), null, null, null, null, null, "name", null, 10)).items();
		model.addAttribute("found", found);
		model.addAttribute("field", PICKER_FIELDS.contains(field) ? field : PICKER_FIELDS.getFirst());
		model.addAttribute("q", q);
		return "directory/organization/pick :: choices";
	}

	private List<CustomFieldDefinition> choiceFields() {
		return customFields.of(OrganizationService.ENTITY).stream()
				.filter(d -> d.type().equals("choice") || d.type().equals("multi_choice")).toList();
	}
}
