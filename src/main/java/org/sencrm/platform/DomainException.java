package org.sencrm.platform;

/**
 * A rule of the business was not met. The code is stable ({@code directory.person.not-found})
 * and doubles as the message key in the bundles; arguments fill the message.
 */
public class DomainException extends RuntimeException {

	private final String code;
	private final transient Object[] arguments;

	public DomainException(String code, Object... arguments) {
		super(code);
		this.code = code;
		this.arguments = arguments;
	}

	public String code() {
		return code;
	}

	public Object[] arguments() {
		return arguments;
	}

	/** More members of the API's problem body beside {@code code} (what blocked a deletion); none by default. */
	public java.util.Map<String, Object> problemProperties() {
		return java.util.Map.of();
	}
}
