package org.sencrm.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sencrm.platform.AccessDeniedException;
import org.sencrm.platform.DomainException;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The one mapping from domain exceptions to RFC 9457 problem details for the API. Each problem
 * carries a stable {@code code}; validation problems list every invalid field with a message in
 * the caller's language. Ordered first, so the web pages' advice (which also matches REST
 * controllers) never answers the API with a page.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

	private static final String TYPE_BASE = "https://sencrm.org/problems/";
	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ValidationException.class)
	ProblemDetail invalid(ValidationException e) {
		var problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, e);
		var errors = new ArrayList<Map<String, String>>();
		for (var field : e.problems()) {
			errors.add(Map.of("field", field.field(), "code", field.code(), "message", message(field.code(), field.arguments())));
		}
		problem.setProperty("errors", errors);
		return problem;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException e) {
		return problem(HttpStatus.NOT_FOUND, e);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException e) {
		return problem(HttpStatus.FORBIDDEN, e);
	}

	@ExceptionHandler(StaleVersionException.class)
	ProblemDetail stale(StaleVersionException e) {
		return problem(HttpStatus.PRECONDITION_FAILED, e);
	}

	@ExceptionHandler(org.sencrm.platform.TooManyRequestsException.class)
	ProblemDetail tooMany(DomainException e) {
		return problem(HttpStatus.TOO_MANY_REQUESTS, e);
	}

	@ExceptionHandler(org.sencrm.platform.NotAuthenticatedException.class)
	ProblemDetail unauthenticated(DomainException e) {
		return problem(HttpStatus.UNAUTHORIZED, e);
	}

	@ExceptionHandler(DomainException.class)
	ProblemDetail conflict(DomainException e) {
		return problem(HttpStatus.CONFLICT, e);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException e) {
		var tooLarge = RequestSizeLimits.tooLarge(e);
		if (tooLarge.isPresent()) {
			// the body went past its limit while being read (sent without a length): RequestSizeLimits
			return problem(HttpStatus.CONTENT_TOO_LARGE, new DomainException("error.body-too-large", tooLarge.get().limitKilobytes()));
		}
		return problem(HttpStatus.BAD_REQUEST, new DomainException("error.unreadable-body"));
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ProblemDetail missingHeader(MissingRequestHeaderException e) {
		return problem(HttpStatus.BAD_REQUEST, new DomainException("error.missing-header", e.getHeaderName()));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
		var problem = problem(HttpStatus.BAD_REQUEST, new DomainException("error.validation"));
		problem.setProperty("errors", List.of(Map.of("field", e.getName(), "code", "error.invalid-value",
				"message", message("error.invalid-value"))));
		return problem;
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalidArgument(MethodArgumentNotValidException e) {
		var problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, new DomainException("error.validation"));
		problem.setProperty("errors", e.getBindingResult().getFieldErrors().stream()
				.map(f -> Map.of("field", f.getField(), "code", "error.invalid-value",
						"message", f.getDefaultMessage() == null ? message("error.invalid-value") : f.getDefaultMessage()))
				.toList());
		return problem;
	}

	private ProblemDetail problem(HttpStatus status, DomainException e) {
		var problem = ProblemDetail.forStatusAndDetail(status, message(e.code(), e.arguments()));
		problem.setType(URI.create(TYPE_BASE + e.code()));
		problem.setTitle(message("title." + status.value(), new Object[0], status.getReasonPhrase()));
		problem.setProperty("code", e.code());
		e.problemProperties().forEach(problem::setProperty);
		return problem;
	}

	private String message(String code, Object... arguments) {
		return message(code, arguments, code);
	}

	private String message(String code, Object[] arguments, String fallback) {
		Locale locale = LocaleContextHolder.getLocale();
		var resolved = arguments == null ? new Object[0] : java.util.Arrays.stream(arguments)
				.map(a -> a instanceof String s && s.startsWith("entity.") ? messages.getMessage(s, null, s, locale) : a)
				.toArray();
		return messages.getMessage(code, resolved, fallback, locale);
	}
}
