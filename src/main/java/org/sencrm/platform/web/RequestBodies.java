package org.sencrm.platform.web;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sencrm.platform.ValidationException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a JSON object into a request record, naming every unknown field and the first mistyped
 * one as validation problems instead of failing the whole body. Read-only fields of the
 * resource (id, version...) are accepted and ignored, so a client can send back what it read.
 */
@Component
public class RequestBodies {

	private final JsonMapper json;

	RequestBodies(JsonMapper json) {
		this.json = json;
	}

	public <T extends Record> T read(Map<String, Object> body, Class<T> type, List<String> readOnly) {
		var fields = Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList();
		var problems = new ValidationException.Collector();
		body.keySet().stream().filter(k -> !fields.contains(k) && !readOnly.contains(k))
				.forEach(k -> problems.add(k, "validation.unknown-field"));
		problems.throwIfAny();
		var writable = new HashMap<>(body);
		writable.keySet().removeIf(readOnly::contains);
		try {
			return json.convertValue(writable, type);
		} catch (IllegalArgumentException | JacksonException e) {
			var field = e instanceof DatabindException d && !d.getPath().isEmpty() ? d.getPath().getFirst().getPropertyName() : null;
			throw new ValidationException(List.of(new ValidationException.FieldProblem(field == null ? "body" : field,
					"error.invalid-value")));
		}
	}

	/** Applies a JSON merge patch to the current state of a record and reads the result. */
	public <T extends Record> T patch(T current, Map<String, Object> patch, Class<T> type, List<String> readOnly) {
		Map<String, Object> currentJson = json.convertValue(current, new TypeReference<Map<String, Object>>() {
		});
		return read(MergePatch.apply(currentJson, patch), type, readOnly);
	}
}
