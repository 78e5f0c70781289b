package org.sencrm.platform;

/** The caller may see the record but its role or ownership does not allow this action. */
public class AccessDeniedException extends DomainException {

	public AccessDeniedException(String action) {
		super("error.access-denied", action);
	}

	private AccessDeniedException(String code, Object... arguments) {
		super(code, arguments);
	}

	/** A refusal with a code of its own, for a rule the generic "your role does not allow" does not explain. */
	public static AccessDeniedException because(String code, Object... arguments) {
		return new AccessDeniedException(code, arguments);
	}
}
