package org.sencrm.directory.ownership;

import java.util.Objects;
import java.util.UUID;

import org.sencrm.identity.Access;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.AccessDeniedException;
import org.sencrm.platform.ValidationException;
import org.springframework.stereotype.Component;

/**
 * Who owns a customer record. Managers and admins give records to anyone; sales, marketing and
 * support create records for themselves (optionally shared with their own team) and may only
 * hand a record they own to one of their teams.
 */
@Component
public class Ownership {

	private final Access access;
	private final UserDirectory users;

	Ownership(Access access, UserDirectory users) {
		this.access = access;
		this.users = users;
	}

	/** The owner of a new record: the requested one if the user may assign it, else the user. */
	public UUID ownerOfNew(UUID requestedOwner) {
		var user = access.currentUser();
		if (requestedOwner == null || access.canReassign()) {
			return requestedOwner == null ? user.id() : requestedOwner;
		}
		return user.id();
	}

	/** Throws unless the current user may move the record from the current owner and team to the new ones. */
	public void checkChange(UUID currentOwner, UUID currentTeam, UUID newOwner, UUID newTeam) {
		if (Objects.equals(currentOwner, newOwner) && Objects.equals(currentTeam, newTeam) || access.canReassign()) {
			return;
		}
		var user = access.currentUser();
		if (!Objects.equals(currentOwner, newOwner) || newTeam != null && !user.teamIds().contains(newTeam)) {
			throw new AccessDeniedException("reassign");
		}
	}

	/** Sales may only share a new record with a team they belong to. */
	public UUID teamOfNew(UUID requestedTeam) {
		if (requestedTeam == null || access.canReassign() || access.currentUser().teamIds().contains(requestedTeam)) {
			return requestedTeam;
		}
		throw new AccessDeniedException("reassign");
	}

	public void validate(UUID ownerId, UUID teamId, ValidationException.Collector problems) {
		// the user making the change exists: only another owner is looked up
		if (!access.isCurrentUser(ownerId) && users.user(ownerId).isEmpty()) {
			problems.add("ownerId", "validation.owner");
		}
		if (teamId != null && users.team(teamId).isEmpty()) {
			problems.add("ownerTeamId", "validation.team");
		}
	}
}
