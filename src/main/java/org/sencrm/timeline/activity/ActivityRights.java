package org.sencrm.timeline.activity;

import java.util.UUID;

import org.sencrm.identity.CurrentUser;

/**
 * Who may change or delete a logged activity: its author, or a manager or administrator; viewers
 * never. An activity is someone's account of a touchpoint, so owning the customer is not enough.
 */
public record ActivityRights(UUID userId, boolean writes, boolean editsEverything) {

	static ActivityRights of(CurrentUser user) {
		return new ActivityRights(user.id(), user.role().writes(), user.role().editsEverything());
	}

	/** May delete it (and change it, unless it is an email sent or received). */
	public boolean mayChange(Activity activity) {
		return writes && (editsEverything || userId.equals(activity.authorId()));
	}

	/** Is there anything this user may edit on it: an email sent or received keeps what was sent. */
	public boolean mayEdit(Activity activity) {
		return mayChange(activity) && !activity.sentOrReceivedEmail();
	}
}
