package org.sencrm.sales.opportunity;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.sencrm.identity.Access;
import org.sencrm.identity.CurrentUser;
import org.sencrm.identity.Role;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.AccessDeniedException;
import org.sencrm.platform.ValidationException;
import org.springframework.stereotype.Component;

/**
 * Who sees and changes which opportunities (docs/access-matrix.md). Administrators, managers and
 * viewers see every opportunity of the workspace; sales, marketing and support users see those
 * they own or their teams own — a deal's amount and stage are the owner's business. Changing one
 * follows the customers' rules: the owner, the owning team, managers and administrators; only those
 * who may reassign records give one to another owner, the others may share it with one of their
 * teams.
 *
 * <p>The sight rule is public for the rest of the sales module: the forecast and the KPIs count
 * the same deals (and the same owners' leads, orders and contracts) as the board shows.
 */
@Component
public class OpportunityAccess {

	/** Whose opportunities a query may return: everyone's, or those of one user and their teams. */
	public record Sight(boolean all, UUID userId, Set<UUID> teamIds) {

		public boolean sees(UUID ownerId, UUID ownerTeamId) {
			return all || userId.equals(ownerId) || ownerTeamId != null && teamIds.contains(ownerTeamId);
		}

		/**
		 * The rule as SQL on the table aliased {@code alias} ("" for none) with {@code owner_id} and
		 * {@code owner_team_id} columns, with its {@link #params()}; null when the user sees all.
		 * Plain equalities only, so the owner and team indexes serve it under row-level security.
		 */
		public String condition(String alias) {
			if (all) {
				return null;
			}
			var a = alias.isEmpty() ? "" : alias + ".";
			return teamIds.isEmpty() ? a + "owner_id = :sightUser"
					: "(" + a + "owner_id = :sightUser or " + a + "owner_team_id in (:sightTeams))";
		}

		public Map<String, Object> params() {
			if (all) {
				return Map.of();
			}
			return teamIds.isEmpty() ? Map.of("sightUser", userId) : Map.of("sightUser", userId, "sightTeams", List.copyOf(teamIds));
		}
	}

	private final Access access;
	private final UserDirectory users;

	OpportunityAccess(Access access, UserDirectory users) {
		this.access = access;
		this.users = users;
	}

	/** The current user's sight: administrators, managers and viewers see all. */
	public Sight sight() {
		var user = access.currentUser();
		var all = user.role().editsEverything() || user.role() == Role.VIEWER;
		return new Sight(all, user.id(), Set.copyOf(user.teamIds()));
	}

	CurrentUser user() {
		return access.currentUser();
	}

	boolean canEdit(Opportunity opportunity) {
		return access.currentUser().canEdit(opportunity.ownerId(), opportunity.ownerTeamId());
	}

	void requireEdit(Opportunity opportunity) {
		access.requireEdit(opportunity.ownerId(), opportunity.ownerTeamId());
	}

	void requireWrite() {
		access.requireWrite();
	}

	boolean canReassign() {
		return access.canReassign();
	}

	/** The owner of a new opportunity: the one asked for if the user may assign it, else the user. */
	UUID ownerOfNew(UUID requested) {
		return requested != null && access.canReassign() ? requested : access.currentUser().id();
	}

	/** Sales users share a new opportunity only with a team of theirs. */
	UUID teamOfNew(UUID requested) {
		if (requested == null || access.canReassign() || access.currentUser().teamIds().contains(requested)) {
			return requested;
		}
		throw new AccessDeniedException("reassign");
	}

	void checkChange(UUID currentOwner, UUID currentTeam, UUID newOwner, UUID newTeam) {
		if (Objects.equals(currentOwner, newOwner) && Objects.equals(currentTeam, newTeam) || access.canReassign()) {
			return;
		}
		if (!Objects.equals(currentOwner, newOwner) || newTeam != null && !access.currentUser().teamIds().contains(newTeam)) {
			throw new AccessDeniedException("reassign");
		}
	}

	void validate(UUID ownerId, UUID teamId, ValidationException.Collector problems) {
		if (users.user(ownerId).isEmpty()) {
			problems.add("ownerId", "validation.owner");
		}
		if (teamId != null && users.team(teamId).isEmpty()) {
			problems.add("ownerTeamId", "validation.team");
		}
	}
}
