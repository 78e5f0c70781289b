package org.sencrm.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sencrm.SenCrmApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A start the embedded PostgreSQL cannot make says why in one line and what to do, instead of a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedPostgresFailureTest {

	@Test
	void findsTheFirstFolderOnTheWayThatIsClosed() {
		var folder = Path.of("/srv/private/sen/data/postgres");
		var closed = Set.of(Path.of("/srv/private"), Path.of("/srv/private/sen"));

		assertThat(EmbeddedPostgres.firstClosedFolder(folder, path -> !closed.contains(path))).isEqualTo(Path.of("/srv/private"));
		assertThat(EmbeddedPostgres.firstClosedFolder(folder, path -> true)).as("none closed: the folder itself cannot be written")
				.isEqualTo(folder);
	}

	@Test
	void anUnreachableDataFolderIsOneLineAndWhatToDo() {
		var failure = new EmbeddedPostgresFailure.DataFolderUnreachable(Path.of("/tmp/tmp.x1/sen-data/postgres"), Path.of("/tmp/tmp.x1"),
				"nobody", true);

		var analysis = new EmbeddedPostgresFailureAnalyzer().analyze(new IllegalStateException("wrapped", failure));

		assertThat(analysis.getDescription()).isEqualTo("The embedded PostgreSQL runs as the user 'nobody' (PostgreSQL refuses to run "
				+ "as root), and 'nobody' cannot reach its data folder /tmp/tmp.x1/sen-data/postgres: the folder /tmp/tmp.x1 is closed to it.")
				.doesNotContain("\n");
		assertThat(analysis.getAction()).contains("sen.data-dir").contains("SEN_DATA_DIR").contains("chmod o+x /tmp/tmp.x1");
	}

	@Test
	void aDataFolderInAClosedFolderStopsTheStartWithThatLine(CapturedOutput output) throws Exception {
		Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "only root hands the folder to another user");
		var closed = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "closed-",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));

		assertThatThrownBy(() -> new SpringApplicationBuilder(SenCrmApplication.class).run("--sen.data-dir=" + closed.resolve("sen-data"),
				"--server.port=0", "--sen.demo-data=false"))
				.hasRootCauseInstanceOf(EmbeddedPostgresFailure.DataFolderUnreachable.class);

		assertThat(output).contains("APPLICATION FAILED TO START")
				.contains("'nobody' cannot reach its data folder " + closed.resolve("sen-data/postgres") + ": the folder " + closed
						+ " is closed to it.")
				.contains("chmod o+x " + closed);
	}

	@Test
	void aPortInUseIsSaidSo() throws Exception {
		try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			assertThatThrownBy(() -> EmbeddedPostgres.start(Path.of("target/port-in-use-pg"), taken.getLocalPort(), false, true))
					.isInstanceOf(EmbeddedPostgresFailure.PortInUse.class)
					.hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
					.satisfies(e -> assertThat(((EmbeddedPostgresFailure) e).action()).contains("sen.embedded-db.port=0"));
		}
	}

	@Test
	void aLostSecretIsSaidSo() throws Exception {
		var folder = Path.of("target/lost-secret-pg-" + System.nanoTime()).toAbsolutePath();
		EmbeddedPostgres.start(folder, 0, false, true).close();
		Files.delete(EmbeddedPostgres.secretFile(folder));

		assertThatThrownBy(() -> EmbeddedPostgres.start(folder, 0, false, false))
				.isInstanceOf(EmbeddedPostgresFailure.PasswordRefused.class)
				.hasMessageContaining("refuses the password in " + EmbeddedPostgres.secretFile(folder));
	}
}
