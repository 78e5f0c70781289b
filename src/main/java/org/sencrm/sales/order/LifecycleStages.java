package org.sencrm.sales.order;

import java.util.List;

/**
 * Which lifecycle stage a customer's orders put them in (docs/sales.md). Orders count once they
 * are confirmed (also when later delivered or paid; never drafts or cancelled ones):
 * <ul>
 * <li>1 order: first_time</li>
 * <li>2 orders: repeat</li>
 * <li>3 to 5 orders: regular</li>
 * <li>6 or more orders, or 4 or more within the last 12 months: loyal</li>
 * </ul>
 * Orders only move a customer up this ladder: a stage set higher by hand stays. A customer marked
 * at_risk or churned who orders again is placed on the ladder anew.
 */
final class LifecycleStages {

	static final List<String> LADDER = List.of("first_time", "repeat", "regular", "loyal");

	private LifecycleStages() {
	}

	/** The stage for so many counted orders in all and within the last 12 months; null for none. */
	static String of(long orders, long ordersLast12Months) {
		if (orders >= 6 || ordersLast12Months >= 4) {
			return "loyal";
		}
		if (orders >= 3) {
			return "regular";
		}
		if (orders == 2) {
			return "repeat";
		}
		return orders == 1 ? "first_time" : null;
	}

	/** The stage to store, given the current one: the higher rung of the two; off-ladder stages are replaced. */
	static String next(String current, String computed) {
		if (computed == null) {
			return current;
		}
		if (current == null || !LADDER.contains(current)) {
			return computed;
		}
		return LADDER.indexOf(computed) > LADDER.indexOf(current) ? computed : current;
	}
}
