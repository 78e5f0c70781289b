package org.sencrm.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** Streams rows into {@code COPY table (columns) FROM STDIN} in PostgreSQL's text format. */
final class CopyRows implements AutoCloseable {

	private static final int FLUSH_AT = 1 << 20;

	private final CopyIn copy;
	private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
	private boolean firstInRow = true;
	private long rows;

	CopyRows(Connection connection, String table, String columns) throws SQLException {
		this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
				.copyIn("copy " + table + " (" + columns + ") from stdin");
	}

	CopyRows value(Object value) {
		if (!firstInRow) {
			buffer.append('\t');
		}
		firstInRow = false;
		if (value == null) {
			buffer.append("\\N");
			return this;
		}
		var text = value.toString();
		for (int i = 0; i < text.length(); i++) {
			var c = text.charAt(i);
			switch (c) {
				case '\\' -> buffer.append("\\\\");
				case '\t' -> buffer.append("\\t");
				case '\n' -> buffer.append("\\n");
				case '\r' -> buffer.append("\\r");
				default -> buffer.append(c);
			}
		}
		return this;
	}

	void endRow() throws SQLException {
		buffer.append('\n');
		firstInRow = true;
		rows++;
		if (buffer.length() >= FLUSH_AT) {
			flush();
		}
	}

	long rows() {
		return rows;
	}

	private void flush() throws SQLException {
		var bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
		copy.writeToCopy(bytes, 0, bytes.length);
		buffer.setLength(0);
	}

	@Override
	public void close() throws SQLException {
		flush();
		copy.endCopy();
	}

	static String array(java.util.List<String> items) {
		// A text[] literal; the items are plain words, quoted anyway.
		var result = new StringBuilder("{");
		for (int i = 0; i < items.size(); i++) {
			if (i > 0) {
				result.append(',');
			}
			result.append('"').append(items.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		return result.append('}').toString();
	}

}
