package org.sencrm.sales.document;

import java.util.Objects;
import java.util.UUID;

import org.sencrm.identity.Access;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.AccessDeniedException;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.springframework.stereotype.Component;

/**
 * Who owns a quote, order or contract, by the same rules as customer records: managers and
 * admins assign anyone; others own what they make and may share it with one of their teams. The
 * first steps of making and changing any of them: may the caller, is it the version they read,
 * who owns it afterwards.
 */
@Component
public class DocumentOwners {

	/** A document's owner and team. */
	public record Ownership(UUID ownerId, UUID teamId) {
	}

	/** What the change of a document needs to know about it as it is stored. */
	public interface Owned {
		UUID ownerId();

		UUID ownerTeamId();

		int version();
	}

	private final Access access;
	private final UserDirectory users;

	DocumentOwners(Access access, UserDirectory users) {
		this.access = access;
		this.users = users;
	}

	/**
	 * The owner and team of a new document: those asked for when the caller may give them (else the
	 * caller, or 403 for a team that is not theirs). Refuses callers who cannot write (403); unknown
	 * users or teams are problems on {@code ownerId}, {@code ownerTeamId}.
	 */
	public Ownership ofNew(UUID requestedOwner, UUID requestedTeam, ValidationException.Collector problems) {
		access.requireWrite();
		var owner = requestedOwner != null && access.canReassign() ? requestedOwner : access.currentUser().id();
		if (requestedTeam != null && !access.canReassign() && !access.currentUser().teamIds().contains(requestedTeam)) {
			throw new AccessDeniedException("reassign");
		}
		validate(owner, requestedTeam, problems);
		return new Ownership(owner, requestedTeam);
	}

	/**
	 * The owner and team of a document after a change, once the caller may change it (its owner,
	 * their team, or those who edit everything; else 403), the version is the one they read (else
	 * {@link StaleVersionException}) and they may give it to the owner and team asked for. A null
	 * owner keeps the current one; the team is the one asked for.
	 */
	public Ownership ofChanged(Owned current, int expectedVersion, UUID requestedOwner, UUID requestedTeam,
			ValidationException.Collector problems) {
		access.requireEdit(current.ownerId(), current.ownerTeamId());
		if (current.version() != expectedVersion) {
			throw new StaleVersionException();
		}
		var owner = requestedOwner == null ? current.ownerId() : requestedOwner;
		var unchanged = Objects.equals(current.ownerId(), owner) && Objects.equals(current.ownerTeamId(), requestedTeam);
		if (!unchanged && !access.canReassign() && (!Objects.equals(current.ownerId(), owner)
				|| requestedTeam != null && !access.currentUser().teamIds().contains(requestedTeam))) {
			throw new AccessDeniedException("reassign");
		}
		validate(owner, requestedTeam, problems);
		return new Ownership(owner, requestedTeam);
	}

	private void validate(UUID ownerId, UUID teamId, ValidationException.Collector problems) {
		if (users.user(ownerId).isEmpty()) {
			problems.add("ownerId", "validation.owner");
		}
		if (teamId != null && users.team(teamId).isEmpty()) {
			problems.add("ownerTeamId", "validation.team");
		}
	}
}
