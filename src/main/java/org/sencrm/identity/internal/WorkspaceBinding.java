package org.sencrm.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sencrm.identity.CurrentUser;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Binds the signed-in user's workspace to the request thread, after Spring Security has run. */
@Component
class WorkspaceBinding extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
			WorkspaceContext.set(new WorkspaceContext.Scope(user.workspaceId(), user.id(), user.displayName()));
		}
		try {
			chain.doFilter(request, response);
		} finally {
			WorkspaceContext.clear();
		}
	}
}
