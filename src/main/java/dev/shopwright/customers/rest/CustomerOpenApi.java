package dev.shopwright.customers.rest;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.security.SecurityScheme;

/** Names the shoppers' bearer scheme that the Store API's account operations require. */
@Configuration(proxyBeanMethods = false)
class CustomerOpenApi {

	@Bean
	OpenApiCustomizer customerTokenScheme() {
		return openApi -> openApi.getComponents().addSecuritySchemes("customer",
				new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
					.description("A customer token (swc_…) from POST /api/store/v1/customers/login; Store API only"));
	}
}
