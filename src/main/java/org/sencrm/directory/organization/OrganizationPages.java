package org.sencrm.directory.organization;

import org.sencrm.directory.contactrole.ContactRoles;
import org.sencrm.directory.customfield.CustomFields;
import org.sencrm.directory.history.HistoryLines;
import org.sencrm.identity.Access;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.trash.Trash;
import org.sencrm.trash.TrashBlockedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An organization's page: profile, contacts and their roles, parent and child organizations, history; and deleting it. */
@Controller
class OrganizationPages {

	private final OrganizationService organizations;
	private final Access access;
	private final UserDirectory users;
	private final ContactRoles roles;
	private final CustomFields customFields;
	private final HistoryLines history;
	private final Trash trash;

	OrganizationPages(OrganizationService organizations, Access access, UserDirectory users, ContactRoles roles,
			CustomFields customFields, HistoryLines history, Trash trash) {
		this.trash = trash;
		this.organizations = organizations;
		this.access = access;
		this.users = users;
		this.roles = roles;
		this.customFields = customFields;
		this.history = history;
	}

	@GetMapping("/organizations/{id}")
	String show(@PathVariable String id, Model model) {
		var organization = organizations.get(Ids.parse(id, "entity.organization"));
		model.addAttribute("organization", organization);
		var canEdit = access.currentUser().canEdit(organization.ownerId(), organization.ownerTeamId());
		model.addAttribute("canEdit", canEdit);
		if (canEdit) {
			// the delete button says what goes to the trash with the organization, or why it cannot
			model.addAttribute("deleteQuestion", trash.question(trash.preview(OrganizationService.ENTITY, organization.id())));
		}
		model.addAttribute("owner", users.user(organization.ownerId()).orElse(null));
		model.addAttribute("team", users.team(organization.ownerTeamId()).orElse(null));
		model.addAttribute("parent", parent(organization));
		model.addAttribute("children", organizations.children(organization.id()));
		model.addAttribute("contacts", roles.ofOrganization(organization.id()));
		model.addAttribute("definitions", customFields.of(OrganizationService.ENTITY));
		model.addAttribute("history", history.of(OrganizationService.ENTITY, organizations.history(organization.id())));
		return "directory/organization/detail";
	}

	@PostMapping("/organizations/{id}/delete")
	String delete(@PathVariable String id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		var organizationId = Ids.parse(id, "entity.organization");
		try {
			organizations.delete(organizationId, version);
		} catch (TrashBlockedException blocked) {
			// the same refusal the API gives, on the page of the record that could not go
			redirect.addFlashAttribute("refusal", blocked.text());
			return "redirect:/organizations/" + organizationId;
		}
		redirect.addFlashAttribute("notice", "organization.deleted");
		return "redirect:/organizations";
	}

	private Organization parent(Organization organization) {
		if (organization.parentId() == null) {
			return null;
		}
		try {
			return organizations.get(organization.parentId());
		} catch (NotFoundException e) {
			return null;
		}
	}
}
