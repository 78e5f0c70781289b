package org.sencrm.identity.internal;

import java.util.UUID;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The web sessions of a user, found in PostgreSQL (Spring Session JDBC) by the principal's name,
 * which is the user's id ({@code CurrentUser.getName()}): signing out a user's other browsers after
 * a password change, or all of them after a reset or a temporary password.
 */
@Component
class SignedInSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	SignedInSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	/** Ends every session of the user but {@code keep} (a session id, or null to end them all); returns how many ended. */
	int signOut(UUID userId, String keep) {
		var ended = 0;
		for (var id : sessions.findByPrincipalName(userId.toString()).keySet()) {
			if (!id.equals(keep)) {
				sessions.deleteById(id);
				ended++;
			}
		}
		return ended;
	}

	/** How many sessions the user has open, this one included. */
	int count(UUID userId) {
		return sessions.findByPrincipalName(userId.toString()).size();
	}
}
