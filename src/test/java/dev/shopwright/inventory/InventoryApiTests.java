package dev.shopwright.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ApiClient.Response;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

@ShopwrightTest
class InventoryApiTests {

	@LocalServerPort
	int port;

	@Autowired
	InventoryManagement inventory;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	StoreManagement stores;

	InventoryFixtures fixtures;

	StoreId store;

	ApiClient owner;

	@BeforeEach
	void logIn() {
		fixtures = new InventoryFixtures(catalog, stores);
		store = fixtures.demo();
		owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD).store("demo");
	}

	@Test
	void anAdjustmentWithoutALocationGoesToTheDefaultOneAndShowsInLevelsAndTheLedger() {
		String sku = fixtures.newSku(store);

		Response added = owner.post("/api/admin/v1/inventory/adjustments", Map.of("sku", sku, "delta", 12, "reason", "RECEIVED"));
		Response set = owner.post("/api/admin/v1/inventory/adjustments", Map.of("sku", sku, "set", 10, "note", "recount"));

		assertThat(added.status()).isEqualTo(200);
		assertThat(set.json().get("onHand").asInt()).isEqualTo(10);
		JsonNode levels = owner.get("/api/admin/v1/inventory/levels?sku=" + sku).json().get("stock");
		assertThat(levels.get("onHand").asInt()).isEqualTo(10);
		assertThat(levels.get("levels").get(0).get("locationId").asString())
			.isEqualTo(inventory.defaultLocation(store).id().toString());
		Response firstPage = owner.get("/api/admin/v1/inventory/movements?sku=" + sku + "&limit=1");
		assertThat(firstPage.json().get("items").get(0).get("onHandDelta").asInt()).isEqualTo(-2);
		String cursor = firstPage.json().get("nextCursor").asString();
		Response secondPage = owner.get("/api/admin/v1/inventory/movements?sku=" + sku + "&limit=1&cursor=" + cursor);
		assertThat(secondPage.json().get("items").get(0).get("onHandDelta").asInt()).isEqualTo(12);
		assertThat(secondPage.json().get("nextCursor").isNull()).isTrue();
	}

	@Test
	void badAdjustmentsAreProblemsWithTheirCodeAndChangeNothing() {
		String sku = fixtures.newSku(store);
		owner.post("/api/admin/v1/inventory/adjustments", Map.of("sku", sku, "delta", 2));

		assertProblem(owner.post("/api/admin/v1/inventory/adjustments", Map.of("sku", sku, "delta", -3)), 409,
				"STOCK_WOULD_GO_NEGATIVE");
		assertProblem(owner.post("/api/admin/v1/inventory/adjustments", Map.of("sku", sku, "delta", 5_000_000)), 400, null);
		assertProblem(owner.post("/api/admin/v1/inventory/adjustments", Map.of("sku", "NOPE-" + sku, "delta", 1)), 422,
				"UNKNOWN_SKU");
		assertProblem(owner.post("/api/admin/v1/inventory/adjustments",
				Map.of("sku", sku, "delta", 1, "locationId", UUID.randomUUID().toString())), 422, "UNKNOWN_LOCATION");
		assertProblem(owner.sendRaw("POST", "/api/admin/v1/inventory/adjustments", "application/json",
				"{\"sku\":\"" + sku + "\",\"delta\":\"lots\"}"), 400, null);

		assertThat(inventory.stock(store, sku).onHand()).isEqualTo(2);
		assertThat(inventory.movements(store, sku, null, 10).items()).hasSize(1);
	}

	@Test
	void reservationsAreCreatedConfirmedAndReleasedThroughTheApi() {
		String sku = fixtures.newSku(store);
		inventory.receive(store, StockReceipt.of(sku, 3, null));
		String reference = "cart-" + UUID.randomUUID();

		Response created = owner.with("Idempotency-Key", UUID.randomUUID().toString())
			.post("/api/admin/v1/inventory/reservations",
					Map.of("reference", reference, "lines", List.of(Map.of("sku", sku, "quantity", 2)), "ttlSeconds", 600));
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(created.json().get("status").asString()).isEqualTo("ACTIVE");
		assertThat(created.json().get("lines").get(0).get("allocations").get(0).get("quantity").asInt()).isEqualTo(2);

		Response short_ = owner.post("/api/admin/v1/inventory/reservations", Map.of("reference", "cart-" + UUID.randomUUID(),
				"lines", List.of(Map.of("sku", sku, "quantity", 2)), "ttlSeconds", 600));
		assertProblem(short_, 409, "INSUFFICIENT_STOCK");
		assertThat(short_.json().get("errors").get(0).get("field").asString()).isEqualTo("lines[0].quantity");
		assertProblem(owner.post("/api/admin/v1/inventory/reservations", Map.of("reference", "x",
				"lines", List.of(Map.of("sku", sku, "quantity", -1)), "ttlSeconds", 600)), 400, null);

		assertThat(owner.get("/api/admin/v1/inventory/reservations/" + id).json().get("reference").asString()).isEqualTo(reference);
		assertThat(owner.get("/api/admin/v1/inventory/reservations?reference=" + reference).json().get("items")).hasSize(1);
		assertThat(owner.post("/api/admin/v1/inventory/reservations/" + id + "/confirm", Map.of()).json().get("status").asString())
			.isEqualTo("CONFIRMED");
		assertProblem(owner.post("/api/admin/v1/inventory/reservations/" + id + "/release", Map.of()), 409,
				"RESERVATION_NOT_ACTIVE");
		// confirmed units are committed: on hand until shipped, in the stock answer as committed
		assertThat(inventory.stock(store, sku).onHand()).isEqualTo(3);
		Response levels = owner.get("/api/admin/v1/inventory/levels?sku=" + sku);
		assertThat(levels.json().get("stock").get("committed").asInt()).isEqualTo(2);
		assertThat(levels.json().get("stock").get("levels").get(0).get("committed").asInt()).isEqualTo(2);
		assertThat(levels.json().get("stock").get("availableOnline").asInt()).isEqualTo(1);
	}

	@Test
	void anIdempotencyKeyReplaysAnAdjustmentInsteadOfApplyingItTwice() {
		String sku = fixtures.newSku(store);
		ApiClient keyed = owner.with("Idempotency-Key", UUID.randomUUID().toString());

		Response first = keyed.post("/api/admin/v1/inventory/adjustments", Map.of("sku", sku, "delta", 4));
		Response replay = keyed.post("/api/admin/v1/inventory/adjustments", Map.of("sku", sku, "delta", 4));

		assertThat(replay.status()).isEqualTo(first.status());
		assertThat(replay.body()).isEqualTo(first.body());
		assertThat(inventory.stock(store, sku).onHand()).isEqualTo(4);
	}

	@Test
	void locationsBinsTransfersAndCountsWorkThroughTheApi() {
		String sku = fixtures.newSku(store);
		Response created = owner.post("/api/admin/v1/inventory/locations",
				Map.of("name", "API shop " + sku, "kind", "SHOP", "priority", 300, "fulfilsOnline", false));
		assertThat(created.status()).isEqualTo(201);
		String shop = created.json().get("id").asString();
		String main = inventory.defaultLocation(store).id().toString();
		assertThat(owner.post("/api/admin/v1/inventory/locations/" + shop + "/bins", Map.of("code", "S-1", "walkOrder", 1))
			.status()).isEqualTo(201);
		assertProblem(owner.post("/api/admin/v1/inventory/locations/" + shop + "/bins", Map.of("code", "S-1", "walkOrder", 2)),
				422, "BIN_CODE_TAKEN");
		assertThat(owner.patch("/api/admin/v1/inventory/locations/" + shop, Map.of("priority", 301)).json().get("priority")
			.asInt()).isEqualTo(301);
		owner.post("/api/admin/v1/inventory/adjustments", Map.of("sku", sku, "delta", 5));

		assertProblem(owner.post("/api/admin/v1/inventory/transfers", Map.of("originId", main, "destinationId", main,
				"lines", List.of(Map.of("sku", sku, "quantity", 1)))), 422, "TRANSFER_TO_SAME_LOCATION");
		Response transfer = owner.post("/api/admin/v1/inventory/transfers", Map.of("originId", main, "destinationId", shop,
				"lines", List.of(Map.of("sku", sku, "quantity", 3))));
		assertThat(transfer.status()).isEqualTo(201);
		String transferPath = "/api/admin/v1/inventory/transfers/" + transfer.json().get("id").asString();
		assertThat(owner.post(transferPath + "/ship", Map.of()).json().get("status").asString()).isEqualTo("IN_TRANSIT");
		assertThat(owner.post(transferPath + "/receive", Map.of("binCode", "S-1")).json().get("status").asString())
			.isEqualTo("RECEIVED");
		assertProblem(owner.post(transferPath + "/receive", Map.of()), 409, "TRANSFER_STATUS_CONFLICT");
		assertThat(owner.get("/api/admin/v1/inventory/locations/" + shop + "/bins").json().get(0).get("contents").get(0)
			.get("quantity").asInt()).isEqualTo(3);
		assertProblem(owner.delete("/api/admin/v1/inventory/locations/" + shop), 409, "LOCATION_IN_USE");

		Response sheet = owner.post("/api/admin/v1/inventory/counts", Map.of("locationId", shop, "binCode", "S-1"));
		assertThat(sheet.status()).isEqualTo(201);
		assertThat(sheet.json().get("lines").get(0).get("expected").isNull()).as("blind").isTrue();
		String sheetPath = "/api/admin/v1/inventory/counts/" + sheet.json().get("id").asString();
		int version = sheet.json().get("version").asInt();
		Response mine = owner.put(sheetPath + "/counts", Map.of("version", version, "counts", Map.of(sku, 2)));
		Response theirs = owner.put(sheetPath + "/counts", Map.of("version", version, "counts", Map.of(sku, 7)));
		assertThat(mine.status()).isEqualTo(200);
		assertProblem(theirs, 409, "COUNT_SHEET_CHANGED");
		Response approved = owner.post(sheetPath + "/approve", Map.of("version", mine.json().get("version").asInt()));
		assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
		assertThat(approved.json().get("lines").get(0).get("variance").asInt()).isEqualTo(-1);
		assertThat(inventory.stock(store, sku).onHand()).isEqualTo(4);
		assertThat(inventory.ledgerDiscrepancies(store)).isEmpty();
	}

	@Test
	void staffOfOneStoreCannotReadOrChangeAnothersStock() {
		String sku = fixtures.newSku(store);
		inventory.receive(store, StockReceipt.of(sku, 5, null));
		Reservation reservation = inventory.reserve(store, ReserveStock.of("cart-" + UUID.randomUUID(),
				java.time.Duration.ofMinutes(5), new ReserveStock.Line(sku, 1)));
		Response token = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD)
			.store("outlet")
			.post("/api/admin/v1/api-tokens", Map.of("name", "Outlet stock " + sku, "role", "INVENTORY"));
		assertThat(token.status()).isEqualTo(201);
		ApiClient outletStaff = ApiClient.at(port).bearer(token.json().get("secret").asString());

		assertThat(outletStaff.get("/api/admin/v1/inventory/levels?sku=" + sku).status()).isEqualTo(422);
		assertThat(outletStaff.store("demo").get("/api/admin/v1/inventory/levels?sku=" + sku).status()).isIn(403, 422);
		assertThat(outletStaff.post("/api/admin/v1/inventory/adjustments", Map.of("sku", sku, "delta", -5)).status())
			.isEqualTo(422);
		assertThat(outletStaff.get("/api/admin/v1/inventory/reservations/" + reservation.id()).status()).isEqualTo(404);
		assertThat(outletStaff.post("/api/admin/v1/inventory/reservations/" + reservation.id() + "/release", Map.of()).status())
			.isEqualTo(404);
		assertThat(outletStaff.get("/api/admin/v1/inventory/stock?q=" + sku).json().get("items")).isEmpty();

		assertThat(inventory.stock(store, sku).onHand()).isEqualTo(5);
		assertThat(inventory.reservation(store, reservation.id()).status()).isEqualTo(Reservation.Status.ACTIVE);
	}

	@Test
	void theStoreApiTellsShoppersWhatIsAvailableOnline() {
		String sku = fixtures.newSku(store);
		inventory.receive(store, StockReceipt.of(sku, 4, null));
		ApiClient shopper = ApiClient.at(port).store("demo");

		JsonNode availability = shopper.get("/api/store/v1/availability?sku=" + sku).json();

		assertThat(availability.get("availableOnline").asInt()).isEqualTo(4);
		assertThat(availability.get("purchasable").asBoolean()).isTrue();
		assertThat(shopper.get("/api/admin/v1/inventory/levels?sku=" + sku).status()).isEqualTo(401);

		ApiClient.Response blank = shopper.get("/api/store/v1/availability?sku=");
		assertThat(blank.status()).as("a blank SKU is bad input, never a 5xx").isEqualTo(400);
		assertThat(blank.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
		assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("sku");
	}

	@Test
	void theOpenApiDocumentDescribesTheInventoryApi() {
		JsonNode paths = ApiClient.at(port).get("/api/openapi.json").json().get("paths");
		for (String path : List.of("/api/admin/v1/inventory/levels", "/api/admin/v1/inventory/adjustments",
				"/api/admin/v1/inventory/movements", "/api/admin/v1/inventory/transfers", "/api/admin/v1/inventory/counts",
				"/api/admin/v1/inventory/locations", "/api/admin/v1/inventory/reservations",
				"/api/admin/v1/inventory/reservations/{id}/confirm", "/api/store/v1/availability")) {
			assertThat(paths.has(path)).as(path).isTrue();
		}
		assertThat(paths.get("/api/admin/v1/inventory/reservations").get("post").get("responses").has("409")).isTrue();
		// stock answers carry committed units (sold, not shipped) next to on hand, reserved and available
		JsonNode schemas = ApiClient.at(port).get("/api/openapi.json").json().get("components").get("schemas");
		for (String schema : List.of("StockLevel", "SkuStock", "StockSummary")) {
			assertThat(schemas.get(schema).get("properties").has("committed")).as(schema).isTrue();
		}
		assertThat(schemas.get("StockMovement").get("properties").has("committedDelta")).isTrue();
	}

	private static void assertProblem(Response response, int status, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		if (code != null) {
			assertThat(response.json().get("code").asString()).isEqualTo(code);
		}
	}
}
