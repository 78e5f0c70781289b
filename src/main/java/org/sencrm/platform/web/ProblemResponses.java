package org.sencrm.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;

/**
 * The problem responses of an operation, as {@code application/problem+json} with the shared
 * {@code Problem} schema ({@link ApiProblems}'s shape): 400 with a body or a parameter Spring
 * converts, 401 and 403 unless the operation is public ({@code @SecurityRequirements()}), 404 with
 * an id in the path, 409 on writes, 412 with {@code If-Match}, 413 with a body, 422 with a body, on
 * writes and for query text the code parses. An {@code @ApiResponse} for a status keeps its
 * description and gets the Problem content.
 */
final class ProblemResponses {

	static final String PROBLEM = "Problem";
	private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private ProblemResponses() {
	}

	static void describe(Operation operation, RequestMethod method, HandlerMethod handler) {
		var parameters = operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters();
		var hasBody = operation.getRequestBody() != null;
		var queries = parameters.stream().filter(p -> "query".equals(p.getIn())).toList();
		var write = method != RequestMethod.GET && method != RequestMethod.HEAD;
		var secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
		var problems = new LinkedHashMap<Integer, String>();
		if (hasBody || boundBySpring(handler)) {
			problems.put(400, "The body is not JSON, or a parameter is missing or of the wrong type.");
		}
		if (secured) {
			problems.put(401, "No valid API token (Authorization: Bearer sen_…).");
			problems.put(403, "The token's scope (read for GET, write otherwise) or the user's role does not allow this.");
		}
		if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
			problems.put(404, "Not found: no such record in the caller's workspace (also for a malformed id).");
		}
		if (write) {
			problems.put(409, "The record's state does not allow this (see code and detail).");
		}
		if (parameters.stream().anyMatch(p -> "header".equals(p.getIn()) && "If-Match".equalsIgnoreCase(p.getName()))) {
			problems.put(412, "If-Match names an older version: someone changed the record since it was read. Nothing was written.");
		}
		if (hasBody) {
			problems.put(413, "The request body is too large.");
		}
		if (hasBody || write && method != RequestMethod.DELETE || !queries.isEmpty() && parsedByCode(handler)) {
			problems.put(422, "Invalid input: errors lists every invalid field with a message in the caller's language.");
		}
		var responses = operation.getResponses();
		problems.forEach((status, description) -> {
			if (!responses.containsKey(String.valueOf(status))) {
				responses.addApiResponse(String.valueOf(status), new ApiResponse().description(description));
			}
		});
		responses.forEach((status, response) -> {
			if (status.startsWith("3")) {
				response.setContent(null);
			}
			if (status.startsWith("4") || status.startsWith("5")) {
				var content = response.getContent();
				if (content == null || content.isEmpty() || content.containsKey("*/*")) {
					response.setContent(new Content().addMediaType(PROBLEM_JSON,
							new MediaType().schema(new JsonSchema().$ref("#/components/schemas/" + PROBLEM))));
				}
			}
		});
	}

	/** A parameter Spring converts or requires, answering 400 when it cannot: a number, a UUID, a flag, a required one. */
	private static boolean boundBySpring(HandlerMethod handler) {
		for (var parameter : handler.getMethodParameters()) {
			var query = parameter.getParameterAnnotation(RequestParam.class);
			var header = parameter.getParameterAnnotation(RequestHeader.class);
			var type = parameter.getParameterType();
			if (Map.class.isAssignableFrom(type)) {
				continue; // all the parameters, as text: nothing to convert, never missing
			}
			var text = type == String.class;
			if (query != null && (!text || query.required() && query.defaultValue().equals(ValueConstants.DEFAULT_NONE))
					|| header != null && (!text || header.required())) {
				return true;
			}
		}
		return false;
	}

	/** Query text that the code parses itself (dates, periods, filters), answering 422 when it cannot. */
	private static boolean parsedByCode(HandlerMethod handler) {
		for (var parameter : handler.getMethodParameters()) {
			var type = parameter.getParameterType();
			if (parameter.hasParameterAnnotation(RequestParam.class) && (type == String.class || Map.class.isAssignableFrom(type))) {
				return true;
			}
		}
		return false;
	}

	/** The {@code Problem} schema: RFC 9457 problem details as {@link ApiProblems} writes them. */
	static Map<String, Schema> schemas() {
		var field = ApiOperations.object();
		field.addProperty("field", ApiOperations.string("The field, as a JSON path (phones[0].number)"));
		field.addProperty("code", ApiOperations.string("Stable code of the problem (validation.phone)"));
		field.addProperty("message", ApiOperations.string("What to do, in the caller's language"));
		field.required(List.of("field", "code", "message"));
		var problem = ApiOperations.object();
		problem.description("RFC 9457 problem details with a stable code; for invalid input, errors names every invalid field.");
		problem.addProperty("type", ApiOperations.string("https://sencrm.org/problems/<code>").format("uri"));
		problem.addProperty("title", ApiOperations.string("The status in words"));
		problem.addProperty("status", new JsonSchema().type("integer").types(Set.of("integer")).format("int32"));
		problem.addProperty("detail", ApiOperations.string("What went wrong and what to do, in the caller's language"));
		problem.addProperty("instance", ApiOperations.string("The request path").format("uri"));
		problem.addProperty("code", ApiOperations.string("Stable code (error.validation, error.not-found, …)"));
		problem.addProperty("errors", new JsonSchema().type("array").types(Set.of("array"))
				.items(new JsonSchema().$ref("#/components/schemas/" + PROBLEM + "Field")));
		problem.required(List.of("type", "title", "status", "code"));
		var schemas = new LinkedHashMap<String, Schema>();
		schemas.put(PROBLEM, problem);
		schemas.put(PROBLEM + "Field", field);
		return schemas;
	}
}
