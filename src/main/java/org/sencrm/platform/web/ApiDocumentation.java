package org.sencrm.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /v3/api-docs (browsable at /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI senCrmApi() {
		return new OpenAPI()
				.info(new Info().title("Sen CRM API").version("v1")
						.description("Customers, users and search. Errors are RFC 9457 problem details; reads carry ETags, "
								+ "updates take If-Match; lists page with cursors. Get a token with POST /api/v1/auth/tokens."))
				.components(new Components().addSecuritySchemes("token",
						new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("sen_… API token")))
				.addSecurityItem(new SecurityRequirement().addList("token"));
	}
}
