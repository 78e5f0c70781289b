package org.sencrm.sales.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The lifecycle ladder of docs/sales.md, rule by rule. */
class LifecycleStagesTest {

	@Test
	void countsOrdersIntoStages() {
		assertThat(LifecycleStages.of(0, 0)).isNull();
		assertThat(LifecycleStages.of(1, 1)).isEqualTo("first_time");
		assertThat(LifecycleStages.of(2, 0)).isEqualTo("repeat");
		assertThat(LifecycleStages.of(3, 1)).isEqualTo("regular");
		assertThat(LifecycleStages.of(5, 3)).isEqualTo("regular");
		assertThat(LifecycleStages.of(4, 4)).as("four within a year").isEqualTo("loyal");
		assertThat(LifecycleStages.of(6, 0)).isEqualTo("loyal");
	}

	@Test
	void onlyMovesUpTheLadder() {
		assertThat(LifecycleStages.next(null, "first_time")).isEqualTo("first_time");
		assertThat(LifecycleStages.next("repeat", "regular")).isEqualTo("regular");
		assertThat(LifecycleStages.next("loyal", "repeat")).isEqualTo("loyal");
		assertThat(LifecycleStages.next("churned", "first_time")).isEqualTo("first_time");
		assertThat(LifecycleStages.next("at_risk", null)).isEqualTo("at_risk");
	}
}
