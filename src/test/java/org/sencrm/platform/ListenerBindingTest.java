package org.sencrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.sencrm.platform.events.ListenerBinding;
import org.sencrm.support.IntegrationTest;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.util.ReflectionUtils;

/**
 * Every listener of a {@link WorkspaceEvent} in the running application gets its workspace from
 * {@link ListenerBinding}: its bean is advised by the binding, and for a listener after commit the
 * binding comes before the listener's transaction, which hands the workspace to PostgreSQL when it
 * begins. A listener added without the binding (or with it in the wrong place) fails here.
 */
@IntegrationTest
class ListenerBindingTest {

	@Autowired
	ConfigurableApplicationContext context;

	@Test
	void everyListenerOfAWorkspaceEventRunsInsideTheBindingAndOutsideItsTransaction() {
		var checked = new ArrayList<String>();
		var factory = context.getBeanFactory();
		for (var name : factory.getBeanDefinitionNames()) {
			var type = factory.getType(name);
			if (type == null || !type.getPackageName().startsWith("org.sencrm") || !factory.isSingleton(name)) {
				continue;
			}
			var bean = context.getBean(name);
			for (Method method : ReflectionUtils.getUniqueDeclaredMethods(AopUtils.getTargetClass(bean))) {
				if (!ListenerBinding.listensToWorkspaceEvent(method)) {
					continue;
				}
				checked.add(method.getDeclaringClass().getSimpleName() + "." + method.getName());
				assertThat(bean).as(method + " is advised").isInstanceOf(Advised.class);
				var advisors = Arrays.asList(((Advised) bean).getAdvisors());
				var binding = indexOf(advisors, ListenerBinding::isBinding);
				assertThat(binding).as(method + " runs inside the workspace binding").isNotNegative();
				if (AnnotatedElementUtils.hasAnnotation(method, TransactionalEventListener.class)) {
					var transaction = indexOf(advisors, a -> a.getAdvice() instanceof TransactionInterceptor);
					assertThat(transaction).as(method + " has its own transaction").isNotNegative();
					assertThat(binding).as(method + " is bound before its transaction begins").isLessThan(transaction);
				}
			}
		}
		assertThat(checked).contains("TouchpointRecorder.on", "CustomerLifecycle.on", "DemoCustomers.fill", "DefaultPipelines.on",
				"DemoSales.fill", "EventProbe.on");
	}

	private static int indexOf(java.util.List<Advisor> advisors, java.util.function.Predicate<Advisor> which) {
		for (int i = 0; i < advisors.size(); i++) {
			if (which.test(advisors.get(i))) {
				return i;
			}
		}
		return -1;
	}
}
