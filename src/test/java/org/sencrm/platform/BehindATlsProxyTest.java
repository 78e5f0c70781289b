package org.sencrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sencrm.support.Api;
import org.sencrm.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Configured as the README says for a TLS proxy in front (server.forward-headers-strategy=native):
 * a request the proxy received over HTTPS gets HSTS, and rate limits count the client's address
 * that the proxy forwards, not the proxy's (this test's client on 127.0.0.1 is a trusted proxy).
 */
@IntegrationTest
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class BehindATlsProxyTest {

	@LocalServerPort
	int port;

	@Test
	void aRequestReceivedOverHttpsGetsStrictTransportSecurityAndAPlainOneDoesNot() {
		var overHttps = new Api(port, null).header("X-Forwarded-Proto", "https").get("/login");
		var plain = new Api(port, null).get("/login");

		assertThat(overHttps.header("Strict-Transport-Security")).contains("max-age=");
		assertThat(plain.header("Strict-Transport-Security")).isNull();
	}

	@Test
	void theTokenEndpointRateLimitCountsTheForwardedClientAddress() {
		var fromOne = new Api(port, null).header("X-Forwarded-For", "203.0.113.7");
		var attempt = Map.of("email", "limit@proxy.test", "password", "wrong");
		for (int i = 0; i < 10; i++) {
			assertThat(fromOne.post("/api/v1/auth/tokens", attempt).status()).isEqualTo(401);
		}

		var eleventh = fromOne.post("/api/v1/auth/tokens", attempt);
		var fromAnother = new Api(port, null).header("X-Forwarded-For", "203.0.113.8").post("/api/v1/auth/tokens", attempt);

		assertThat(eleventh.status()).isEqualTo(429);
		assertThat(fromAnother.status()).as("another client behind the same proxy is not held back").isEqualTo(401);
	}
}
