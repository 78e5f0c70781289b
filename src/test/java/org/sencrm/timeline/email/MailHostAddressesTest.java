package org.sencrm.timeline.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

class MailHostAddressesTest {

	@Test
	void loopbackPrivateLinkLocalSharedUniqueLocalUnspecifiedAndMulticastAreNotAllowed() throws Exception {
		for (var address : new String[] {"127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.0.1",
				"169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "0.1.2.3", "224.0.0.251", "::1", "::", "fe80::1",
				"fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"}) {
			assertThat(MailHosts.isPrivate(InetAddress.getByName(address))).as(address).isTrue();
		}
	}

	@Test
	void publicAddressesAreAllowed() throws Exception {
		for (var address : new String[] {"8.8.8.8", "100.63.255.255", "100.128.0.1", "172.32.0.1", "203.113.131.1",
				"2001:4860:4860::8888"}) {
			assertThat(MailHosts.isPrivate(InetAddress.getByName(address))).as(address).isFalse();
		}
	}
}
