package org.sencrm.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at /v3/api-docs (browsable at /swagger-ui.html). {@link ApiOperations}
 * makes each operation say what the code does; {@code OpenApiDocumentTest} fails when one does not
 * (decision 21, docs/api.md).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI senCrmApi() {
		var components = new Components().addSecuritySchemes("token",
				new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("sen_… API token"));
		ProblemResponses.schemas().forEach(components::addSchemas);
		return new OpenAPI()
				.info(new Info().title("Sen CRM API").version("v1")
						.description("Customers, users and search. Errors are RFC 9457 problem details; reads carry ETags, "
								+ "updates take If-Match; lists page with cursors. Get a token with POST /api/v1/auth/tokens."))
				.components(components)
				.addSecurityItem(new SecurityRequirement().addList("token"));
	}

	@Bean
	ApiOperations apiOperations() {
		return new ApiOperations();
	}

	@Bean
	SchemaNames schemaNames() {
		return new SchemaNames();
	}

	@Bean
	OpenApiCustomizer noSchemaNameTwice(SchemaNames names) {
		return openApi -> names.failIfAny();
	}
}
