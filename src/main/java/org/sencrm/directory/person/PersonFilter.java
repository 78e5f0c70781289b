package org.sencrm.directory.person;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.sencrm.directory.listing.ListParams;

/**
 * What a person list shows: text, tags (all must match), owner, status, lifecycle stage and
 * custom field values; sorted by name or newest first; one page after the cursor.
 */
public record PersonFilter(String q, List<String> tags, UUID ownerId, String status, String lifecycleStage,
		Map<String, String> customFields, String sort, String cursor, int limit) {

	public static final int MAX_LIMIT = 200;

	public PersonFilter {
		tags = tags == null ? List.of() : tags.stream().filter(t -> t != null && !t.isBlank()).toList();
		customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
		status = blankToNull(status);
		lifecycleStage = blankToNull(lifecycleStage);
		sort = "created".equals(sort) ? "created" : "name";
		limit = limit <= 0 ? 50 : Math.min(limit, MAX_LIMIT);
	}

	public static PersonFilter all() {
		return new PersonFilter(null, List.of(), null, null, null, Map.of(), "name", null, MAX_LIMIT);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

	/**
	 * Reads a filter from request parameters: {@code q}, {@code tag} (repeatable), {@code ownerId},
	 * {@code status}, {@code lifecycleStage}, {@code cf.<key>}, {@code sort}, {@code cursor}, {@code limit}.
	 */
	public static PersonFilter of(org.springframework.util.MultiValueMap<String, String> params) {
		return new PersonFilter(params.getFirst("q"), params.get("tag"), ListParams.ownerId(params), params.getFirst("status"),
				params.getFirst("lifecycleStage"), ListParams.customFields(params), params.getFirst("sort"), params.getFirst("cursor"),
				ListParams.limit(params));
	}

	/** The same filter for another page. */
	public PersonFilter page(String cursor, int limit) {
		return new PersonFilter(q, tags, ownerId, status, lifecycleStage, customFields, sort, cursor, limit);
	}

	/** The query parameters of a filtered list, as the API documentation shows them (the list and its CSV export). */
	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Parameter(name = "q", in = ParameterIn.QUERY,
			description = "Name, email or phone, without accents or case; custom fields filter too as cf.<key>=<value>",
			schema = @Schema(type = "string"))
	@Parameter(name = "tag", in = ParameterIn.QUERY,
			description = "Repeatable", array = @ArraySchema(schema = @Schema(type = "string")))
	@Parameter(name = "ownerId", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "uuid"))
	@Parameter(name = "status", in = ParameterIn.QUERY, description = "potential or existing", schema = @Schema(type = "string"))
	@Parameter(name = "lifecycleStage", in = ParameterIn.QUERY, schema = @Schema(type = "string"))
	@Parameter(name = "sort", in = ParameterIn.QUERY,
			description = "name (default) or created", schema = @Schema(type = "string"))
	@Parameter(name = "limit", in = ParameterIn.QUERY, schema = @Schema(type = "integer"))
	@Parameter(name = "cursor", in = ParameterIn.QUERY,
			description = "nextCursor of the previous page", schema = @Schema(type = "string"))
	public @interface QueryParameters {
	}
}
