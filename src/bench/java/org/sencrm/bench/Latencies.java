package org.sencrm.bench;

import java.util.Arrays;

/** Response times in nanoseconds, with percentiles by the nearest-rank method. */
final class Latencies {

	private long[] samples = new long[256];
	private int count;

	synchronized void add(long nanos) {
		if (count == samples.length) {
			samples = Arrays.copyOf(samples, count * 2);
		}
		samples[count++] = nanos;
	}

	synchronized void addAll(Latencies other) {
		for (int i = 0; i < other.count; i++) {
			add(other.samples[i]);
		}
	}

	synchronized int count() {
		return count;
	}

	/** The p-th percentile in milliseconds (p from 0 to 100). */
	synchronized double millis(double p) {
		if (count == 0) {
			return Double.NaN;
		}
		var sorted = Arrays.copyOf(samples, count);
		Arrays.sort(sorted);
		var rank = (int) Math.ceil(p / 100.0 * count);
		return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
	}

	double max() {
		return millis(100);
	}
}
