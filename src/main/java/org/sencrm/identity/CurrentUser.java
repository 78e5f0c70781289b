package org.sencrm.identity;

import java.io.Serial;
import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.AuthenticatedPrincipal;

/** The signed-in user (or the user behind an API token), as stored in the session. */
public record CurrentUser(UUID id, UUID workspaceId, String email, String displayName, Role role,
		boolean instanceAdmin, Set<UUID> teamIds, String language) implements Serializable, AuthenticatedPrincipal {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * The name Spring Security and Spring Session know the user by: the id, short and stable.
	 * Without it the name would be this record's toString, too long for the session table's
	 * indexed principal_name column (varchar 100), and every web sign-in failed.
	 */
	@Override
	public String getName() {
		return id.toString();
	}

	/** May this user change a record with this owner and owning team? */
	public boolean canEdit(UUID ownerId, UUID ownerTeamId) {
		if (!role.writes()) {
			return false;
		}
		return role.editsEverything() || id.equals(ownerId) || (ownerTeamId != null && teamIds.contains(ownerTeamId));
	}

	public boolean isAdmin() {
		return role == Role.ADMIN;
	}
}
