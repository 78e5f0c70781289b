package org.sencrm.platform;

/** The credentials given are wrong, or the login is locked ({@code error.locked}). */
public class NotAuthenticatedException extends DomainException {

	public NotAuthenticatedException(String code) {
		super(code);
	}
}
