package org.sencrm.exchange.file;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A file's input that counts the bytes read from it, for an import's share read (decision 36). */
final class CountedInput extends FilterInputStream {

	private final long size;
	private long read;

	CountedInput(InputStream in, long size) {
		super(in);
		this.size = size;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			read++;
		}
		return b;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		int n = super.read(b, off, len);
		if (n > 0) {
			read += n;
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = super.skip(n);
		read += skipped;
		return skipped;
	}

	/** Bytes read over the file's size (the reader's buffer ahead counts as read). */
	double share() {
		return size <= 0 ? 1 : Math.min(1.0, (double) read / size);
	}
}
