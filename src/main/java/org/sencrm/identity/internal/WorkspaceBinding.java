package org.sencrm.identity.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sencrm.identity.CurrentUser;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the signed-in user's workspace to the request thread, after Spring Security has run.
 * A web session holds the user as they were at sign-in; each request takes them as they are now
 * (from {@link Principals}, at most a few seconds old), so a changed role or team applies and a
 * deactivated user is signed out. (API tokens find their user the same way.)
 */
@Component
class WorkspaceBinding extends OncePerRequestFilter {

	private final Users users;

	WorkspaceBinding(Users users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser signedIn) {
			var user = signedIn;
			if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				try {
					user = users.principal(signedIn.workspaceId(), signedIn.id());
				} catch (NotFoundException deactivated) {
					var session = request.getSession(false);
					if (session != null) {
						session.invalidate();
					}
					SecurityContextHolder.clearContext();
					response.sendRedirect(request.getContextPath() + "/login");
					return;
				}
				var context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(new UsernamePasswordAuthenticationToken(user, null,
						SignIn.authorities(user, List.of("read", "write"))));
				SecurityContextHolder.setContext(context);
			}
			WorkspaceContext.set(new WorkspaceContext.Scope(user.workspaceId(), user.id(), user.displayName()));
		}
		try {
			chain.doFilter(request, response);
		} finally {
			WorkspaceContext.clear();
		}
	}
}
