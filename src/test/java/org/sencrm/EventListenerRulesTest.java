package org.sencrm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.platform.WorkspaceEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Rules for event listeners (decision 25): an event that carries a workspace says so
 * ({@link WorkspaceEvent}), so {@code platform.events.ListenerBinding} binds it for every listener;
 * no listener binds a workspace itself; a listener that runs after commit is an
 * {@link ApplicationModuleListener} (its own thread and one transaction, retried as a whole).
 * Each rule is shown to fail on a sample that breaks it.
 */
class EventListenerRulesTest {

	static final JavaClasses application = new ClassFileImporter()
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.sencrm");
	static final JavaClasses violations = new ClassFileImporter().importPackages("example.events.violation");

	static final DescribedPredicate<JavaMethod> listeners = DescribedPredicate.describe("listen to events",
			method -> method.isMetaAnnotatedWith(EventListener.class) || method.isAnnotatedWith(EventListener.class));

	static final DescribedPredicate<JavaMethod> afterCommitListeners = DescribedPredicate.describe("listen after commit",
			method -> method.isMetaAnnotatedWith(TransactionalEventListener.class)
					|| method.isAnnotatedWith(TransactionalEventListener.class));

	static final ArchRule eventsOfAWorkspaceSaySo = methods().that(listeners)
			.should(new ArchCondition<>("take a WorkspaceEvent when the event carries a workspaceId") {
				@Override
				public void check(JavaMethod method, ConditionEvents events) {
					for (var parameter : method.getRawParameterTypes()) {
						if (carriesAWorkspace(parameter) && !parameter.isAssignableTo(WorkspaceEvent.class)) {
							events.add(SimpleConditionEvent.violated(method, parameter.getName() + " carries a workspaceId but is no "
									+ "WorkspaceEvent, so " + method.getFullName() + " would run without its workspace bound"));
						}
					}
				}
			});

	static final ArchRule listenersDoNotBindWorkspacesThemselves = noClasses()
			.that(DescribedPredicate.describe("have event listeners",
					(JavaClass type) -> type.getMethods().stream().anyMatch(listeners)))
			.should().callMethodWhere(DescribedPredicate.describe("bind a workspace (WorkspaceContext.set, callAs, callAsSystem, runAsSystem)",
					call -> call.getTargetOwner().isEquivalentTo(WorkspaceContext.class)
							&& java.util.Set.of("set", "callAs", "callAsSystem", "runAsSystem").contains(call.getName())));

	static final ArchRule afterCommitListenersAreModuleListeners = methods().that(afterCommitListeners)
			.should().beAnnotatedWith(ApplicationModuleListener.class)
			.because("a module listener runs on its own thread in one transaction, which the retry job can run again whole");

	@Test
	void eventsThatBelongToAWorkspaceAreWorkspaceEvents() {
		eventsOfAWorkspaceSaySo.check(application);
		assertThat(eventsOfAWorkspaceSaySo.evaluate(violations).getFailureReport().getDetails())
				.anyMatch(line -> line.contains("InvoiceSent carries a workspaceId"));
	}

	@Test
	void listenersLeaveTheBindingOfTheirWorkspaceToThePlatform() {
		listenersDoNotBindWorkspacesThemselves.check(application);
		assertThat(listenersDoNotBindWorkspacesThemselves.evaluate(violations).getFailureReport().getDetails())
				.anyMatch(line -> line.contains("InvoiceReminders") && line.contains("runAsSystem"));
	}

	@Test
	void listenersAfterCommitAreApplicationModuleListeners() {
		afterCommitListenersAreModuleListeners.check(application);
		assertThat(afterCommitListenersAreModuleListeners.evaluate(violations).hasViolation()).isTrue();
	}

	@Test
	void theRulesSeeTheApplicationsListeners() {
		// a rule over no methods passes for nothing: the application has listeners of both kinds
		assertThat(application.stream().flatMap(type -> type.getMethods().stream()).filter(listeners::test).count())
				.isGreaterThanOrEqualTo(6);
		assertThat(application.stream().flatMap(type -> type.getMethods().stream()).filter(afterCommitListeners::test).count())
				.isGreaterThanOrEqualTo(4);
	}

	private static boolean carriesAWorkspace(JavaClass type) {
		return type.isAssignableTo(Record.class) && type.getMethods().stream()
				.anyMatch(m -> m.getName().equals("workspaceId") && m.getRawParameterTypes().isEmpty());
	}
}
