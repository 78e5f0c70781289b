package org.sencrm.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Records the plans PostgreSQL actually ran for each search: turns on {@code auto_explain} (with
 * ANALYZE and BUFFERS) for the application's role, asks each query once through the API, and
 * copies the plans of the search statements from the server log to a file.
 */
final class Explain {

	private Explain() {
	}

	static void capture(HikariDataSource pool, String superuserUrl, Path serverLog, Http http,
			List<SearchQueries.Query> queries, Path out) throws SQLException, IOException {
		try (var connection = org.sencrm.platform.database.EmbeddedPostgres.superuserConnection(superuserUrl);
				var statement = connection.createStatement()) {
			statement.execute("alter role sen set session_preload_libraries = 'auto_explain'");
			statement.execute("alter role sen set auto_explain.log_min_duration = 0");
			statement.execute("alter role sen set auto_explain.log_analyze = on");
			statement.execute("alter role sen set auto_explain.log_buffers = on");
			statement.execute("alter role sen set auto_explain.log_parameter_max_length = -1");
			pool.getHikariPoolMXBean().softEvictConnections();
			try {
				var text = new StringBuilder("Plans of the search statements, as run (auto_explain, ANALYZE, BUFFERS)\n");
				for (var query : queries) {
					var before = Files.size(serverLog);
					http.get("/api/v1/search?q=" + URLEncoder.encode(query.text(), StandardCharsets.UTF_8));
					text.append("\n==== ").append(query.text()).append("  (").append(query.kind()).append(")\n");
					text.append(searchPlans(read(serverLog, before)));
				}
				Files.createDirectories(out.getParent());
				Files.writeString(out, text, StandardCharsets.UTF_8);
			} finally {
				statement.execute("alter role sen reset all");
				pool.getHikariPoolMXBean().softEvictConnections();
			}
		}
	}

	/** The log entries holding a plan of a search statement; other statements (sign-in, tokens) are left out. */
	private static String searchPlans(String log) {
		var result = new StringBuilder();
		for (var entry : log.split("\n(?=\\d{4}-\\d{2}-\\d{2} )")) {
			if (entry.contains("similarity(") && entry.contains("plan:")) {
				result.append(entry.strip()).append("\n\n");
			}
		}
		return result.toString();
	}

	private static String read(Path file, long from) throws IOException {
		try (var raf = new RandomAccessFile(file.toFile(), "r")) {
			var bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, raf.length() - from)];
			raf.seek(from);
			raf.readFully(bytes);
			return new String(bytes, StandardCharsets.UTF_8);
		}
	}
}
