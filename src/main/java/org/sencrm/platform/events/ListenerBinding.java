package org.sencrm.platform.events;

import java.lang.reflect.Method;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.platform.WorkspaceEvent;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.StaticMethodMatcherPointcutAdvisor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * The one place where listeners get their workspace: every listener method whose event is a
 * {@link WorkspaceEvent} runs bound to the event's workspace, as the system. An after-commit
 * listener runs on its own thread with nothing bound, so the event's workspace is bound for it;
 * a listener called inside the publishing transaction is already in a workspace, which must be the
 * event's (it keeps the acting user). Listeners never call {@code WorkspaceContext} for this.
 * <p>
 * The advice sits inside Spring Modulith's completion registration and outside the listener's
 * transaction ({@code @ApplicationModuleListener} opens one), because the transaction hands the
 * workspace to PostgreSQL when it begins. {@code EventListenerRulesTest} checks that every
 * listener of a workspace event is advised, in that order.
 */
@Configuration(proxyBeanMethods = false)
public class ListenerBinding {

	/** After Modulith's {@code CompletionRegisteringAdvisor} (highest + 10), before transactions (lowest). */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor workspaceEventListenerAdvisor() {
		var advisor = new StaticMethodMatcherPointcutAdvisor(new BindWorkspace()) {
			@Override
			public boolean matches(Method method, Class<?> targetClass) {
				return listensToWorkspaceEvent(method);
			}
		};
		advisor.setOrder(ORDER);
		return advisor;
	}

	/** An event listener method (plain, transactional or module listener) that takes a {@link WorkspaceEvent}. */
	public static boolean listensToWorkspaceEvent(Method method) {
		return method.getParameterCount() == 1 && WorkspaceEvent.class.isAssignableFrom(method.getParameterTypes()[0])
				&& AnnotatedElementUtils.hasAnnotation(method, EventListener.class);
	}

	/** Whether the advisor is this binding's (for the check that every workspace listener has it). */
	public static boolean isBinding(Advisor advisor) {
		return advisor.getAdvice() instanceof BindWorkspace;
	}

	static final class BindWorkspace implements MethodInterceptor {

		@Override
		public Object invoke(MethodInvocation invocation) throws Throwable {
			var event = (WorkspaceEvent) invocation.getArguments()[0];
			var workspaceId = event.workspaceId();
			if (workspaceId == null) {
				throw new IllegalStateException("A " + event.getClass().getSimpleName() + " without a workspace");
			}
			var bound = WorkspaceContext.current();
			if (bound != null) {
				if (!workspaceId.equals(bound.workspaceId())) {
					throw new IllegalStateException("A " + event.getClass().getSimpleName() + " of workspace " + workspaceId
							+ " reached a listener running in workspace " + bound.workspaceId());
				}
				return invocation.proceed();
			}
			WorkspaceContext.set(new WorkspaceContext.Scope(workspaceId, null, "system"));
			try {
				return invocation.proceed();
			} finally {
				WorkspaceContext.clear();
			}
		}
	}
}
