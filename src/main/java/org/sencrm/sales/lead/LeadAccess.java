package org.sencrm.sales.lead;

import org.sencrm.identity.Access;
import org.sencrm.identity.CurrentUser;
import org.sencrm.identity.Role;
import org.sencrm.platform.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with leads (docs/access-matrix.md): everyone reads them; writers create them;
 * a lead is changed by its owner, its team, managers and admins — and an unassigned lead by any
 * writer, who may take it. Scoring and assignment rules are for managers and admins; web forms
 * for them and marketing.
 */
@Component
class LeadAccess {

	private final Access access;

	LeadAccess(Access access) {
		this.access = access;
	}

	CurrentUser user() {
		return access.currentUser();
	}

	boolean canEdit(Lead lead) {
		var user = access.currentUser();
		return user.canEdit(lead.ownerId(), lead.ownerTeamId()) || lead.ownerId() == null && user.role().writes();
	}

	void requireEdit(Lead lead) {
		if (!canEdit(lead)) {
			throw new AccessDeniedException("edit");
		}
	}

	void requireWrite() {
		access.requireWrite();
	}

	boolean canChangeRules() {
		return access.currentUser().role().editsEverything();
	}

	void requireRules() {
		if (!canChangeRules()) {
			throw new AccessDeniedException("rules");
		}
	}

	boolean canManageForms() {
		var role = access.currentUser().role();
		return role.editsEverything() || role == Role.MARKETING;
	}

	void requireForms() {
		if (!canManageForms()) {
			throw new AccessDeniedException("web-forms");
		}
	}

	boolean canReassign() {
		return access.canReassign();
	}
}
