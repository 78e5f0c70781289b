package org.sencrm.directory.record;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The duplicate check in the OpenAPI document: {@code allowDuplicate} in the bodies of the persons'
 * and organizations' create and change (it is read beside the record, see {@link DuplicateRequest}),
 * and what their 409 means.
 */
@Configuration(proxyBeanMethods = false)
class DuplicateDocumentation {

	private static final List<String> BODIES = List.of("PersonDraft", "PersonPatch", "OrganizationDraft", "OrganizationPatch");
	private static final List<String> PATHS = List.of("/api/v1/persons", "/api/v1/persons/{id}", "/api/v1/organizations",
			"/api/v1/organizations/{id}");
	private static final String CONFLICT = "An email, phone or tax code is another record's: code duplicate, duplicates lists them "
			+ "([{id, name, reasons}]); send the body again with \"allowDuplicate\": true to save it anyway. "
			+ "Otherwise the record's state does not allow this (see code and detail).";

	@Bean
	OpenApiCustomizer duplicateCheckDocumented() {
		return openApi -> {
			var schemas = openApi.getComponents().getSchemas();
			for (var name : BODIES) {
				var schema = schemas == null ? null : schemas.get(name);
				if (schema != null) {
					schema.addProperty(DuplicateRequest.ALLOW, new JsonSchema().type("boolean").types(Set.of("boolean"))
							.description("Save even when another record has the same email, phone or tax code (else 409 duplicate)"));
				}
			}
			var problem = schemas == null ? null : schemas.get("Problem");
			if (problem != null) {
				var duplicate = new JsonSchema().type("object").types(Set.of("object"))
						.addProperty("id", new JsonSchema().type("string").types(Set.of("string")).format("uuid"))
						.addProperty("name", new JsonSchema().type("string").types(Set.of("string")))
						.addProperty("reasons", new JsonSchema().type("array").types(Set.of("array"))
								.items(new JsonSchema().type("string").types(Set.of("string"))));
				problem.addProperty("duplicates", new JsonSchema().type("array").types(Set.of("array")).items(duplicate)
						.description("With code duplicate: the records with the same email, phone (same_email, same_phone) or tax code"));
			}
			for (var path : PATHS) {
				var item = openApi.getPaths().get(path);
				if (item == null) {
					continue;
				}
				for (var operation : java.util.Arrays.asList(item.getPost(), item.getPatch())) {
					ApiResponse conflict = operation == null ? null : operation.getResponses().get("409");
					if (conflict != null) {
						conflict.setDescription(CONFLICT);
					}
				}
			}
		};
	}
}
