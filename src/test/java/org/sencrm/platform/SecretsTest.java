package org.sencrm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Stored secrets: AES-256-GCM under a key from the settings or a key file, never the plain text. */
@ExtendWith(OutputCaptureExtension.class)
class SecretsTest {

	@TempDir
	Path dataDir;

	@Test
	void encryptsWithAFreshNonceAndReadsBack() {
		var secrets = new Secrets(randomKey(), "", dataDir.toString());

		var once = secrets.encrypt("mật khẩu bí mật");
		var twice = secrets.encrypt("mật khẩu bí mật");

		assertThat(once).startsWith("v1:").doesNotContain("mật khẩu").isNotEqualTo(twice);
		assertThat(Base64.getDecoder().decode(once.substring(3))).hasSize(12 + "mật khẩu bí mật".getBytes().length + 16);
		assertThat(secrets.decrypt(once)).isEqualTo("mật khẩu bí mật");
		assertThat(secrets.decrypt(twice)).isEqualTo("mật khẩu bí mật");
	}

	@Test
	void aValueWithoutTheVersionIsLegacyPlainTextAndIsReencrypted() {
		var secrets = new Secrets(randomKey(), "", dataDir.toString());

		assertThat(secrets.decrypt("saved-before-encryption")).isEqualTo("saved-before-encryption");
		var upgraded = secrets.reencrypted("saved-before-encryption").orElseThrow();
		assertThat(upgraded).startsWith("v1:");
		assertThat(secrets.decrypt(upgraded)).isEqualTo("saved-before-encryption");
		assertThat(secrets.reencrypted(upgraded)).isEmpty();
	}

	@Test
	void aValueUnderAnotherKeyOrDamagedIsRefusedNamingTheSetting() {
		var secrets = new Secrets(randomKey(), "", dataDir.toString());
		var foreign = new Secrets(randomKey(), "", dataDir.toString()).encrypt("secret");
		var sealed = secrets.encrypt("secret");
		// a different first character of the nonce, whatever it was
		var damaged = "v1:" + (sealed.charAt(3) == 'A' ? 'B' : 'A') + sealed.substring(4);

		assertThatThrownBy(() -> secrets.decrypt(foreign)).isInstanceOf(Secrets.UnreadableSecretException.class)
				.hasMessageContaining("sen.secret-key");
		assertThatThrownBy(() -> secrets.decrypt(damaged)).isInstanceOf(Secrets.UnreadableSecretException.class);
		assertThatThrownBy(() -> secrets.reencrypted(foreign)).isInstanceOf(Secrets.UnreadableSecretException.class);
	}

	@Test
	void thePreviousKeyStillReadsAndItsValuesMoveToTheNewKey() {
		var oldKey = randomKey();
		var stored = new Secrets(oldKey, "", dataDir.toString()).encrypt("secret");
		var rotated = new Secrets(randomKey(), oldKey, dataDir.toString());

		assertThat(rotated.decrypt(stored)).isEqualTo("secret");
		var moved = rotated.reencrypted(stored).orElseThrow();
		assertThat(rotated.reencrypted(moved)).isEmpty();
		assertThatThrownBy(() -> new Secrets(oldKey, "", dataDir.toString()).decrypt(moved))
				.isInstanceOf(Secrets.UnreadableSecretException.class);
	}

	@Test
	void withoutTheSettingTheKeyFileIsMadeOnceForItsOwnerOnly() throws Exception {
		var first = new Secrets("", "", dataDir.toString());
		var file = dataDir.resolve("secret.key");

		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
		assertThat(first.keySource()).contains(file.toString());
		var stored = first.encrypt("secret");
		assertThat(new Secrets("", "", dataDir.toString()).decrypt(stored)).isEqualTo("secret");
	}

	@Test
	void aMalformedKeyIsRefusedNamingTheSetting() {
		assertThatThrownBy(() -> new Secrets("not base64!", "", dataDir.toString()))
				.isInstanceOf(Secrets.InvalidKeyException.class).hasMessageContaining("sen.secret-key");
		assertThatThrownBy(() -> new Secrets(Base64.getEncoder().encodeToString(new byte[16]), "", dataDir.toString()))
				.isInstanceOf(Secrets.InvalidKeyException.class).hasMessageContaining("sen.secret-key").hasMessageContaining("32 bytes");
	}

	@Test
	void theApplicationStopsWithAnExplanationNotAStackTrace(CapturedOutput output) {
		var start = new SpringApplicationBuilder(Secrets.class).web(WebApplicationType.NONE)
				.properties("sen.secret-key=too-short", "spring.main.banner-mode=off", "sen.data-dir=" + dataDir);

		assertThatThrownBy(start::run).hasRootCauseInstanceOf(Secrets.InvalidKeyException.class);
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START").contains("sen.secret-key")
				.contains("openssl rand -base64 32").doesNotContain("\tat org.sencrm");
	}

	private static String randomKey() {
		var key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}
}
