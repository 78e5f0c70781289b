package org.sencrm.identity;

import java.util.UUID;

import org.sencrm.platform.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The access rules by function and authority, enforced by services (not only by hidden buttons).
 * Every role reads the records of its workspace; who may change them is decided here.
 */
@Component
public class Access {

	public CurrentUser currentUser() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
			return user;
		}
		throw new AccessDeniedException("sign-in");
	}

	/** Throws unless the current user may edit a record with this owner and owning team. */
	public void requireEdit(UUID ownerId, UUID ownerTeamId) {
		if (!currentUser().canEdit(ownerId, ownerTeamId)) {
			throw new AccessDeniedException("edit");
		}
	}

	/** Throws unless the current user may create records at all. */
	public void requireWrite() {
		if (!currentUser().role().writes()) {
			throw new AccessDeniedException("create");
		}
	}

	/** Throws unless the current user administers the workspace. */
	public void requireAdmin() {
		if (!currentUser().isAdmin()) {
			throw new AccessDeniedException("administer");
		}
	}

	public void requireInstanceAdmin() {
		if (!currentUser().instanceAdmin()) {
			throw new AccessDeniedException("administer-instance");
		}
	}

	/** May the current user assign records to another owner? Only those who edit everything. */
	public boolean canReassign() {
		return currentUser().role().editsEverything();
	}
}
