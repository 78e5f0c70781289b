package org.sencrm.trash;

import java.util.Set;

import org.sencrm.identity.CurrentUser;

/**
 * May this user delete this record, alone or as part of a unit? The edit rules of
 * {@code identity.Access} by default: sales users their own and their team's records, managers and
 * administrators everything, viewers nothing.
 */
@FunctionalInterface
public interface DeleteRule {

	boolean allows(CurrentUser user, TrashMember member);

	/** Owners, their team, managers and administrators (customers, opportunities, leads, contact roles). */
	DeleteRule OWNER_OR_TEAM = (user, member) -> user.canEdit(member.ownerId(), member.teamId());

	/** Only those who edit everything: managers and administrators (products). */
	DeleteRule EDITS_EVERYTHING = (user, member) -> user.role().writes() && user.role().editsEverything();

	/**
	 * Activities: their author, managers and administrators; an entry the system wrote (no author,
	 * a stage change, an order note) is nobody's work and goes with the record it is about.
	 */
	DeleteRule AUTHOR = (user, member) -> user.role().writes()
			&& (user.role().editsEverything() || member.ownerId() == null || user.id().equals(member.ownerId()));

	/** Tasks: their assignee or creator, managers and administrators. */
	DeleteRule ASSIGNEE_OR_CREATOR = (user, member) -> user.role().writes() && (user.role().editsEverything()
			|| user.id().equals(member.ownerId()) || user.id().equals(member.creatorId()));

	/**
	 * Documents: their owners (and team) while the document binds nobody ({@code statuses}: a draft, a
	 * cancelled order), managers and administrators in any status.
	 */
	static DeleteRule ownerWhile(Set<String> statuses) {
		return (user, member) -> user.canEdit(member.ownerId(), member.teamId())
				&& (user.role().editsEverything() || statuses.contains(member.status()));
	}
}
