package dev.shopwright.platform.openapi;

import java.util.Map;
import java.util.Set;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * Makes the OpenAPI document complete for clients and fuzzers: the bearer scheme, the {@code X-Store} and
 * {@code Idempotency-Key} headers on the operations that take them, and the problem+json error responses
 * every operation can give.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	private static final String PROBLEM_REF = "#/components/schemas/Problem";

	private static final Set<PathItem.HttpMethod> MUTATING = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
			PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

	private static final Map<String, String> COMMON_ERRORS = Map.of(
			"400", "Malformed or invalid input; `errors` names each field",
			"401", "Missing, expired or revoked credentials",
			"403", "The caller lacks the permission, or may not act on the store",
			"404", "No such record in the current store",
			"413", "The request body is too large",
			"500", "Unexpected error; the problem carries an incident id");

	@Bean
	OpenAPI shopwrightOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Shopwright API").version("v1").description("""
					Admin API (`/api/admin/v1`, staff bearer token or console session) and Store API \
					(`/api/store/v1`, public). Every request acts on one store: an API token's own store, the \
					store named by `X-Store` (handle or id), or the default store. Errors are RFC 9457 \
					`application/problem+json`. Mutating calls accept `Idempotency-Key`."""))
			.components(new Components()
				.addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
					.description("A token from POST /api/admin/v1/auth/token, or a long-lived API token")));
	}

	@Bean
	OpenApiCustomizer shopwrightConventions() {
		return openApi -> {
			// added here, after springdoc has collected the generated schemas, so that it is not replaced
			openApi.getComponents().addSchemas("Problem", problemSchema());
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> customize(path, method, op)));
		};
	}

	private static void customize(String path, PathItem.HttpMethod method, Operation op) {
		boolean admin = path.startsWith("/api/admin/");
		boolean publicAuth = path.equals("/api/admin/v1/auth/token");
		if (admin && !publicAuth) {
			op.addSecurityItem(new SecurityRequirement().addList("bearer"));
		}
		addHeader(op, new HeaderParameter().name("X-Store").required(false)
			.description("Handle or id of the store to act on (staff with several stores); default: the token's or the default store")
			.schema(new StringSchema().maxLength(200)));
		if (MUTATING.contains(method)) {
			addHeader(op, new HeaderParameter().name("Idempotency-Key").required(false)
				.description("Makes a retry safe: the same key and body replay the first response (24 h); "
						+ "the same key with another body is a 422; a concurrent duplicate is a 409")
				.schema(new StringSchema().minLength(1).maxLength(255)));
			addProblem(op, "409", "Conflicts with the current state, or the same Idempotency-Key is in flight");
			addProblem(op, "422", "A business rule refused the change, or the Idempotency-Key was used with another body");
		}
		COMMON_ERRORS.forEach((status, description) -> {
			if (!status.equals("401") && !status.equals("403") || admin) {
				addProblem(op, status, description);
			}
		});
		if (publicAuth) {
			addProblem(op, "429", "Too many login attempts; see Retry-After");
		}
	}

	private static void addHeader(Operation op, Parameter header) {
		boolean present = op.getParameters() != null
				&& op.getParameters().stream().anyMatch(p -> header.getName().equalsIgnoreCase(p.getName()));
		if (!present) {
			op.addParametersItem(header);
		}
	}

	private static void addProblem(Operation op, String status, String description) {
		if (op.getResponses() == null || op.getResponses().containsKey(status)) {
			return;
		}
		op.getResponses().addApiResponse(status, new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json",
					new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)))));
	}

	@SuppressWarnings("rawtypes")
	private static Schema problemSchema() {
		ObjectSchema fieldError = new ObjectSchema();
		fieldError.addProperty("pointer", new StringSchema().description("JSON pointer into the request body"));
		fieldError.addProperty("field", new StringSchema());
		fieldError.addProperty("detail", new StringSchema());
		ObjectSchema problem = new ObjectSchema();
		problem.description("RFC 9457 problem details");
		problem.addProperty("type", new StringSchema().format("uri"));
		problem.addProperty("title", new StringSchema());
		problem.addProperty("status", new IntegerSchema());
		problem.addProperty("detail", new StringSchema());
		problem.addProperty("instance", new StringSchema());
		problem.addProperty("code", new StringSchema().description("Stable machine-readable error code"));
		problem.addProperty("errors", new ArraySchema().items(fieldError));
		problem.setRequired(java.util.List.of("type", "title", "status"));
		return problem;
	}
}
