package org.sencrm.platform.web;

import org.sencrm.platform.AccessDeniedException;
import org.sencrm.platform.DomainException;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.ValidationException;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Domain exceptions as pages: not found (also a malformed id) is 404, a refused action 403,
 * anything else the business refused a page that says why. This advice also matches
 * {@code @RestController}s (they are {@code @Controller}s too), so it runs after
 * {@link ApiProblems}, which answers the API with problem details first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class WebErrors {

	private final MessageSource messages;

	WebErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound() {
		return page("error/404", HttpStatus.NOT_FOUND, null);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ModelAndView forbidden() {
		return page("error/403", HttpStatus.FORBIDDEN, null);
	}

	/** A list or link with a damaged parameter (a cursor, an owner id): say which, offer the way back. */
	@ExceptionHandler(ValidationException.class)
	ModelAndView invalid(ValidationException e) {
		return page("error", HttpStatus.BAD_REQUEST, String.join(" ", FieldMessages.of(e, messages).values()));
	}

	/** Form fields no page of ours sends ({@code emails[x].address}, a row number past any form's): a tampered request. */
	@ExceptionHandler(InvalidPropertyException.class)
	ModelAndView unreadableForm() {
		return page("error", HttpStatus.BAD_REQUEST, null);
	}

	@ExceptionHandler(DomainException.class)
	ModelAndView refused(DomainException e) {
		return page("error", HttpStatus.CONFLICT, messages.getMessage(e.code(), e.arguments(), e.code(),
				LocaleContextHolder.getLocale()));
	}

	private static ModelAndView page(String view, HttpStatus status, String problem) {
		var page = new ModelAndView(view, status);
		page.addObject("status", status.value());
		if (problem != null) {
			page.addObject("problem", problem);
		}
		return page;
	}
}
