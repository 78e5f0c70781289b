package org.sencrm.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A bad secret key stops the start with a few lines that say what to fix, not a stack trace. */
class SecretKeyFailureAnalyzer extends AbstractFailureAnalyzer<Secrets.InvalidKeyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, Secrets.InvalidKeyException cause) {
		return new FailureAnalysis("The secret key that encrypts stored passwords is not usable: " + cause.getMessage(),
				"Set " + Secrets.KEY_PROPERTY + " to the base64 of 32 random bytes (openssl rand -base64 32), or remove it to "
						+ "use the key file in sen.data-dir. Use the same key as before, or stored mail passwords must be entered "
						+ "again.", cause);
	}
}
