package org.sencrm.platform;

/** The caller may see the record but its role or ownership does not allow this action. */
public class AccessDeniedException extends DomainException {

	public AccessDeniedException(String action) {
		super("error.access-denied", action);
	}
}
