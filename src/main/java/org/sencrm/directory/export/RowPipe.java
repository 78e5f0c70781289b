package org.sencrm.directory.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.sencrm.platform.WorkspaceContext;

/**
 * Reads the rows of a background export on one thread while the file is written on another, so
 * the database's pages and the file's writing overlap (two cores: one reads and parses, one writes
 * and compresses). Rows travel in batches through a small bounded queue: at most {@value #BATCHES}
 * batches of {@value #BATCH} rows wait, never the whole list.
 */
final class RowPipe {

	static final int BATCH = 500;
	static final int BATCHES = 8;
	private static final List<Map<String, Object>> END = List.of();

	private RowPipe() {
	}

	/**
	 * Runs {@code reader} (which hands rows to the sink it is given) on a thread of its own bound to
	 * the same workspace, and hands the rows to {@code writer} here, in order. A failure of either
	 * side stops both and is thrown here.
	 */
	static void run(Consumer<Predicate<Map<String, Object>>> reader, Predicate<Map<String, Object>> writer) {
		var scope = WorkspaceContext.current();
		BlockingQueue<List<Map<String, Object>>> queue = new ArrayBlockingQueue<>(BATCHES);
		var stop = new AtomicBoolean();
		var failure = new AtomicReference<Throwable>();
		var thread = Thread.ofVirtual().name("export-reader").start(() -> WorkspaceContext.callAs(scope, () -> {
			var batch = new ArrayList<Map<String, Object>>(BATCH);
			try {
				reader.accept(row -> {
					if (stop.get()) {
						return false;
					}
					batch.add(row);
					if (batch.size() == BATCH) {
						put(queue, new ArrayList<>(batch), stop);
						batch.clear();
					}
					return true;
				});
				if (!batch.isEmpty()) {
					put(queue, batch, stop);
				}
			} catch (Throwable e) {
				failure.set(e);
			} finally {
				put(queue, END, stop);
			}
			return null;
		}));
		try {
			while (true) {
				var batch = queue.take();
				if (batch == END) {
					break;
				}
				for (var row : batch) {
					if (!writer.test(row)) {
						return;
					}
				}
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		} finally {
			stop.set(true);
			queue.clear();
			try {
				thread.join();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		if (failure.get() instanceof RuntimeException e) {
			throw e;
		}
		if (failure.get() != null) {
			throw new IllegalStateException(failure.get());
		}
	}

	/** Waits for room, unless the writer has stopped (then the batch is dropped). */
	private static void put(BlockingQueue<List<Map<String, Object>>> queue, List<Map<String, Object>> batch, AtomicBoolean stop) {
		try {
			while (!stop.get()) {
				if (queue.offer(batch, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
					return;
				}
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
