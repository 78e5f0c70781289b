package org.sencrm.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sencrm.identity.CurrentUser;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives every page the signed-in user ({@code currentUser}) and the workspace settings
 * ({@code workspace}: name, time zone...) as request attributes, which templates read as
 * variables. Request attributes rather than model attributes, so error pages rendered after an
 * exception have them too; the API is left out.
 */
@Configuration(proxyBeanMethods = false)
class PageAttributes implements WebMvcConfigurer {

	private final UserDirectory directory;

	PageAttributes(UserDirectory directory) {
		this.directory = directory;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				var authentication = SecurityContextHolder.getContext().getAuthentication();
				if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
					request.setAttribute("currentUser", user);
					if (WorkspaceContext.current() != null) {
						request.setAttribute("workspace", directory.workspace());
					}
				}
				return true;
			}
		}).excludePathPatterns("/api/**", "/css/**", "/js/**", "/img/**", "/webjars/**");
	}
}
