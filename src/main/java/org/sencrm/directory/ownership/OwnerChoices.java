package org.sencrm.directory.ownership;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.sencrm.identity.Access;
import org.sencrm.identity.UserDirectory;
import org.springframework.stereotype.Component;

/**
 * The owners and teams a form offers: active users (and the current owner, even if inactive)
 * for those who may reassign records; for everyone else their own teams, since
 * {@link Ownership} would refuse any other.
 */
@Component
public class OwnerChoices {

	private final Access access;
	private final UserDirectory users;

	OwnerChoices(Access access, UserDirectory users) {
		this.access = access;
		this.users = users;
	}

	public List<UserDirectory.UserSummary> owners(UUID currentOwner) {
		return users.users().stream().filter(u -> u.active() || u.id().equals(currentOwner)).toList();
	}

	public List<UserDirectory.TeamSummary> teams(UUID currentTeam) {
		if (access.canReassign()) {
			return users.teams();
		}
		var mine = access.currentUser().teamIds();
		return users.teams().stream().filter(t -> mine.contains(t.id()) || Objects.equals(t.id(), currentTeam)).toList();
	}

	public boolean canReassign() {
		return access.canReassign();
	}
}
