package org.sencrm.timeline.email;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.SendFailedException;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.mail.MailAuthenticationException;

/**
 * What went wrong talking to a mail server, in our words: a message code, never the server's
 * reply (which may carry anything the server chooses to say, or what it was sent).
 */
enum MailFailure {
	HOST_NOT_ALLOWED("mail.error.host-not-allowed"),
	UNKNOWN_HOST("mail.error.unknown-host"),
	TIMED_OUT("mail.error.timed-out"),
	CANNOT_CONNECT("mail.error.cannot-connect"),
	TLS_FAILED("mail.error.tls"),
	AUTHENTICATION_REFUSED("mail.error.authentication"),
	RECIPIENT_REFUSED("mail.error.recipient"),
	OTHER("mail.error.other");

	final String code;

	MailFailure(String code) {
		this.code = code;
	}

	/** The reason as an argument for a message: resolved in the reader's language. */
	DefaultMessageSourceResolvable reason() {
		return new DefaultMessageSourceResolvable(code);
	}

	static MailFailure of(Throwable failure) {
		for (var cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof MailHosts.PrivateAddressException) {
				return HOST_NOT_ALLOWED;
			}
			if (cause instanceof AuthenticationFailedException || cause instanceof MailAuthenticationException) {
				return AUTHENTICATION_REFUSED;
			}
			if (cause instanceof SSLException) {
				return TLS_FAILED;
			}
			if (cause instanceof UnknownHostException) {
				return UNKNOWN_HOST;
			}
			if (cause instanceof SocketTimeoutException) {
				return TIMED_OUT;
			}
			if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
				return CANNOT_CONNECT;
			}
			if (cause instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
					&& sendFailed.getInvalidAddresses().length > 0) {
				return RECIPIENT_REFUSED;
			}
			var text = cause.getMessage() == null ? "" : cause.getMessage();
			// JavaMail says so in words only: "STARTTLS is required but host does not support STARTTLS",
			// "Can't verify identity of server"
			if (text.contains("STARTTLS") || text.contains("identity of server")) {
				return TLS_FAILED;
			}
			if (cause instanceof jakarta.mail.MessagingException messaging && messaging.getNextException() != null
					&& messaging.getNextException() != cause.getCause()) {
				var next = of(messaging.getNextException());
				if (next != OTHER) {
					return next;
				}
			}
		}
		return OTHER;
	}
}
