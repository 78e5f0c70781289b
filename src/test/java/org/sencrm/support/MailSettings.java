package org.sencrm.support;

import java.util.HashMap;
import java.util.Map;

/** The body of {@code PUT /api/v1/mail-settings} for a test's in-process mail server. */
public final class MailSettings {

	private MailSettings() {
	}

	/** Sending through the SMTP server on this loopback port, without TLS, from this address; a map the test may add to. */
	public static Map<String, Object> smtp(int port, String fromAddress) {
		var settings = new HashMap<String, Object>();
		settings.put("smtpHost", "127.0.0.1");
		settings.put("smtpPort", port);
		settings.put("smtpTls", false);
		settings.put("fromAddress", fromAddress);
		return settings;
	}
}
