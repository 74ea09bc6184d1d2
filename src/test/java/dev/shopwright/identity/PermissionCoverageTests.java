package dev.shopwright.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;

/** Every Admin API operation and console page checks a permission that exists; roles get what they should. */
@ShopwrightTest
class PermissionCoverageTests {

	/** Reachable without a permission on purpose: logging in, and carriers' signed tracking webhooks. */
	private static final Set<String> PUBLIC = Set.of("/api/admin/v1/auth/token", "/admin/login",
			"/api/admin/v1/carriers/{carrier}/tracking-events");

	private static final Pattern AUTHORITY = Pattern.compile("hasAuthority\\('([A-Z_]+)'\\)");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@LocalServerPort
	int port;

	@Test
	void everyAdminOperationAndConsolePageRequiresAKnownPermission() {
		Set<String> permissions = Arrays.stream(Permission.values()).map(Enum::name).collect(Collectors.toSet());
		List<String> unguarded = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		int checked = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			for (String path : entry.getKey().getPatternValues()) {
				if (!(path.startsWith("/api/admin") || path.startsWith("/admin")) || PUBLIC.contains(path)) {
					continue;
				}
				checked++;
				PreAuthorize guard = entry.getValue().getMethodAnnotation(PreAuthorize.class);
				if (guard == null) {
					unguarded.add(path + " " + entry.getValue());
					continue;
				}
				Matcher matcher = AUTHORITY.matcher(guard.value());
				if (!matcher.find()) {
					unguarded.add(path + " (no hasAuthority) " + entry.getValue());
				}
				matcher.reset();
				while (matcher.find()) {
					if (!permissions.contains(matcher.group(1))) {
						unknown.add(path + " -> " + matcher.group(1));
					}
				}
			}
		}
		assertThat(checked).as("admin handlers found").isGreaterThan(15);
		assertThat(unguarded).as("handlers without a permission check").isEmpty();
		assertThat(unknown).as("permissions that do not exist").isEmpty();
	}

	@Test
	void aCatalogManagerCannotManageStaffTokensOrSettings() {
		ApiClient owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		String email = ApiClient.unique("catalog") + "@test.local";
		owner.post("/api/admin/v1/staff", Map.of("email", email, "name", "Cat", "password", "catalog-password-1", "role", "CATALOG"));
		ApiClient catalog = ApiClient.at(port).loggedIn(email, "catalog-password-1");
		assertThat(catalog.get("/api/admin/v1/stores").status()).isEqualTo(200);
		ApiClient.Response staff = catalog.get("/api/admin/v1/staff");
		assertThat(staff.status()).isEqualTo(403);
		assertThat(staff.contentType()).startsWith("application/problem+json");
		assertThat(catalog.get("/api/admin/v1/api-tokens").status()).isEqualTo(403);
		assertThat(catalog.get("/api/admin/v1/audit-log").status()).isEqualTo(403);
		String demoId = catalog.get("/api/admin/v1/stores").json().get("items").get(0).get("id").asString();
		assertThat(catalog.patch("/api/admin/v1/stores/" + demoId, Map.of("name", "Mine now")).status()).isEqualTo(403);
	}

	@Test
	void anAdminCanDoEverythingButCreateStoresAndRoleChangesApplyAtOnce() {
		ApiClient owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		String email = ApiClient.unique("admin") + "@test.local";
		String id = owner.post("/api/admin/v1/staff",
				Map.of("email", email, "name", "Ad Min", "password", "admin-password-12", "role", "ADMIN")).json().get("id")
			.asString();
		ApiClient admin = ApiClient.at(port).loggedIn(email, "admin-password-12");
		assertThat(admin.get("/api/admin/v1/staff").status()).isEqualTo(200);
		assertThat(admin.post("/api/admin/v1/stores", Map.of("name", "X", "handle", ApiClient.unique("x"), "defaultCurrency",
				"EUR")).status()).isEqualTo(403);

		owner.patch("/api/admin/v1/staff/" + id, Map.of("role", "ANALYST"));
		assertThat(admin.get("/api/admin/v1/staff").status()).isEqualTo(403);
	}
}
