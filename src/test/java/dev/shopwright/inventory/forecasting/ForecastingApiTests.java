package dev.shopwright.inventory.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.ProductDraft;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.StockReceipt;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

@ShopwrightTest
class ForecastingApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StoreManagement stores;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	InventoryManagement inventory;

	@Autowired
	DemoSalesHistory demoSalesHistory;

	@Autowired
	ForecastWorker worker;

	@Autowired
	ForecastRuns runs;

	ApiClient owner;

	@BeforeEach
	void logIn() {
		owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
	}

	@Test
	void theDemoStoreHasAYearOfSalesHistoryOnceAndItsForecastsSetTheReorderPoints() {
		Store demo = stores.findByReference("demo").orElseThrow();
		String sku = bestSeller(demo.id());
		int rows = historyRows(demo.id());
		assertThat(demoSalesHistory.seed(demo)).as("seeding again writes nothing").isZero();
		assertThat(historyRows(demo.id())).isEqualTo(rows);
		// a demo that ran for days without a restart: the days since the last seeded one are filled in, as before
		LocalDate yesterday = LocalDate.now(demo.timezone()).minusDays(1);
		int lastThreeDays = jdbc.sql("delete from inventory.demand_history where store_id = ? and day > ?")
			.params(demo.id().value(), java.sql.Date.valueOf(yesterday.minusDays(3))).update();
		assertThat(lastThreeDays).isGreaterThan(0);
		assertThat(demoSalesHistory.seed(demo)).isEqualTo(lastThreeDays);
		assertThat(historyRows(demo.id())).isEqualTo(rows);
		assertThat(jdbc.sql("select count(distinct sku) from inventory.demand_history where store_id = ?")
			.param(demo.id().value()).query(Integer.class).single()).isGreaterThan(100);

		ApiClient.Response response = owner.store("demo").get("/api/admin/v1/inventory/forecasts?sku=" + sku);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode forecast = response.json();
		assertThat(forecast.get("model").get("name").asString()).isIn("HOLT_WINTERS", "HOLT_WINTERS_YEARLY");
		assertThat(forecast.get("history").get("days").asInt()).isGreaterThanOrEqualTo(365);
		assertThat(forecast.get("history").get("recent")).hasSize(120);
		assertThat(forecast.get("history").get("recent").get(119).get("date").asString())
			.isEqualTo(LocalDate.now(demo.timezone()).minusDays(1).toString());
		assertThat(forecast.get("model").get("mase").asDouble()).isPositive();
		assertThat(forecast.get("model").get("heldOutDays").asInt()).isEqualTo(28);
		assertThat(forecast.get("forecast").size()).isGreaterThanOrEqualTo(91);

		JsonNode reorder = forecast.get("reorder");
		int leadTime = reorder.get("leadTimeDays").asInt();
		assertThat(leadTime).isEqualTo(14);
		assertThat(reorder.get("serviceLevel").asDouble()).isEqualTo(0.95);
		assertThat(reorder.get("z").asDouble()).isCloseTo(1.645, within(0.001));
		double leadTimeDemand = 0;
		for (int day = 0; day < leadTime; day++) {
			leadTimeDemand += forecast.get("forecast").get(day).get("units").asDouble();
		}
		assertThat(reorder.get("leadTimeDemand").asDouble()).isCloseTo(leadTimeDemand, within(0.05));
		double sigma = forecast.get("model").get("sigma").asDouble();
		assertThat(reorder.get("safetyStock").asDouble()).isCloseTo(1.645 * sigma * Math.sqrt(leadTime), within(0.05));
		int reorderPoint = reorder.get("reorderPoint").asInt();
		assertThat((double) reorderPoint).isCloseTo(Math.ceil(reorder.get("leadTimeDemand").asDouble()
				+ reorder.get("safetyStock").asDouble()), within(1.0));
		assertThat(inventory.stock(demo.id(), sku).reorderPoint()).as("written into the inventory item").isEqualTo(reorderPoint);
		assertThat(jdbc.sql("select order_up_to from inventory.item where store_id = ? and sku = ?")
			.params(demo.id().value(), sku).query(Integer.class).single()).isEqualTo(reorder.get("orderUpTo").asInt())
			.isGreaterThan(reorderPoint);
	}

	@Test
	void soldMovementsOfTheLedgerCountOnTopOfTheSeededHistory() {
		Fixture store = newStore();
		String sku = store.newSku();
		LocalDate yesterday = LocalDate.now(store.zone()).minusDays(1);
		jdbc.sql("insert into inventory.demand_history (store_id, sku, day, units) values (?, ?, ?, 5)")
			.params(store.id().value(), sku, java.sql.Date.valueOf(yesterday.minusDays(20))).update();
		inventory.receive(store.id(), StockReceipt.of(sku, 50, null));
		sell(store, sku, 3, yesterday);
		sell(store, sku, 2, yesterday);
		sell(store, sku, 4, LocalDate.now(store.zone())); // today is not a whole day yet: not counted

		ApiClient.Response recomputed = store.client().post("/api/admin/v1/inventory/forecasts/recompute", Map.of("sku", sku));
		assertThat(recomputed.status()).as(recomputed.body()).isEqualTo(200);
		assertThat(recomputed.json().get("status").asString()).isEqualTo("COMPLETED");
		JsonNode forecast = store.client().get("/api/admin/v1/inventory/forecasts?sku=" + sku).json();

		assertThat(forecast.get("history").get("start").asString()).isEqualTo(yesterday.minusDays(20).toString());
		assertThat(forecast.get("history").get("days").asInt()).isEqualTo(21);
		assertThat(forecast.get("history").get("unitsLast28Days").asInt()).isEqualTo(10);
		JsonNode recent = forecast.get("history").get("recent");
		assertThat(recent.get(119).get("units").asInt()).isEqualTo(5);
		assertThat(recent.get(99).get("units").asInt()).isEqualTo(5);
		assertThat(forecast.get("model").get("name").asString()).isEqualTo("MEAN");
		assertThat(forecast.get("model").get("reason").asString()).startsWith("Intermittent demand");
		assertThat(forecast.get("forecast").get(0).get("units").asDouble()).isCloseTo(10 / 21.0, within(0.001));
		assertThat(inventory.ledgerDiscrepancies(store.id())).isEmpty();
	}

	@Test
	void recomputingEverySkuIsOneBackgroundJobWithProgressAndTheServiceLevelChangesTheSafetyStock() throws Exception {
		Fixture store = newStore();
		String sku = store.newSku();
		String other = store.newSku();
		for (String s : List.of(sku, other)) {
			for (int day = 1; day <= 120; day++) {
				jdbc.sql("insert into inventory.demand_history (store_id, sku, day, units) values (?, ?, ?, ?)")
					.params(store.id().value(), s, java.sql.Date.valueOf(LocalDate.now(store.zone()).minusDays(day)),
							3 + day % 7)
					.update();
			}
		}
		ApiClient.Response refused = store.client().put("/api/admin/v1/inventory/forecast-settings",
				Map.of("serviceLevel", 1.5, "reviewDays", 14));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").findValuesAsString("field")).contains("serviceLevel");
		ApiClient.Response changed = store.client().put("/api/admin/v1/inventory/forecast-settings",
				Map.of("serviceLevel", 0.99, "reviewDays", 7));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);

		CompletableFuture<ApiClient.Response> first = CompletableFuture
			.supplyAsync(() -> store.client().post("/api/admin/v1/inventory/forecasts/recompute", Map.of()));
		CompletableFuture<ApiClient.Response> second = CompletableFuture
			.supplyAsync(() -> store.client().post("/api/admin/v1/inventory/forecasts/recompute", Map.of()));
		JsonNode run = first.get().json();
		JsonNode again = second.get().json();
		assertThat(first.get().status()).isEqualTo(202);
		assertThat(second.get().status()).isEqualTo(202);
		assertThat(run.get("total").asInt()).isEqualTo(2);
		if (!again.get("id").asString().equals(run.get("id").asString())) {
			// two jobs only if one had already finished when the other was queued: never two active at once
			JsonNode earlier = Instant.parse(run.get("createdAt").asString()).isBefore(Instant.parse(again.get("createdAt")
				.asString())) ? run : again;
			JsonNode later = earlier == run ? again : run;
			JsonNode done = store.client().get("/api/admin/v1/inventory/forecasts/runs/" + earlier.get("id").asString()).json();
			assertThat(Instant.parse(done.get("finishedAt").asString())).as("one store-wide job at a time")
				.isBeforeOrEqualTo(Instant.parse(later.get("createdAt").asString()));
		}

		JsonNode finished = waitUntilFinished(store.client(), run.get("id").asString());
		assertThat(finished.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(finished.get("done").asInt()).isEqualTo(2);
		assertThat(finished.get("percent").asInt()).isEqualTo(100);

		JsonNode forecast = store.client().get("/api/admin/v1/inventory/forecasts?sku=" + sku).json();
		assertThat(forecast.get("model").get("name").asString()).isEqualTo("HOLT_WINTERS");
		assertThat(forecast.get("reorder").get("z").asDouble()).isCloseTo(2.326, within(0.001));
		assertThat(forecast.get("reorder").get("reviewDays").asInt()).isEqualTo(7);
		// the series repeats exactly every week, so Holt-Winters forecasts it almost without error
		assertThat(forecast.get("model").get("mase").asDouble()).isLessThan(0.5);
		JsonNode worst = store.client().get("/api/admin/v1/inventory/forecasts/accuracy?limit=1").json();
		assertThat(worst.get("items")).hasSize(1);
		JsonNode next = store.client().get("/api/admin/v1/inventory/forecasts/accuracy?limit=1&cursor="
				+ worst.get("nextCursor").asString()).json();
		assertThat(next.get("items").get(0).get("sku").asString()).isNotEqualTo(worst.get("items").get(0).get("sku").asString());
		assertThat(worst.get("items").get(0).get("mase").asDouble())
			.isGreaterThanOrEqualTo(next.get("items").get(0).get("mase").asDouble());
	}

	@Test
	void aJobLeftRunningByANodeThatDiedIsTakenOverAndItsLateProgressIsRefused() throws Exception {
		Fixture store = newStore();
		store.newSku();
		store.newSku();
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into inventory.forecast_run (store_id, id, status, total, claimed_by, heartbeat_at, attempts, actor_type,
				  actor_id, actor_name, created_at, started_at)
				values (?, ?, 'RUNNING', 2, 'dead-node', now() - interval '10 minutes', 1, 'system', 'test', 'test',
				  now() - interval '10 minutes', now() - interval '10 minutes')""")
			.params(store.id().value(), id).update();
		worker.wakeUp();

		JsonNode finished = waitUntilFinished(store.client(), id.toString());
		assertThat(finished.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(finished.get("done").asInt()).as("each SKU counted once").isEqualTo(2);
		assertThat(runs.progress(store.id(), id, "dead-node", 1, 0, "ZZZ", 2)).as("the dead node no longer holds it").isFalse();
		assertThat(store.client().get("/api/admin/v1/inventory/forecasts/runs/" + id).json().get("done").asInt()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from inventory.forecast where store_id = ?").param(store.id().value())
			.query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	void staffOfOneStoreCannotReadOrRecomputeAnotherStoresForecasts() {
		Fixture store = newStore();
		String demoSku = bestSeller(stores.findByReference("demo").orElseThrow().id());
		ApiClient.Response read = store.client().get("/api/admin/v1/inventory/forecasts?sku=" + demoSku);
		assertThat(read.status()).isEqualTo(422);
		assertThat(read.json().get("code").asString()).isEqualTo("UNKNOWN_SKU");
		assertThat(store.client().post("/api/admin/v1/inventory/forecasts/recompute", Map.of("sku", demoSku)).status())
			.isEqualTo(422);
		String demoRun = owner.store("demo").post("/api/admin/v1/inventory/forecasts/recompute", Map.of()).json().get("id")
			.asString();
		assertThat(store.client().get("/api/admin/v1/inventory/forecasts/runs/" + demoRun).status()).isEqualTo(404);
		assertThat(store.client().store("demo").get("/api/admin/v1/inventory/forecasts?sku=" + demoSku).status())
			.isEqualTo(403);
	}

	@Test
	void readingNeedsInventoryReadAndRecomputingInventoryWrite() {
		String secret = owner.store("demo").post("/api/admin/v1/api-tokens", Map.of("name", "analyst", "role", "ANALYST"))
			.json().get("secret").asString();
		ApiClient analyst = ApiClient.at(port).bearer(secret);
		String sku = bestSeller(stores.findByReference("demo").orElseThrow().id());
		assertThat(analyst.get("/api/admin/v1/inventory/forecasts?sku=" + sku).status()).isEqualTo(200);
		assertThat(analyst.post("/api/admin/v1/inventory/forecasts/recompute", Map.of()).status()).isEqualTo(403);
		assertThat(analyst.get("/api/admin/v1/inventory/forecasts").status()).as("sku is required").isEqualTo(400);
	}

	record Fixture(StoreId id, ZoneId zone, ApiClient client, CatalogManagement catalog, InventoryManagement inventory) {

		String newSku() {
			String sku = "FC-" + UUID.randomUUID().toString().substring(0, 8);
			inventory.track(id, catalog.create(id,
					ProductDraft.of("Forecast test " + sku, ProductDraft.VariantDraft.priced(sku, Money.of("9.00", "EUR")))));
			return sku;
		}
	}

	private Fixture newStore() {
		String handle = ApiClient.unique("fc");
		JsonNode created = owner.post("/api/admin/v1/stores", Map.of("name", "Forecast " + handle, "handle", handle,
				"defaultCurrency", "EUR")).json();
		StoreId id = new StoreId(UUID.fromString(created.get("id").asString()));
		String email = ApiClient.unique("stock") + "@test.local";
		assertThat(owner.store(handle).post("/api/admin/v1/staff", Map.of("email", email, "name", "Stock keeper", "password",
				"stock-keeper-password", "role", "INVENTORY")).status()).isEqualTo(201);
		ApiClient staff = ApiClient.at(port).loggedIn(email, "stock-keeper-password");
		return new Fixture(id, stores.get(id).timezone(), staff, catalog, inventory);
	}

	/** A sale as the reservation flow records it: a SOLD movement and on hand down, together. */
	private void sell(Fixture store, String sku, int units, LocalDate day) {
		UUID location = inventory.defaultLocation(store.id()).id().value();
		Instant at = day.atTime(12, 0).atZone(store.zone()).toInstant();
		jdbc.sql("""
				insert into inventory.movement (store_id, sku, location_id, reason, on_hand_delta, actor_type, actor_id,
				  actor_name, created_at)
				values (?, ?, ?, 'SOLD', ?, 'system', 'test', 'test', ?)""")
			.params(store.id().value(), sku, location, -units, Timestamp.from(at)).update();
		jdbc.sql("update inventory.level set on_hand = on_hand - ? where store_id = ? and sku = ? and location_id = ?")
			.params(units, store.id().value(), sku, location).update();
	}

	private String bestSeller(StoreId store) {
		return jdbc.sql("""
				select sku from inventory.demand_history where store_id = ? group by sku order by sum(units) desc, sku limit 1""")
			.param(store.value()).query(String.class).single();
	}

	private int historyRows(StoreId store) {
		return jdbc.sql("select count(*) from inventory.demand_history where store_id = ?").param(store.value())
			.query(Integer.class).single();
	}

	private static JsonNode waitUntilFinished(ApiClient client, String id) throws InterruptedException {
		long deadline = System.nanoTime() + 180_000_000_000L;
		while (System.nanoTime() < deadline) {
			JsonNode run = client.get("/api/admin/v1/inventory/forecasts/runs/" + id).json();
			if (run.get("finished").asBoolean()) {
				return run;
			}
			Thread.sleep(250);
		}
		throw new AssertionError("the job did not finish in 3 minutes");
	}
}
