package org.sencrm.identity;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.sencrm.identity.internal.Users;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs work on behalf of a user outside a web request (first start, background jobs), with the
 * same access rules and history attribution as if the user had done it.
 */
@Component
public class ActingUser {

	private final Users users;

	ActingUser(Users users) {
		this.users = users;
	}

	public <T> T call(UUID workspaceId, UUID userId, Supplier<T> work) {
		var user = WorkspaceContext.callAsSystem(workspaceId, () -> users.find(userId));
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new UsernamePasswordAuthenticationToken(user, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()))));
		SecurityContextHolder.setContext(context);
		try {
			return WorkspaceContext.callAs(new WorkspaceContext.Scope(workspaceId, user.id(), user.displayName()), work);
		} finally {
			SecurityContextHolder.setContext(previous);
		}
	}
}
