package org.sencrm.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Progress lines on the console while the benchmark runs. */
final class Bench {

	private Bench() {
	}

	static void progress(String format, Object... args) {
		System.out.println("[bench " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + String.format(format, args));
		System.out.flush();
	}
}
