package org.sencrm.platform;

/** The caller tried too often in a short time; it should wait and try again. */
public class TooManyRequestsException extends DomainException {

	public TooManyRequestsException() {
		super("error.rate-limited");
	}
}
