package org.sencrm.platform;

/** The record does not exist, or exists in another workspace or out of the caller's sight: both look the same. */
public class NotFoundException extends DomainException {

	public NotFoundException(String what) {
		super("error.not-found", what);
	}
}
