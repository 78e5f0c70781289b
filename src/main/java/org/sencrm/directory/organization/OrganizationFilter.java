package org.sencrm.directory.organization;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.sencrm.directory.record.RecordFilter;
import org.springframework.util.MultiValueMap;

/**
 * What an organization list shows: the filters every customer list has ({@link RecordFilter}),
 * kind and relationship.
 */
public record OrganizationFilter(RecordFilter common, String kind, String relationship) {

	public OrganizationFilter {
		common = common == null ? RecordFilter.all() : common;
		kind = RecordFilter.blankToNull(kind);
		relationship = RecordFilter.blankToNull(relationship);
	}

	public OrganizationFilter(RecordFilter common) {
		this(common, null, null);
	}

	public static OrganizationFilter all() {
		return new OrganizationFilter(RecordFilter.all());
	}

	/** Reads a filter from request parameters: those of {@link RecordFilter#of}, {@code kind} and {@code relationship}. */
	public static OrganizationFilter of(MultiValueMap<String, String> params) {
		return new OrganizationFilter(RecordFilter.of(params), params.getFirst("kind"), params.getFirst("relationship"));
	}

	/** The same filter for another page. */
	public OrganizationFilter page(String cursor, int limit) {
		return new OrganizationFilter(common.page(cursor, limit), kind, relationship);
	}

	/** The query parameters of a filtered list, as the API documentation shows them (the list and its CSV export). */
	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Parameter(name = "q", in = ParameterIn.QUERY,
			description = "Name or tax code, without accents or case; custom fields filter too as cf.<key>=<value>",
			schema = @Schema(type = "string"))
	@Parameter(name = "tag", in = ParameterIn.QUERY,
			description = "Repeatable", array = @ArraySchema(schema = @Schema(type = "string")))
	@Parameter(name = "ownerId", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "uuid"))
	@Parameter(name = "externalId", in = ParameterIn.QUERY, description = "The key in the source system, exact match",
			schema = @Schema(type = "string"))
	@Parameter(name = "kind", in = ParameterIn.QUERY, schema = @Schema(type = "string"))
	@Parameter(name = "relationship", in = ParameterIn.QUERY, schema = @Schema(type = "string"))
	@Parameter(name = "lifecycleStage", in = ParameterIn.QUERY, schema = @Schema(type = "string"))
	@Parameter(name = "hasEmail", in = ParameterIn.QUERY, description = "true: with an email; false: without",
			schema = @Schema(type = "boolean"))
	@Parameter(name = "hasPhone", in = ParameterIn.QUERY, description = "true: with a phone; false: without",
			schema = @Schema(type = "boolean"))
	@Parameter(name = "hasOwner", in = ParameterIn.QUERY,
			description = "true: owned by an active user; false: by a deactivated one", schema = @Schema(type = "boolean"))
	@Parameter(name = "invalid", in = ParameterIn.QUERY,
			description = "email, phone or any: values left from old data that today's checks refuse", schema = @Schema(type = "string"))
	@Parameter(name = "updatedBefore", in = ParameterIn.QUERY,
			description = "Last changed before this day (its start in UTC) or instant", schema = @Schema(type = "string"))
	@Parameter(name = "inDuplicateGroup", in = ParameterIn.QUERY,
			description = "true: in a group of the last duplicate scan; false: in none", schema = @Schema(type = "boolean"))
	@Parameter(name = "segment", in = ParameterIn.QUERY,
			description = "A segment's id (GET /api/v1/segments): only its members", schema = @Schema(type = "string", format = "uuid"))
	@Parameter(name = "sort", in = ParameterIn.QUERY,
			description = "name (default) or created", schema = @Schema(type = "string"))
	@Parameter(name = "limit", in = ParameterIn.QUERY, schema = @Schema(type = "integer"))
	@Parameter(name = "cursor", in = ParameterIn.QUERY,
			description = "nextCursor of the previous page", schema = @Schema(type = "string"))
	public @interface QueryParameters {
	}
}
