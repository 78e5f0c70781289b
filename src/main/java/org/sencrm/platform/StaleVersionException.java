package org.sencrm.platform;

/** Someone else changed the record since the caller read it; nothing was written. */
public class StaleVersionException extends DomainException {

	public StaleVersionException() {
		super("error.stale-version");
	}
}
