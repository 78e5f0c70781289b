package org.sencrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Module boundaries: a module uses only another module's top-level (public API) types, the
 * dependencies follow the declared allowedDependencies, and there are no cycles.
 */
class ArchitectureTest {

	static final ApplicationModules modules = ApplicationModules.of(SenCrmApplication.class);

	@Test
	void modulesRespectEachOthersInternals() {
		modules.verify();
	}

	@Test
	void theRuleCatchesAModuleReachingIntoInternals() {
		// Proof that the check can fail: a class outside identity that uses identity.internal.
		var withViolation = ApplicationModules.of(example.architecture.violation.ViolationApplication.class, location -> true);

		assertThatThrownBy(withViolation::verify).hasMessageContaining("internal");
	}

	@Test
	void knowsTheModulesOfTheArchitecture() {
		assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
				.contains("platform", "identity", "directory");
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
