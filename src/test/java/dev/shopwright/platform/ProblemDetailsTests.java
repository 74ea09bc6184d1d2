package dev.shopwright.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

/** Bad input always gets a 4xx problem+json that says what is wrong, and never a 5xx or a partial write. */
@ShopwrightTest
class ProblemDetailsTests {

	@LocalServerPort
	int port;

	ApiClient owner;

	@BeforeEach
	void logIn() {
		owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
	}

	@Test
	void malformedJsonIsA400() {
		ApiClient.Response response = owner.sendRaw("POST", "/api/admin/v1/stores", "application/json", "{\"name\": ");
		assertProblem(response, 400, "MALFORMED_BODY");
	}

	@Test
	void anEmptyBodyIsA400() {
		assertProblem(owner.sendRaw("POST", "/api/admin/v1/stores", "application/json", ""), 400, "MALFORMED_BODY");
	}

	@Test
	void aWrongTypeNamesTheField() {
		ApiClient.Response response = owner.sendRaw("POST", "/api/admin/v1/stores", "application/json",
				"{\"name\":\"X\",\"handle\":\"x\",\"defaultCurrency\":\"EUR\",\"pricesIncludeTax\":{\"nested\":1}}");
		assertProblem(response, 400, "INVALID_FIELD_TYPE");
		assertThat(response.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/pricesIncludeTax");
	}

	@Test
	void anArrayWhereAnObjectBelongsIsA400() {
		assertProblem(owner.sendRaw("POST", "/api/admin/v1/stores", "application/json", "[1,2,3]"), 400,
				"INVALID_FIELD_TYPE");
	}

	@Test
	void unknownFieldsAreRefusedByName() {
		ApiClient.Response response = owner.post("/api/admin/v1/stores",
				Map.of("name", "X", "handle", ApiClient.unique("u"), "defaultCurrency", "EUR", "colour", "red"));
		assertProblem(response, 400, "UNKNOWN_FIELD");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("colour");
	}

	@Test
	void aHugeBodyIsA413() {
		String huge = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
		assertProblem(owner.sendRaw("POST", "/api/admin/v1/stores", "application/json", huge), 413, "PAYLOAD_TOO_LARGE");
	}

	@Test
	void aBadIdIsA400AndAnUnknownIdA404() {
		assertProblem(owner.get("/api/admin/v1/stores/not-an-id"), 400, "INVALID_PARAMETER");
		assertProblem(owner.get("/api/admin/v1/stores/00000000-0000-0000-0000-000000000000"), 404, "NOT_FOUND");
	}

	@Test
	void aBadCursorIsA400() {
		assertProblem(owner.get("/api/admin/v1/audit-log?cursor=%25%25%25"), 400, "INVALID_CURSOR");
		assertProblem(owner.get("/api/admin/v1/audit-log?limit=100000"), 400, "VALIDATION_FAILED");
		assertProblem(owner.get("/api/admin/v1/audit-log?limit=abc"), 400, "INVALID_PARAMETER");
	}

	@Test
	void anUnknownOperationIsA404Problem() {
		assertProblem(owner.get("/api/admin/v1/no-such-thing"), 404, "NOT_FOUND");
		assertProblem(ApiClient.at(port).get("/api/store/v1/no-such-thing"), 404, "NOT_FOUND");
	}

	@Test
	void aWrongMethodIsA405AndAWrongContentTypeA415() {
		assertProblem(owner.delete("/api/admin/v1/stores"), 405, "METHOD_NOT_ALLOWED");
		assertProblem(owner.sendRaw("POST", "/api/admin/v1/stores", "text/plain", "name=x"), 415, "UNSUPPORTED_MEDIA_TYPE");
	}

	@Test
	void withoutCredentialsTheAdminApiIsA401Problem() {
		ApiClient.Response response = ApiClient.at(port).get("/api/admin/v1/stores");
		assertProblem(response, 401, "UNAUTHENTICATED");
		assertThat(response.header("www-authenticate")).startsWith("Bearer");
		assertProblem(ApiClient.at(port).bearer("swt_not-a-real-token").get("/api/admin/v1/stores"), 401, "INVALID_TOKEN");
	}

	@Test
	void queryParametersOutsideTheirConstraintsAreA400NamingTheParameter() {
		for (String path : java.util.List.of("/api/admin/v1/inventory/stock?limit=0", "/api/admin/v1/inventory/valuation?top=9999",
				"/api/admin/v1/inventory/movements?sku=&limit=10", "/api/admin/v1/payments?limit=0")) {
			ApiClient.Response response = owner.get(path);
			assertProblem(response, 400, response.json().get("code").asString().equals("VALIDATION_FAILED") ? "VALIDATION_FAILED"
					: "INVALID_PARAMETER");
			assertThat(response.json().get("errors")).as(path).isNotEmpty();
		}
		assertProblem(ApiClient.at(port).store("demo").get("/api/store/v1/availability?sku="), 400, "VALIDATION_FAILED");
	}

	private static void assertProblem(ApiClient.Response response, int status, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("code").asString()).isEqualTo(code);
		assertThat(problem.get("type").asString()).startsWith("https://shopwright.dev/problems/");
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("detail").asString()).isNotBlank().doesNotContain("Exception").doesNotContain("at dev.");
	}
}
