package org.sencrm.analytics.segment;

import java.util.List;

/**
 * A segment's rule, checked: a group of rules that must all hold, a group of which one must hold,
 * a rule that must not hold, or a condition on one field. {@link RuleParser} reads it from JSON;
 * {@link RuleSql} compiles it to one SQL condition.
 */
public sealed interface Rule {

	record All(List<Rule> rules) implements Rule {
	}

	record Any(List<Rule> rules) implements Rule {
	}

	record Not(Rule rule) implements Rule {
	}

	/**
	 * A condition, its value read for the field's type: one value for most ops, several for
	 * {@code in}, two (from, to) for {@code between}, a Boolean for {@code exists}, an Integer for
	 * {@code withinLastDays}.
	 */
	record Condition(SegmentField field, Op op, List<Object> values) implements Rule {

		public Object value() {
			return values.getFirst();
		}
	}
}
