package dev.shopwright.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

/** OpenAPI, health, metrics and headers: what operators and integrators rely on. */
@ShopwrightTest
class PlatformEndpointsTests {

	@LocalServerPort
	int port;

	@Test
	void theOpenApiDocumentDescribesEveryOperationWithItsHeadersAndProblems() {
		ApiClient.Response response = ApiClient.at(port).get("/api/openapi.json");
		assertThat(response.status()).isEqualTo(200);
		JsonNode doc = response.json();
		assertThat(doc.get("openapi").asString()).startsWith("3.");
		JsonNode paths = doc.get("paths");
		assertThat(paths.has("/api/admin/v1/stores")).isTrue();
		assertThat(paths.has("/api/admin/v1/stores/{id}")).isTrue();
		assertThat(paths.has("/api/admin/v1/auth/token")).isTrue();
		assertThat(paths.has("/api/store/v1/store")).isTrue();
		assertThat(paths.propertyNames()).allMatch(path -> path.startsWith("/api/"));
		assertThat(doc.get("components").path("securitySchemes").has("bearer")).isTrue();
		assertThat(doc.get("components").get("schemas").has("Problem")).isTrue();

		List<String> missing = new ArrayList<>();
		for (String path : paths.propertyNames()) {
			JsonNode item = paths.get(path);
			for (String method : item.propertyNames()) {
				JsonNode operation = item.get(method);
				List<String> headers = operation.path("parameters").findValuesAsString("name");
				if (List.of("post", "put", "patch", "delete").contains(method) && !headers.contains("Idempotency-Key")) {
					missing.add(method + " " + path + " lacks Idempotency-Key");
				}
				if (!headers.contains("X-Store")) {
					missing.add(method + " " + path + " lacks X-Store");
				}
				if (!operation.get("responses").has("400")) {
					missing.add(method + " " + path + " lacks its 400 problem");
				}
				if (path.startsWith("/api/admin/") && !path.endsWith("/auth/token") && !operation.get("responses").has("403")) {
					missing.add(method + " " + path + " lacks its 403 problem");
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void theInteractiveDocsAreServed() {
		ApiClient.Response docs = ApiClient.at(port).get("/api/swagger-ui/index.html");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body()).contains("swagger");
	}

	@Test
	void healthAndPrometheusMetricsAreExposed() {
		ApiClient.Response health = ApiClient.at(port).get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
		assertThat(ApiClient.at(port).get("/actuator/prometheus").status()).as("metrics are not public").isEqualTo(401);
		ApiClient.Response metrics = ApiClient.at(port)
			.loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD)
			.with("Accept", "text/plain")
			.get("/actuator/prometheus");
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
	}

	@Test
	void pagesCarrySecurityHeaders() {
		ApiClient.Response page = ApiClient.at(port).get("/");
		assertThat(page.header("content-security-policy")).contains("frame-ancestors 'none'").contains("script-src 'self'");
		assertThat(page.header("x-frame-options")).isEqualTo("DENY");
		assertThat(page.header("x-content-type-options")).isEqualTo("nosniff");
		assertThat(page.header("referrer-policy")).isEqualTo("strict-origin-when-cross-origin");
	}
}
