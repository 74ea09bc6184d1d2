package dev.shopwright.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.shopwright.console.AdminSession.Page;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;

/**
 * The product list of a store with 100,000 products still answers quickly, deep pages included. Filling the
 * store takes ~15 s, so it runs on request: {@code ./mvnw test -Dtest=CatalogConsoleScaleTests -Dshopwright.test.scale=true}.
 */
@ShopwrightTest
@EnabledIfSystemProperty(named = "shopwright.test.scale", matches = "true")
class CatalogConsoleScaleTests {

	private static final int PRODUCTS = 100_000;

	/** Generous, so that a slow build machine does not fail it; a full sort per request takes far longer. */
	private static final long LIMIT_MILLIS = 1_500;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theListStaysFastWithAHundredThousandProducts() {
		ApiClient ownerApi = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		AdminSession owner = AdminSession.at(port).logIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		ApiClient.Response store = ownerApi.post("/api/admin/v1/stores", Map.of("name", "Big Catalog", "handle",
				ApiClient.unique("big"), "defaultCurrency", "EUR"));
		assertThat(store.status()).as(store.body()).isEqualTo(201);
		UUID storeId = UUID.fromString(store.json().get("id").asString());
		jdbc.sql("""
				insert into catalog.product (store_id, id, handle, title, vendor, product_type, tags, status, created_at, updated_at)
				select ?, gen_random_uuid(), 'big-' || n, 'Big product ' || n, 'Vendor ' || (n % 50), 'Type ' || (n % 20),
				       array['tag-' || (n % 100)], case when n % 3 = 0 then 'ACTIVE' else 'DRAFT' end,
				       now() - (n || ' minutes')::interval, now() - (n || ' seconds')::interval
				from generate_series(1, ?) n""").params(storeId, PRODUCTS).update();
		jdbc.sql("""
				insert into catalog.variant (store_id, id, product_id, position, sku, barcode, price, currency, inventory_policy,
				                             created_at, updated_at)
				select store_id, gen_random_uuid(), id, 1, 'SKU-' || handle, null, 10 + (length(handle) % 7), 'EUR', 'DENY',
				       created_at, updated_at
				from catalog.product where store_id = ?""").param(storeId).update();
		jdbc.sql("analyze catalog.product").update();
		jdbc.sql("analyze catalog.variant").update();
		owner.follow(owner.post("/admin/stores/switch", Map.of("storeId", storeId.toString())));

		Map<String, Long> timings = new LinkedHashMap<>();
		for (String path : List.of("/admin/products", "/admin/products?sort=TITLE", "/admin/products?sort=CREATED",
				"/admin/products?vendor=Vendor+7", "/admin/products?tag=tag-42&status=ACTIVE", "/admin/products?q=SKU-big-77777",
				"/admin/products?q=product+9999")) {
			owner.get(path); // warm up
			long start = System.nanoTime();
			Page page = owner.get(path);
			timings.put(path, (System.nanoTime() - start) / 1_000_000);
			assertThat(page.status()).as(path).isEqualTo(200);
			assertThat(page.body()).as(path).contains("class=\"product-row\"");
			if (path.contains("SKU-big-77777")) {
				assertThat(page.body()).contains(">Big product 77777<");
			}
		}
		// ten pages deep with the cursor
		String path = "/admin/products";
		long deepest = 0;
		for (int i = 0; i < 10; i++) {
			Page page = owner.get(path);
			Matcher next = Pattern.compile("<a href=\"(/admin/products\\?[^\"]*cursor=[^\"]+)\"").matcher(page.body());
			assertThat(next.find()).isTrue();
			path = AdminSession.unescape(next.group(1));
			long start = System.nanoTime();
			owner.getHtmx(path);
			deepest = Math.max(deepest, (System.nanoTime() - start) / 1_000_000);
		}
		timings.put("load more (slowest of 10)", deepest);
		System.out.println("Product list timings with " + PRODUCTS + " products (ms): " + timings);
		assertThat(timings.values()).as(timings.toString()).allMatch(millis -> millis < LIMIT_MILLIS);
	}
}
