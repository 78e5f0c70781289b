package org.sencrm.sales.document;

import java.util.Objects;
import java.util.UUID;

import org.sencrm.identity.Access;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.AccessDeniedException;
import org.sencrm.platform.ValidationException;
import org.springframework.stereotype.Component;

/**
 * Who owns a quote, order or contract, by the same rules as customer records: managers and
 * admins assign anyone; others own what they make and may share it with one of their teams.
 */
@Component
public class DocumentOwners {

	private final Access access;
	private final UserDirectory users;

	DocumentOwners(Access access, UserDirectory users) {
		this.access = access;
		this.users = users;
	}

	public UUID ownerOfNew(UUID requestedOwner) {
		var user = access.currentUser();
		return requestedOwner != null && access.canReassign() ? requestedOwner : user.id();
	}

	public UUID teamOfNew(UUID requestedTeam) {
		if (requestedTeam == null || access.canReassign() || access.currentUser().teamIds().contains(requestedTeam)) {
			return requestedTeam;
		}
		throw new AccessDeniedException("reassign");
	}

	public void checkChange(UUID currentOwner, UUID currentTeam, UUID newOwner, UUID newTeam) {
		if (Objects.equals(currentOwner, newOwner) && Objects.equals(currentTeam, newTeam) || access.canReassign()) {
			return;
		}
		if (!Objects.equals(currentOwner, newOwner) || newTeam != null && !access.currentUser().teamIds().contains(newTeam)) {
			throw new AccessDeniedException("reassign");
		}
	}

	public void validate(UUID ownerId, UUID teamId, ValidationException.Collector problems) {
		if (users.user(ownerId).isEmpty()) {
			problems.add("ownerId", "validation.owner");
		}
		if (teamId != null && users.team(teamId).isEmpty()) {
			problems.add("ownerTeamId", "validation.team");
		}
	}
}
