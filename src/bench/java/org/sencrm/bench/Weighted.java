package org.sencrm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A list of choices with relative weights, picked with a given random source. */
final class Weighted<T> {

	private final List<T> items = new ArrayList<>();
	private double[] cumulative = new double[0];
	private double total;

	Weighted<T> add(T item, double weight) {
		items.add(item);
		total += weight;
		cumulative = java.util.Arrays.copyOf(cumulative, items.size());
		cumulative[items.size() - 1] = total;
		return this;
	}

	/** Items listed most common first, weighted by a Zipf-like curve: rank r gets 1 / (r + offset). */
	static <T> Weighted<T> byRank(List<T> items, double offset) {
		var weighted = new Weighted<T>();
		for (int r = 0; r < items.size(); r++) {
			weighted.add(items.get(r), 1.0 / (r + offset));
		}
		return weighted;
	}

	T pick(SplittableRandom random) {
		var x = random.nextDouble() * total;
		int i = java.util.Arrays.binarySearch(cumulative, x);
		return items.get(i >= 0 ? i : -i - 1);
	}

	List<T> items() {
		return items;
	}
}
