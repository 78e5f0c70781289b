package org.sencrm.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.sencrm.platform.ValidationException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;

/**
 * The messages a form shows next to its fields, keyed by the field names the services report
 * ({@code givenName}, {@code emails[0].address}, {@code customFields.budget}); the form's inputs
 * carry the same names, so each message lands beside the input it is about.
 */
public final class FieldMessages {

	private FieldMessages() {
	}

	public static Map<String, String> of(ValidationException problems, MessageSource messages) {
		var locale = LocaleContextHolder.getLocale();
		var result = new LinkedHashMap<String, String>();
		for (var problem : problems.problems()) {
			result.putIfAbsent(problem.field(), messages.getMessage(problem.code(), problem.arguments(), problem.code(), locale));
		}
		return result;
	}

	/** Values the browser sent that could not even be read (a mangled id or version). */
	public static Map<String, String> of(BindingResult binding, MessageSource messages) {
		var message = messages.getMessage("error.invalid-value", null, LocaleContextHolder.getLocale());
		var result = new LinkedHashMap<String, String>();
		binding.getFieldErrors().forEach(error -> result.putIfAbsent(error.getField(), message));
		return result;
	}
}
