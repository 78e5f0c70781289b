package org.sencrm.timeline.email;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.Properties;

import javax.net.SocketFactory;

import org.sencrm.platform.ValidationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the server may connect for mail. A mail server's host is chosen by a workspace
 * administrator, so it must not become a way into the server's own network: hosts that resolve
 * to loopback, link-local, private (RFC 1918, fc00::/7, 100.64/10), unspecified or multicast
 * addresses are refused, unless the instance administrator allows them
 * ({@code sen.mail.allow-private-hosts}, for a mail server on the same machine or network).
 *
 * <p>Checked twice: when the settings are saved (a field error on the host), and on every
 * connection, on the very address the socket connects to — a name that resolved to a public
 * address when saved and to a private one later is still refused. TLS, when on, is required:
 * STARTTLS must succeed (or the connection is TLS from the start on ports 465 and 993), and the
 * certificate must name the host (decision 20).
 */
@Component
class MailHosts {

	/** A connection to an address the instance does not allow for mail servers. */
	static final class PrivateAddressException extends ConnectException {
		PrivateAddressException(InetAddress address) {
			super("Mail server address not allowed: " + address.getHostAddress());
		}
	}

	private static final int TIMEOUT_CONNECT_MS = 10_000;

	private final boolean allowPrivate;
	private final SocketFactory sockets;

	MailHosts(@Value("${sen.mail.allow-private-hosts:false}") boolean allowPrivate) {
		this.allowPrivate = allowPrivate;
		this.sockets = new GuardedSockets(allowPrivate);
	}

	/** Adds a field error when the host resolves to an address that is not allowed; a name that does not resolve now is checked at connect time. */
	void check(String host, String field, ValidationException.Collector problems) {
		if (allowPrivate || host == null || host.isBlank()) {
			return;
		}
		try {
			for (var address : InetAddress.getAllByName(host.strip())) {
				if (isPrivate(address)) {
					problems.add(field, "mail.host-private");
					return;
				}
			}
		} catch (UnknownHostException unknownNow) {
			// DNS may not know it yet; every connection checks again
		}
	}

	/** JavaMail properties for sending through this workspace's SMTP server. */
	Properties smtp(MailSettings settings) {
		var implicitTls = settings.smtpTls() && settings.smtpPort() != null && settings.smtpPort() == 465;
		var properties = connection("mail.smtp", settings.smtpTls(), implicitTls);
		properties.put("mail.smtp.auth", String.valueOf(settings.smtpUsername() != null));
		properties.put("mail.smtp.timeout", "20000");
		properties.put("mail.smtp.writetimeout", "20000");
		return properties;
	}

	/** The JavaMail protocol for reading this workspace's mailbox: imaps (TLS from the start) on port 993 with TLS on, else imap. */
	static String imapProtocol(MailSettings settings) {
		return settings.imapTls() && settings.imapPort() != null && settings.imapPort() == 993 ? "imaps" : "imap";
	}

	/** JavaMail properties for reading this workspace's IMAP mailbox. */
	Properties imap(MailSettings settings) {
		var protocol = imapProtocol(settings);
		var properties = connection("mail." + protocol, settings.imapTls(), protocol.equals("imaps"));
		properties.put("mail." + protocol + ".timeout", "30000");
		return properties;
	}

	private Properties connection(String prefix, boolean tls, boolean implicitTls) {
		var properties = new Properties();
		properties.put(prefix + ".connectiontimeout", String.valueOf(TIMEOUT_CONNECT_MS));
		properties.put(prefix + ".socketFactory", sockets);
		// never retry without our socket factory: that would skip the address check
		properties.put(prefix + ".socketFactory.fallback", "false");
		if (tls) {
			if (implicitTls) {
				properties.put(prefix + ".ssl.enable", "true");
			} else {
				properties.put(prefix + ".starttls.enable", "true");
				properties.put(prefix + ".starttls.required", "true");
			}
			properties.put(prefix + ".ssl.checkserveridentity", "true");
			properties.put(prefix + ".ssl.protocols", "TLSv1.3 TLSv1.2");
		}
		return properties;
	}

	/** Loopback, link-local, private, shared (CGNAT), unique local, unspecified or multicast. */
	static boolean isPrivate(InetAddress address) {
		if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		var bytes = address.getAddress();
		if (bytes.length == 4) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			return first == 0 // "this network"
					|| (first == 100 && second >= 64 && second <= 127); // 100.64.0.0/10, carrier-grade NAT
		}
		return (bytes[0] & 0xfe) == 0xfc; // fc00::/7, unique local
	}

	/** Sockets that check the address they are about to connect to. */
	private static final class GuardedSockets extends SocketFactory {
		private final boolean allowPrivate;

		GuardedSockets(boolean allowPrivate) {
			this.allowPrivate = allowPrivate;
		}

		@Override
		public Socket createSocket() {
			return new Socket() {
				@Override
				public void connect(SocketAddress endpoint, int timeout) throws IOException {
					if (endpoint instanceof InetSocketAddress target && target.getAddress() != null && !allowPrivate
							&& isPrivate(target.getAddress())) {
						throw new PrivateAddressException(target.getAddress());
					}
					super.connect(endpoint, timeout);
				}
			};
		}

		@Override
		public Socket createSocket(String host, int port) throws IOException {
			return connected(new InetSocketAddress(host, port));
		}

		@Override
		public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
			return connected(new InetSocketAddress(host, port));
		}

		@Override
		public Socket createSocket(InetAddress host, int port) throws IOException {
			return connected(new InetSocketAddress(host, port));
		}

		@Override
		public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
			return connected(new InetSocketAddress(address, port));
		}

		private Socket connected(InetSocketAddress target) throws IOException {
			var socket = createSocket();
			socket.connect(target, TIMEOUT_CONNECT_MS);
			return socket;
		}
	}
}
