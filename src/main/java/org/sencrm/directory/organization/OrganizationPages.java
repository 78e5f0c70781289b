package org.sencrm.directory.organization;

import java.util.UUID;

import org.sencrm.directory.contactrole.ContactRoles;
import org.sencrm.directory.record.CustomerKind;
import org.sencrm.directory.record.RecordPages;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An organization's page: the shared record page plus contacts and their roles, parent and child organizations; and deleting it. */
@Controller
class OrganizationPages {

	private final OrganizationService organizations;
	private final RecordPages pages;
	private final ContactRoles roles;

	OrganizationPages(OrganizationService organizations, RecordPages pages, ContactRoles roles) {
		this.organizations = organizations;
		this.pages = pages;
		this.roles = roles;
	}

	@GetMapping("/organizations/{id}")
	String show(@PathVariable String id, Model model) {
		var organization = organizations.get(Ids.parse(id, "entity.organization"));
		pages.detail(model, CustomerKind.ORGANIZATION, organization, organizations.history(organization.id()));
		model.addAttribute("parent", parent(organizations, organization.parentId()));
		model.addAttribute("children", organizations.children(organization.id()));
		model.addAttribute("contacts", roles.ofOrganization(organization.id()));
		return "directory/organization/detail";
	}

	@PostMapping("/organizations/{id}/delete")
	String delete(@PathVariable String id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		var organizationId = Ids.parse(id, "entity.organization");
		return pages.delete(CustomerKind.ORGANIZATION, organizationId, () -> organizations.delete(organizationId, version), redirect);
	}

	/** The parent, shown by name; one that no longer exists (or is in the trash) is shown as none. */
	static Organization parent(OrganizationService organizations, UUID parentId) {
		if (parentId == null) {
			return null;
		}
		try {
			return organizations.get(parentId);
		} catch (NotFoundException e) {
			return null;
		}
	}
}
