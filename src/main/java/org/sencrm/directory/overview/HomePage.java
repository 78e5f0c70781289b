package org.sencrm.directory.overview;

import java.util.List;
import java.util.Map;

import org.sencrm.directory.organization.OrganizationFilter;
import org.sencrm.directory.organization.OrganizationService;
import org.sencrm.directory.person.PersonFilter;
import org.sencrm.directory.record.RecordFilter;
import org.sencrm.directory.person.PersonService;
import org.sencrm.identity.Access;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: how many customers the user owns, and who was added last. */
@Controller
class HomePage {

	private static final int RECENT = 5;

	private final PersonService persons;
	private final OrganizationService organizations;
	private final Access access;

	HomePage(PersonService persons, OrganizationService organizations, Access access) {
		this.persons = persons;
		this.organizations = organizations;
		this.access = access;
	}

	@GetMapping("/")
	String home(Model model) {
		var me = access.currentUser().id();
		model.addAttribute("myPersons", persons.countOwnedBy(me));
		model.addAttribute("myOrganizations", organizations.countOwnedBy(me));
		model.addAttribute("recentPersons",
				persons.list(new PersonFilter(RecordFilter.newest(RECENT))).items());
		model.addAttribute("recentOrganizations", organizations.list(
				new OrganizationFilter(RecordFilter.newest(RECENT))).items());
		return "directory/home";
	}
}
