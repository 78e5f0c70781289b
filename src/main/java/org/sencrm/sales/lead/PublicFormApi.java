package org.sencrm.sales.lead;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.sencrm.platform.DomainException;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.TooManyRequestsException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.ApiBody;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * {@code POST /api/v1/public/forms/{key}}, without sign-in: a web form's fields as JSON or
 * form-encoded. Scripts get {@code 201 {"received": true, "message": …}} — also when the honeypot
 * caught a robot, so robots learn nothing — or problem details naming each invalid field. A
 * browser posting the plain HTML form gets the form's thank-you page (or is sent to its
 * thank-you address), or a page listing what to correct.
 */
@RestController
class PublicFormApi {

	record Received(boolean received, String message) {
	}

	/**
	 * For the OpenAPI document only: the fields {@link WebFormIntake} reads (those the form asks
	 * for; others are ignored). {@code consent} is true, "yes" or "on".
	 */
	@Schema(name = "WebFormFields")
	record FormFields(String givenName, String familyName, String email, String phone, String companyName, String taxCode,
			String jobTitle, String province, String message, Object consent, String campaign) {
	}

	private final WebFormIntake intake;
	private final FormRateLimit rateLimit;
	private final MessageSource messages;
	private final ITemplateEngine templates;

	PublicFormApi(WebFormIntake intake, FormRateLimit rateLimit, MessageSource messages, ITemplateEngine templates) {
		this.intake = intake;
		this.rateLimit = rateLimit;
		this.messages = messages;
		this.templates = templates;
	}

	@PostMapping(path = "/api/v1/public/forms/{key}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ApiBody(FormFields.class)
	@SecurityRequirements
	@ApiResponse(responseCode = "429", description = "More posts from this address than the form allows; see Retry-After.")
	ResponseEntity<Received> json(@PathVariable String key, @RequestBody Map<String, Object> body, HttpServletRequest request,
			HttpServletResponse response) {
		var values = new HashMap<String, String>();
		body.forEach((name, value) -> {
			if (value instanceof String || value instanceof Number || value instanceof Boolean) {
				values.put(name, value.toString());
			}
		});
		return received(key, values, request, response);
	}

	@PostMapping(path = "/api/v1/public/forms/{key}",
			consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE})
	@ApiBody(FormFields.class)
	@SecurityRequirements
	@ApiResponse(responseCode = "200", description = "A browser: the thank-you page (with Accept: application/json, 201 as for JSON)",
			content = @Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "303", description = "A browser: sent to the form's thank-you address")
	@ApiResponse(responseCode = "429", description = "More posts from this address than the form allows; see Retry-After.")
	ResponseEntity<?> form(@PathVariable String key, @RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
			HttpServletResponse response) {
		var values = new HashMap<String, String>();
		params.forEach((name, list) -> values.put(name, list.isEmpty() ? null : String.join(", ", list)));
		if (wantsJson(request)) {
			return received(key, values, request, response);
		}
		try {
			var submission = intake.submit(key, values, request.getRemoteAddr());
			var form = submission.form();
			if (form.redirectUrl() != null) {
				return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(form.redirectUrl())).build();
			}
			return page(HttpStatus.OK, locale(form), thanks(form), List.of());
		} catch (ValidationException e) {
			var locale = locale(key);
			var problems = e.problems().stream().map(p -> messages.getMessage("lead.field." + p.field(), null, p.field(), locale)
					+ ": " + messages.getMessage(p.code(), p.arguments(), p.code(), locale)).toList();
			return page(HttpStatus.UNPROCESSABLE_CONTENT, locale, messages.getMessage("lead.form.correct", null, locale), problems);
		} catch (TooManyRequestsException e) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(rateLimit.window().toSeconds()));
			var locale = locale(key);
			return page(HttpStatus.TOO_MANY_REQUESTS, locale, messages.getMessage("lead.form.too-many", null, locale), List.of());
		} catch (DomainException e) {
			var locale = locale(key);
			return page(e instanceof NotFoundException ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT, locale,
					messages.getMessage("lead.form.unknown", null, locale), List.of());
		}
	}

	private ResponseEntity<Received> received(String key, Map<String, String> values, HttpServletRequest request,
			HttpServletResponse response) {
		try {
			var submission = intake.submit(key, values, request.getRemoteAddr());
			return ResponseEntity.status(HttpStatus.CREATED).body(new Received(true, thanks(submission.form())));
		} catch (TooManyRequestsException e) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(rateLimit.window().toSeconds()));
			throw e;
		}
	}

	private static boolean wantsJson(HttpServletRequest request) {
		var accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.contains("application/json") && !accept.contains("text/html");
	}

	private String thanks(WebForm form) {
		return form.thankYou() != null ? form.thankYou() : messages.getMessage("lead.form.thanks", null, locale(form));
	}

	private static Locale locale(WebForm form) {
		return Locale.forLanguageTag(form.language());
	}

	private Locale locale(String key) {
		try {
			return locale(intake.form(key));
		} catch (DomainException e) {
			return Locale.forLanguageTag("vi");
		}
	}

	private ResponseEntity<String> page(HttpStatus status, Locale locale, String message, List<String> problems) {
		var context = new Context(locale, Map.of("message", message, "problems", problems, "status", status.value()));
		var html = templates.process("sales/lead/form-result", context);
		return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
				.body(html);
	}
}
