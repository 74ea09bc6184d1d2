package dev.shopwright.catalog.imports;

import static dev.shopwright.catalog.imports.ImportTestSupport.freshStore;
import static dev.shopwright.catalog.imports.ImportTestSupport.importAndWait;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.shopwright.catalog.InventoryPolicy;
import dev.shopwright.catalog.ProductId;
import dev.shopwright.catalog.VariantId;
import dev.shopwright.catalog.events.ProductsImported;
import dev.shopwright.inventory.domain.Items;
import dev.shopwright.shared.StoreId;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

/**
 * Imports commit products in batches and announce each batch as one event (ADR 0020): what search and inventory
 * do with it, and that a product failing in the middle of a batch is rolled back whole while the others stay.
 */
@ShopwrightTest
class ImportBatchTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Items items;

	ApiClient owner;

	@BeforeEach
	void logIn() {
		owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
	}

	@Test
	void aBatchMakesItsProductsSearchableAndTheirSkusKnownToInventoryWithTheirPolicies() {
		ApiClient store = freshStore(owner);
		StoreId storeId = storeId(store);
		String file = """
				Handle,Title,Published,Status,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Inventory Policy
				lantern-oak,Oak Lantern,TRUE,active,Size,Small,LAN-OAK-S,20.00,deny
				lantern-oak,,,,,Large,LAN-OAK-L,30.00,continue
				kettle-copper,Copper Kettle,TRUE,active,,,KET-CU,45.00,continue
				stool-birch,Birch Stool,TRUE,active,,,STO-BI,60.00,deny
				""";
		JsonNode job = importAndWait(store, "batch.csv", file.getBytes(StandardCharsets.UTF_8), "SHOPIFY");
		assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("COMPLETED");
		assertThat(job.get("created").asInt()).isEqualTo(3);

		assertThat(eventually(() -> handlesFound(store, "lantern"))).containsExactly("lantern-oak");
		assertThat(eventually(() -> handlesFound(store, "kettle"))).containsExactly("kettle-copper");
		assertThat(eventually(() -> handlesFound(store, "stool"))).containsExactly("stool-birch");

		Map<String, String> policies = eventually(() -> mirroredPolicies(storeId));
		assertThat(policies).containsExactlyInAnyOrderEntriesOf(Map.of("LAN-OAK-S", "DENY", "LAN-OAK-L", "CONTINUE", "KET-CU",
				"CONTINUE", "STO-BI", "DENY"));
		assertThat(jdbc.sql("select title from inventory.item where store_id = ? and sku = 'LAN-OAK-L'")
			.param(storeId.value()).query(String.class).single()).isEqualTo("Oak Lantern – Large");

		// a second import changes one policy and drops one SKU: the mirror follows, from the batch event alone
		String changed = """
				Handle,Title,Published,Status,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Inventory Policy
				lantern-oak,Oak Lantern,TRUE,active,Size,Small,LAN-OAK-S,20.00,continue
				""";
		JsonNode second = importAndWait(store, "batch-2.csv", changed.getBytes(StandardCharsets.UTF_8), "SHOPIFY");
		assertThat(second.get("updated").asInt()).as(second.toString()).isEqualTo(1);
		assertThat(eventually(() -> {
			Map<String, String> now = mirroredPolicies(storeId);
			return now.get("LAN-OAK-S").equals("CONTINUE") && !now.containsKey("LAN-OAK-L") ? now : null;
		})).containsEntry("LAN-OAK-S", "CONTINUE").doesNotContainKey("LAN-OAK-L");
	}

	@Test
	void aProductFailingHalfWrittenInTheMiddleOfABatchLeavesNothingWhileTheOthersAreImported() {
		ApiClient store = freshStore(owner);
		StoreId storeId = storeId(store);
		// the database refuses one variant after its product, options and first variant are written
		jdbc.sql("""
				create or replace function catalog.refuse_exploding_sku() returns trigger language plpgsql as $$
				begin
				  if new.sku = 'BATCH-EXPLODES' then raise exception 'refused by the test'; end if;
				  return new;
				end $$""").update();
		jdbc.sql("create trigger refuse_exploding_sku before insert on catalog.variant for each row "
				+ "execute function catalog.refuse_exploding_sku()").update();
		try {
			String file = """
					Handle,Title,Published,Status,Option1 Name,Option1 Value,Variant SKU,Variant Price
					before-it,Before It,TRUE,active,,,BATCH-BEFORE,10.00
					half-written,Half Written,TRUE,active,Size,S,BATCH-HALF-S,10.00
					half-written,,,,,M,BATCH-EXPLODES,10.00
					after-it,After It,TRUE,active,,,BATCH-AFTER,10.00
					""";
			JsonNode job = importAndWait(store, "half.csv", file.getBytes(StandardCharsets.UTF_8), "SHOPIFY");
			assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("COMPLETED");
			assertThat(job.get("created").asInt()).isEqualTo(2);
			assertThat(job.get("failed").asInt()).isEqualTo(1);
			assertThat(job.get("rowsDone").asInt()).isEqualTo(4);
		}
		finally {
			jdbc.sql("drop trigger refuse_exploding_sku on catalog.variant").update();
			jdbc.sql("drop function catalog.refuse_exploding_sku()").update();
		}
		assertThat(count("catalog.product", storeId, "handle = 'half-written'")).isZero();
		assertThat(count("catalog.variant", storeId, "sku like 'BATCH-HALF%'")).isZero();
		assertThat(count("catalog.product", storeId, "handle in ('before-it', 'after-it')")).isEqualTo(2);

		// only the products that exist were announced: inventory never hears of the rolled back SKUs
		assertThat(eventually(() -> {
			Map<String, String> mirrored = mirroredPolicies(storeId);
			return mirrored.size() == 2 ? mirrored : null;
		})).containsOnlyKeys("BATCH-BEFORE", "BATCH-AFTER");
		assertThat(eventually(() -> handlesFound(store, "after"))).containsExactly("after-it");
		assertThat(handlesFound(store, "half")).isEmpty();
	}

	@Test
	void aProductTheCatalogRefusesInTheMiddleOfABatchIsReportedAtItsLineWhileTheOthersAreImported() {
		ApiClient store = freshStore(owner);
		StoreId storeId = storeId(store);
		// two variants with the same option value: only the catalog's rules refuse it, before anything is written
		String file = """
				Handle,Title,Published,Status,Option1 Name,Option1 Value,Variant SKU,Variant Price
				first-one,First One,TRUE,active,,,RULE-FIRST,10.00
				twin-sizes,Twin Sizes,TRUE,active,Size,S,RULE-TWIN-1,10.00
				twin-sizes,,,,,S,RULE-TWIN-2,10.00
				last-one,Last One,TRUE,active,,,RULE-LAST,10.00
				""";
		JsonNode job = importAndWait(store, "rules.csv", file.getBytes(StandardCharsets.UTF_8), "SHOPIFY");

		assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("COMPLETED");
		assertThat(job.get("created").asInt()).isEqualTo(2);
		assertThat(job.get("failed").asInt()).isEqualTo(1);
		assertThat(store.get(job.get("errorsUrl").asString()).body()).contains("twin-sizes")
			.containsPattern("\\n4,Option1 Value,twin-sizes,.*another variant already has S");
		assertThat(count("catalog.product", storeId, "handle = 'twin-sizes'")).isZero();
		assertThat(count("catalog.variant", storeId, "sku like 'RULE-TWIN%'")).isZero();
		assertThat(count("catalog.product", storeId, "handle in ('first-one', 'last-one')")).isEqualTo(2);
		assertThat(eventually(() -> {
			Map<String, String> mirrored = mirroredPolicies(storeId);
			return mirrored.size() == 2 ? mirrored : null;
		})).containsOnlyKeys("RULE-FIRST", "RULE-LAST");
	}

	@Test
	void aSkuOfTwoProductsOfOneBatchFailsTheSecondAtItsLineAndKeepsTheFirst() {
		ApiClient store = freshStore(owner);
		StoreId storeId = storeId(store);
		String file = """
				Handle,Title,Published,Status,Variant SKU,Variant Price
				owner-of-sku,Owner Of Sku,TRUE,active,DUP-SKU-1,10.00
				wants-it-too,Wants It Too,TRUE,active,DUP-SKU-1,12.00
				bystander,Bystander,TRUE,active,DUP-SKU-2,14.00
				""";
		JsonNode job = importAndWait(store, "dup.csv", file.getBytes(StandardCharsets.UTF_8), "SHOPIFY");

		assertThat(job.get("created").asInt()).as(job.toString()).isEqualTo(2);
		assertThat(job.get("failed").asInt()).isEqualTo(1);
		assertThat(store.get(job.get("errorsUrl").asString()).body())
			.containsPattern("\\n3,Variant SKU,wants-it-too,.*DUP-SKU-1.*owner-of-sku");
		assertThat(jdbc.sql("""
				select p.handle from catalog.variant v join catalog.product p on p.store_id = v.store_id and p.id = v.product_id
				where v.store_id = ? and v.sku = 'DUP-SKU-1'""").param(storeId.value()).query(String.class).list())
			.containsExactly("owner-of-sku");
		assertThat(count("catalog.product", storeId, "handle = 'wants-it-too'")).isZero();
		assertThat(count("catalog.product", storeId, "handle = 'bystander'")).isOne();
	}

	@Test
	void aHandleAnExistingProductHasIsNeitherTakenOverNorDuplicated() {
		ApiClient store = freshStore(owner);
		StoreId storeId = storeId(store);
		assertThat(store.post("/api/admin/v1/products", Map.of("title", "Mug", "handle", "mug", "status", "ACTIVE",
				"variants", List.of(Map.of("sku", "MUG-EXISTING", "price", Map.of("amount", "9.00", "currency", "EUR")))))
			.status()).isEqualTo(201);

		// WooCommerce matches by SKU: a new SKU is a new product, and its handle from the name is taken
		String woo = """
				ID,Type,SKU,Name,Published,Regular price
				1,simple,MUG-NEW,Mug,1,11.00
				2,simple,SAUCER-1,Saucer,1,5.00
				""";
		JsonNode job = importAndWait(store, "woo.csv", woo.getBytes(StandardCharsets.UTF_8), "WOOCOMMERCE");
		assertThat(job.get("created").asInt()).as(job.toString()).isEqualTo(2);
		assertThat(job.get("failed").asInt()).isZero();
		assertThat(jdbc.sql("""
				select p.handle || ':' || v.sku from catalog.variant v
				join catalog.product p on p.store_id = v.store_id and p.id = v.product_id
				where v.store_id = ? order by v.sku""").param(storeId.value()).query(String.class).list())
			.containsExactly("mug:MUG-EXISTING", "mug-2:MUG-NEW", "saucer:SAUCER-1");

		// Shopify matches by handle: the same handle updates the existing product, it does not make a second one
		String shopify = """
				Handle,Title,Published,Status,Variant SKU,Variant Price
				mug,Mug Renamed,TRUE,active,MUG-EXISTING,9.50
				""";
		JsonNode again = importAndWait(store, "mug.csv", shopify.getBytes(StandardCharsets.UTF_8), "SHOPIFY");
		assertThat(again.get("updated").asInt()).as(again.toString()).isEqualTo(1);
		assertThat(again.get("created").asInt()).isZero();
		assertThat(jdbc.sql("select title from catalog.product where store_id = ? and handle like 'mug%' order by handle")
			.param(storeId.value()).query(String.class).list()).containsExactly("Mug Renamed", "Mug");
	}

	@Test
	void aBatchEventHandledAfterALaterChangeOfItsProductDoesNotTurnTheMirrorBack() {
		ApiClient store = freshStore(owner);
		StoreId storeId = storeId(store);
		String file = """
				Handle,Title,Published,Status,Variant SKU,Variant Price,Variant Inventory Policy
				late-lamp,Late Lamp,TRUE,active,LATE-LAMP,12.00,deny
				""";
		importAndWait(store, "late.csv", file.getBytes(StandardCharsets.UTF_8), "SHOPIFY");
		JsonNode product = store.get("/api/admin/v1/products?q=late").json().get("items").get(0);
		assertThat(eventually(() -> mirroredPolicies(storeId))).containsEntry("LATE-LAMP", "DENY");
		JsonNode variant = product.get("variants").get(0);
		ApiClient.Response changed = store.patch("/api/admin/v1/products/" + product.get("id").asString(),
				Map.of("variants", List.of(Map.of("id", variant.get("id").asString(), "sku", "LATE-LAMP", "price",
						Map.of("amount", "12.00", "currency", "EUR"), "inventoryPolicy", "CONTINUE"))));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(eventually(() -> "CONTINUE".equals(mirroredPolicies(storeId).get("LATE-LAMP")) ? "yes" : null))
			.isEqualTo("yes");

		// the import's event (version 0, DENY) arrives late, e.g. retried from the outbox after a restart
		items.sync(storeId, new ProductsImported(storeId, List.of(new ProductsImported.ImportedProduct(
				ProductId.of(product.get("id").asString()), "Late Lamp", 0, List.of(new ProductsImported.ImportedVariant(
						VariantId.of(variant.get("id").asString()), "LATE-LAMP", "Default", null, InventoryPolicy.DENY,
						null))))));
		assertThat(mirroredPolicies(storeId)).containsEntry("LATE-LAMP", "CONTINUE");
	}

	private static StoreId storeId(ApiClient store) {
		return StoreId.of(store.get("/api/store/v1/store").json().get("id").asString());
	}

	private List<String> handlesFound(ApiClient store, String query) {
		JsonNode found = store.get("/api/store/v1/products?q=" + query).json().get("items");
		return found.findValuesAsString("handle");
	}

	private Map<String, String> mirroredPolicies(StoreId store) {
		Map<String, String> policies = new java.util.TreeMap<>();
		jdbc.sql("select sku, policy from inventory.item where store_id = ? and not deleted").param(store.value())
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
			.forEach(e -> policies.put(e.getKey(), e.getValue()));
		return policies;
	}

	private long count(String table, StoreId store, String condition) {
		return jdbc.sql("select count(*) from " + table + " where store_id = ? and " + condition).param(store.value())
			.query(Long.class).single();
	}

	/**
	 * The listeners run after the import's commit, from the outbox: the first non-empty answer within ten seconds (an
	 * empty or null answer means "not yet"), else the last one.
	 */
	private static <T> T eventually(Supplier<T> answer) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		T last = answer.get();
		while (isEmpty(last) && Instant.now().isBefore(deadline)) {
			ImportTestSupport.sleep(100);
			last = answer.get();
		}
		return last;
	}

	private static boolean isEmpty(Object value) {
		return value == null || value instanceof java.util.Collection<?> c && c.isEmpty()
				|| value instanceof Map<?, ?> m && m.isEmpty();
	}
}
