package org.sencrm.directory.export;

import java.io.OutputStream;
import java.util.UUID;
import java.util.function.IntConsumer;

import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The file of a background export written into the database in chunks of {@value #CHUNK} bytes, each
 * in its own short transaction, so any node can serve it and no node holds more than one chunk.
 * After each chunk {@code written} is told the chunk's number (the job extends its lease there).
 */
final class ChunkOutputStream extends OutputStream {

	static final int CHUNK = 1 << 20;

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final UUID exportId;
	private final IntConsumer written;
	private final byte[] buffer = new byte[CHUNK];
	private int filled;
	private int seq;
	private long total;

	ChunkOutputStream(JdbcClient jdbc, TransactionTemplate transactions, UUID exportId, IntConsumer written) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.exportId = exportId;
		this.written = written;
	}

	@Override
	public void write(int b) {
		if (filled == CHUNK) {
			store();
		}
		buffer[filled++] = (byte) b;
	}

	@Override
	public void write(byte[] bytes, int offset, int length) {
		while (length > 0) {
			if (filled == CHUNK) {
				store();
			}
			var n = Math.min(length, CHUNK - filled);
			System.arraycopy(bytes, offset, buffer, filled, n);
			filled += n;
			offset += n;
			length -= n;
		}
	}

	@Override
	public void close() {
		if (filled > 0) {
			store();
		}
	}

	long bytes() {
		return total;
	}

	private void store() {
		var bytes = java.util.Arrays.copyOf(buffer, filled);
		var number = seq;
		transactions.executeWithoutResult(status -> jdbc.sql(
				"insert into export_chunks (workspace_id, export_id, seq, bytes) values (:ws, :id, :seq, :bytes)")
				.param("ws", WorkspaceContext.workspaceId()).param("id", exportId).param("seq", number).param("bytes", bytes)
				.update());
		total += filled;
		filled = 0;
		seq++;
		written.accept(number);
	}
}
