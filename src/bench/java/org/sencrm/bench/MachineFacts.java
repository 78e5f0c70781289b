package org.sencrm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** What the figures were measured on. */
record MachineFacts(String cpu, int cores, String memory, String os, String jdk, String postgres, String postgresSettings) {

	static MachineFacts of(Connection postgres) throws SQLException {
		return new MachineFacts(readCpu(), Runtime.getRuntime().availableProcessors(), readMemory(),
				System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
				System.getProperty("java.vm.vendor") + " " + Runtime.version() + " (heap max "
						+ Runtime.getRuntime().maxMemory() / (1 << 20) + " MB)",
				text(postgres, "select split_part(version(), ' on ', 1)"),
				text(postgres, "select string_agg(name || '=' || setting || coalesce(unit, ''), ', ' order by name) from pg_settings"
						+ " where name in ('shared_buffers', 'work_mem', 'effective_cache_size', 'fsync', 'synchronous_commit',"
						+ " 'max_parallel_workers_per_gather', 'random_page_cost', 'jit')"));
	}

	/** The 1-minute load average: how busy the machine was (its cores are shared with other work). */
	static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		} catch (IOException e) {
			return "unknown";
		}
	}

	/**
	 * How busy the machine was, said in words: quiet when the load average stays under one and a half
	 * times the cores (the benchmark's own server and database keep it near the number of cores),
	 * else shared with other work (and the figures noisy).
	 */
	static String busy(String... loadAverages) {
		var cores = Runtime.getRuntime().availableProcessors();
		var quiet = java.util.Arrays.stream(loadAverages).allMatch(l -> {
			try {
				return Double.parseDouble(l) < cores * 1.5;
			} catch (NumberFormatException e) {
				return false;
			}
		});
		return quiet ? "a quiet machine (nothing else running)" : "shared with other work at the same time, so the figures are noisy";
	}

	static String readCpu() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
					.map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown");
		} catch (IOException e) {
			return "unknown";
		}
	}

	static String readMemory() {
		try {
			return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
					.map(l -> String.format("%.1f GiB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
					.findFirst().orElse("unknown");
		} catch (IOException e) {
			return "unknown";
		}
	}

	private static String text(Connection connection, String sql) throws SQLException {
		try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getString(1);
		}
	}
}
