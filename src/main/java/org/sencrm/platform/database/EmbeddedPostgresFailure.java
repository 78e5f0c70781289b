package org.sencrm.platform.database;

import java.nio.file.Path;

/**
 * A reason the embedded PostgreSQL cannot start that the person starting Sen CRM can fix: said in
 * one line, with what to do ({@link EmbeddedPostgresFailureAnalyzer} prints both instead of a
 * stack trace).
 */
public abstract sealed class EmbeddedPostgresFailure extends RuntimeException {

	private final String action;

	EmbeddedPostgresFailure(String description, String action, Throwable cause) {
		super(description, cause);
		this.action = action;
	}

	/** What to do about it. */
	public String action() {
		return action;
	}

	/** The server's operating-system user cannot enter or write the data folder. */
	public static final class DataFolderUnreachable extends EmbeddedPostgresFailure {
		private final Path closedFolder;

		DataFolderUnreachable(Path dataFolder, Path closedFolder, String osUser, boolean runsAsRoot) {
			super((runsAsRoot
					? "The embedded PostgreSQL runs as the user '" + osUser + "' (PostgreSQL refuses to run as root), and '" + osUser
							+ "' cannot reach its data folder " + dataFolder
					: "The embedded PostgreSQL (user '" + osUser + "') cannot reach its data folder " + dataFolder)
					+ (closedFolder.equals(dataFolder) ? ": it cannot write there." : ": the folder " + closedFolder + " is closed to it."),
					"Set sen.data-dir (environment SEN_DATA_DIR) to a folder '" + osUser + "' can reach, such as /var/lib/sen-crm"
							+ (closedFolder.equals(dataFolder) ? "." : ", or open the way with: chmod o+x " + closedFolder),
					null);
			this.closedFolder = closedFolder;
		}

		/** The first folder on the way that the server's user may not enter (or the data folder, when it may not write it). */
		public Path closedFolder() {
			return closedFolder;
		}
	}

	/** The chosen port is taken. */
	public static final class PortInUse extends EmbeddedPostgresFailure {
		PortInUse(int port) {
			super("The embedded PostgreSQL cannot listen on 127.0.0.1:" + port + ": another program uses that port.",
					"Set sen.embedded-db.port=0 to take any free port, or choose another free port, or stop the program on " + port
							+ ".",
					null);
		}
	}

	/** The PostgreSQL programs could not be unpacked or run. */
	public static final class BinariesUnavailable extends EmbeddedPostgresFailure {
		BinariesUnavailable(Path folder, Throwable cause) {
			super("The PostgreSQL programs could not be unpacked into " + folder + " (" + cause.getMessage() + ").",
					"Give the JVM a writable temporary folder that allows running programs (-Djava.io.tmpdir=/var/tmp/sen-crm), "
							+ "or use your own PostgreSQL with spring.datasource.url.",
					cause);
		}
	}

	/** The data folder's server refuses the password kept beside it. */
	public static final class PasswordRefused extends EmbeddedPostgresFailure {
		PasswordRefused(Path dataFolder, Path secretFile, Throwable cause) {
			super("The embedded PostgreSQL in " + dataFolder + " refuses the password in " + secretFile
					+ ": the file was replaced or lost.",
					"Put back the " + secretFile.getFileName() + " that belongs to this data folder (from the same backup), "
							+ "or start with an empty sen.data-dir.",
					cause);
		}
	}
}
