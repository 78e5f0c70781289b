package org.sencrm.platform.web;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;
import org.springdoc.core.utils.SpringDocAnnotationsUtils;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * Makes each operation of the OpenAPI document say what the code does, so that most controllers
 * need no documentation annotation (decision 21):
 * <ul>
 * <li>the request body: the record named by {@link ApiBody}, with its required fields; on a PATCH
 * the same fields, all optional, as {@code <Name>Patch};</li>
 * <li>the success: the statuses the method really answers ({@link SuccessResponses}), with
 * Location and ETag headers where it sets them, JSON where the controller left the type open;</li>
 * <li>the problems ({@link ProblemResponses}).</li>
 * </ul>
 * An {@code @ApiResponse} on the method wins over what is derived for its status; declaring any
 * 2xx or 3xx one replaces the derived success responses.
 */
class ApiOperations implements GlobalOperationComponentsCustomizer {

	private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
	private static final List<String> SUFFIXES = List.of("Request", "Draft", "Change", "Json");

	/** The required fields each body schema was given, by the first operation that used it for a POST or PUT. */
	private final Map<String, List<String>> requiredBySchema = new java.util.concurrent.ConcurrentHashMap<>();

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		throw new UnsupportedOperationException("springdoc calls the variant with the components");
	}

	@Override
	public Operation customize(Operation operation, Components components, HandlerMethod handler) {
		var method = httpMethod(handler);
		name(operation, handler);
		describeBody(operation, components, handler, method);
		var declared = declaredStatuses(handler);
		if (declared.stream().noneMatch(code -> code < 400)) {
			describeSuccess(operation, components, handler);
		}
		ProblemResponses.describe(operation, method, handler);
		return operation;
	}

	/**
	 * Names that stay put for generated clients: the tag is the controller ({@code PersonApi} →
	 * {@code Person}), the operation id the controller and its method ({@code personCreate}), where
	 * springdoc would number clashing method names ({@code create_3}) in an order that changes as
	 * endpoints are added.
	 */
	private static void name(Operation operation, HandlerMethod handler) {
		var controller = handler.getBeanType().getSimpleName().replaceFirst("Api$", "");
		var base = Character.toLowerCase(controller.charAt(0)) + controller.substring(1);
		var method = handler.getMethod().getName();
		operation.setOperationId(method.toLowerCase().startsWith(base.toLowerCase()) ? method
				: base + Character.toUpperCase(method.charAt(0)) + method.substring(1));
		operation.setTags(List.of(controller));
	}

	// --- request body

	private void describeBody(Operation operation, Components components, HandlerMethod handler, RequestMethod method) {
		var body = operation.getRequestBody();
		var annotation = handler.getMethodAnnotation(ApiBody.class);
		if (body == null || body.getContent() == null) {
			if (annotation != null) {
				throw new IllegalStateException(handler + " has @ApiBody but takes no @RequestBody");
			}
			return;
		}
		body.setContent(ordered(body.getContent()));
		Schema<?> schema = null;
		if (annotation != null) {
			var type = annotation.value() != void.class ? annotation.value() : bodyType(handler);
			schema = SpringDocAnnotationsUtils.extractSchema(components, type, null, new Annotation[0], SpecVersion.V31);
		}
		var required = annotation == null ? List.<String>of() : List.of(annotation.required());
		for (var content : body.getContent().values()) {
			if (schema != null) {
				content.setSchema(schema);
			}
			if (method != RequestMethod.PATCH && content.getSchema() != null && content.getSchema().get$ref() != null) {
				require(components, content.getSchema(), required, handler);
			}
			if (method == RequestMethod.PATCH && content.getSchema() != null && content.getSchema().get$ref() != null) {
				content.setSchema(patchOf(components, content.getSchema()));
			}
		}
	}

	/**
	 * JSON first, then multipart, then the rest: a generated client makes one method per operation
	 * from the first type it supports (openapi-generator's Java client cannot build a multipart
	 * body that comes after text/csv).
	 */
	private static Content ordered(Content content) {
		var order = List.of("application/merge-patch+json", JSON, "multipart/form-data", "application/x-www-form-urlencoded");
		var sorted = new Content();
		content.entrySet().stream()
				.sorted(java.util.Comparator.comparingInt(e -> order.contains(e.getKey()) ? order.indexOf(e.getKey()) : order.size()))
				.forEach(e -> sorted.addMediaType(e.getKey(), e.getValue()));
		return sorted;
	}

	private static Class<?> bodyType(HandlerMethod handler) {
		for (var parameter : handler.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(RequestBody.class)) {
				return parameter.getParameterType();
			}
		}
		throw new IllegalStateException(handler + " has @ApiBody without a type and no @RequestBody parameter");
	}

	/**
	 * Marks the fields a create or replace must send. One record is one schema, so two operations
	 * that read the same record must require the same fields (else one of them would be described wrongly).
	 */
	private void require(Components components, Schema<?> ref, List<String> required, HandlerMethod handler) {
		var schema = components.getSchemas().get(name(ref));
		if (schema == null) {
			return;
		}
		var fields = schema.getProperties() == null ? Set.<String>of() : schema.getProperties().keySet();
		for (var field : required) {
			if (!fields.contains(field)) {
				throw new IllegalStateException(handler + ": @ApiBody requires '" + field + "', which " + name(ref) + " does not have");
			}
		}
		var before = requiredBySchema.putIfAbsent(name(ref), required);
		if (before != null && !before.equals(required)) {
			throw new IllegalStateException(handler + " requires " + required + " of " + name(ref) + ", another operation "
					+ before + "; give one of them its own record (or @ApiBody(required = …) to both)");
		}
		schema.setRequired(required.isEmpty() ? null : new ArrayList<>(required));
	}

	/** {@code XDraft} → {@code XPatch}: the same properties, none required. */
	private static Schema<?> patchOf(Components components, Schema<?> ref) {
		var name = name(ref);
		var base = name;
		for (var suffix : SUFFIXES) {
			if (base.endsWith(suffix) && base.length() > suffix.length()) {
				base = base.substring(0, base.length() - suffix.length());
				break;
			}
		}
		var patchName = base + "Patch";
		var source = components.getSchemas().get(name);
		var existing = components.getSchemas().get(patchName);
		if (existing == null) {
			var patch = object();
			patch.setProperties(source.getProperties() == null ? null : new LinkedHashMap<>(source.getProperties()));
			patch.setDescription("A JSON merge patch (RFC 7386) of " + name + ": fields left out keep their value, null clears one.");
			components.addSchemas(patchName, patch);
		} else if (!Objects.equals(existing.getProperties(), source.getProperties())) {
			throw new IllegalStateException("Two patch schemas would be named " + patchName);
		}
		return new JsonSchema().$ref("#/components/schemas/" + patchName);
	}

	private static String name(Schema<?> ref) {
		return ref.get$ref().substring(ref.get$ref().lastIndexOf('/') + 1);
	}

	// --- success

	private void describeSuccess(Operation operation, Components components, HandlerMethod handler) {
		var found = SuccessResponses.of(handler.getMethod());
		if (found.unknown()) {
			throw new IllegalStateException(handler + " sets a status the OpenAPI document cannot read from its code; "
					+ "declare its success responses with @ApiResponse");
		}
		var responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
		// springdoc's own guess ("200 OK" with the return type); a 200 described otherwise was declared by
		// another method on the same path and method (springdoc starts the second from the first's responses)
		var guessed = responses.get("200");
		if (guessed != null && "OK".equals(guessed.getDescription()) && !found.statuses().contains(200)) {
			responses.remove("200");
		}
		var content = content(components, handler);
		for (var status : found.statuses()) {
			var response = new ApiResponse().description(HttpStatus.valueOf(status).getReasonPhrase());
			if (status != 204 && status < 300 && content != null) {
				response.setContent(content);
			}
			if (found.location() && status == 201) {
				response.addHeaderObject("Location", header("Where the new resource is"));
			}
			if (found.etag() && status != 204) {
				response.addHeaderObject("ETag", header("The version, for If-Match"));
			}
			responses.addApiResponse(String.valueOf(status), response);
		}
		operation.setResponses(responses);
	}

	/**
	 * The response content from the method's return type: the types the mapping produces, else JSON
	 * for bodies that Jackson writes. Text, bytes and files without a declared type stay
	 * {@code *}/{@code *}, and the test of the document fails until the mapping says what they are.
	 */
	private static Content content(Components components, HandlerMethod handler) {
		var type = ResolvableType.forMethodReturnType(handler.getMethod());
		if (ResponseEntity.class.isAssignableFrom(type.toClass())) {
			type = type.getGeneric(0);
		}
		var body = type.toClass();
		if (body == void.class || body == Void.class) {
			if (produces(handler).length == 0) {
				return null;
			}
			body = String.class;
		}
		Schema<?> schema;
		if (body == byte[].class || Resource.class.isAssignableFrom(body)) {
			schema = string(null).format("binary");
		} else if (body == String.class) {
			schema = string(null);
		} else {
			schema = SpringDocAnnotationsUtils.extractSchema(components, type.getType(), null, new Annotation[0], SpecVersion.V31);
		}
		var types = produces(handler).length > 0 ? produces(handler)
				: new String[] {writtenAsJson(body) ? JSON : "*/*"};
		var content = new Content();
		for (var mediaType : types) {
			content.addMediaType(mediaType, new MediaType().schema(schema));
		}
		return content;
	}

	private static String[] produces(HandlerMethod handler) {
		var mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
		return mapping == null ? new String[0] : mapping.produces();
	}

	private static boolean writtenAsJson(Class<?> body) {
		return body != Object.class && body != void.class && body != Void.class && body != String.class && body != byte[].class
				&& !Resource.class.isAssignableFrom(body);
	}

	private static Header header(String description) {
		return new Header().description(description).schema(string(null));
	}

	// --- helpers

	private static Set<Integer> declaredStatuses(HandlerMethod handler) {
		var codes = new java.util.TreeSet<Integer>();
		for (var response : AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(),
				io.swagger.v3.oas.annotations.responses.ApiResponse.class)) {
			if (response.responseCode().matches("\\d{3}")) {
				codes.add(Integer.parseInt(response.responseCode()));
			}
		}
		return codes;
	}

	private static RequestMethod httpMethod(HandlerMethod handler) {
		var mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
		if (mapping == null || mapping.method().length != 1) {
			throw new IllegalStateException(handler + " should map exactly one HTTP method");
		}
		return mapping.method()[0];
	}

	static Schema<Object> object() {
		var schema = new JsonSchema();
		schema.type("object").types(new java.util.LinkedHashSet<>(Set.of("object")));
		return schema;
	}

	static Schema<Object> string(String description) {
		var schema = new JsonSchema();
		schema.type("string").types(new java.util.LinkedHashSet<>(Set.of("string"))).description(description);
		return schema;
	}
}
