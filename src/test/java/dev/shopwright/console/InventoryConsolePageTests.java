package dev.shopwright.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.ProductDraft;
import dev.shopwright.inventory.CountSheet;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.Location;
import dev.shopwright.inventory.LocationDraft;
import dev.shopwright.inventory.ReserveStock;
import dev.shopwright.inventory.StockReceipt;
import dev.shopwright.inventory.Transfer;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;

/** The inventory screens as a logged-in owner sees and uses them (server-rendered HTML over HTTP). */
@ShopwrightTest
class InventoryConsolePageTests {

	@LocalServerPort
	int port;

	@Autowired
	InventoryManagement inventory;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	StoreManagement stores;

	AdminSession owner;

	StoreId store;

	@BeforeEach
	void logIn() {
		owner = AdminSession.at(port).logIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		store = stores.findByReference("demo").orElseThrow().id();
	}

	@Test
	void theStockOverviewFindsASkuAndFiltersOutOfStockOnes() {
		String stocked = newSku();
		String empty = newSku();
		inventory.receive(store, StockReceipt.of(stocked, 7, null));
		// inventory mirrors the catalog's SKUs from its events; under load the empty one's may not have arrived yet
		assertThat(inventory.stock(store, empty).onHand()).isZero();

		AdminSession.Page page = owner.open("/admin/inventory?q=" + stocked);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("data-sku=\"" + stocked + "\"").contains("Inventory");
		// one SKU per query: SKUs of earlier tests share the prefix and could push this one past the first page
		assertThat(owner.open("/admin/inventory?q=" + empty + "&filter=OUT").body()).contains("data-sku=\"" + empty + "\"");
		assertThat(owner.open("/admin/inventory?q=" + stocked + "&filter=OUT").body()).doesNotContain("data-sku=\"" + stocked + "\"");
		assertThat(owner.open("/admin").body()).contains("href=\"/admin/inventory\"");
	}

	@Test
	void theStockScreensShowCommittedUnitsNextToOnHandReservedAndAvailable() {
		String sku = newSku();
		inventory.receive(store, StockReceipt.of(sku, 9, null));
		inventory.confirm(store, inventory.reserve(store, ReserveStock.of("order-" + sku, java.time.Duration.ofMinutes(5),
				new ReserveStock.Line(sku, 4))).id());

		String overview = owner.open("/admin/inventory?q=" + sku).body();
		assertThat(overview).contains(">Committed<");
		assertThat(overview.substring(overview.indexOf("data-sku=\"" + sku + "\"")))
			.containsPattern("stock-committed\"[^>]*>4<");
		String page = owner.open("/admin/inventory/sku?sku=" + sku).body();
		assertThat(page).containsPattern("id=\"total-on-hand\"[^>]*>9<").containsPattern("id=\"total-committed\"[^>]*>4<")
			.containsPattern("id=\"total-available\"[^>]*>5<").containsPattern("level-committed\"[^>]*>4<")
			.contains("Committed to an order");
	}

	@Test
	void theValuationScreenAndApiShowStockAtAverageCostPerLocation() {
		String code = "valc-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		var location = inventory.createLocation(store, dev.shopwright.inventory.LocationDraft.named("Valued " + code, code));
		String sku = newSku();
		inventory.receive(store, new StockReceipt(sku, location.id(), null, 8, dev.shopwright.shared.Money.of("10.00", "EUR"),
				false, dev.shopwright.inventory.MovementReason.RECEIVED, null, null, null));

		String page = owner.open("/admin/inventory/valuation?locationId=" + location.id()).body();
		assertThat(page).contains("Stock valuation").contains("Valued " + code).contains("80.00 EUR").contains(sku);
		assertThat(owner.open("/admin/inventory").body()).contains("href=\"/admin/inventory/valuation\"");

		var api = dev.shopwright.testing.ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		var json = api.get("/api/admin/v1/inventory/valuation?locationId=" + location.id()).json();
		assertThat(json.get("totals").get(0).get("amount").asString()).isEqualTo("80.00");
		assertThat(json.get("skus").get(0).get("sku").asString()).isEqualTo(sku);
		assertThat(api.get("/api/admin/v1/inventory/valuation?locationId=" + java.util.UUID.randomUUID()).status())
			.isEqualTo(422);
	}

	@Test
	void theSkuPageLoadsTheDemandForecastChartOfItsSku() {
		String sku = stores.findByReference("demo").map(s -> inventory.overview(store, null,
				dev.shopwright.inventory.StockSummary.Filter.ALL, null, null, 1).items().getFirst().sku()).orElseThrow();
		String page = owner.open("/admin/inventory/sku?sku=" + sku).body();
		assertThat(page).contains("hx-get=\"/admin/inventory/forecasts/chart?sku=" + sku + "\"")
			.contains("/js/forecast-chart.js");
		String chart = owner.getHtmx("/admin/inventory/forecasts/chart?sku=" + sku).body();
		assertThat(chart).doesNotContain("<html").contains("class=\"forecast-chart\"").contains("data-chart=\"{&quot;labels&quot;");
		assertThat(owner.getHtmx("/admin/inventory/forecasts/chart?sku=NO-SUCH-SKU").body()).contains("role=\"alert\"")
			.doesNotContain("<canvas");
	}

	@Test
	void theSkuPageAdjustsStockAndRefusesABadFigureWithAFormError() {
		String sku = newSku();
		inventory.receive(store, StockReceipt.of(sku, 3, null));

		AdminSession.Page refused = owner.post("/admin/inventory/sku/adjust",
				Map.of("sku", sku, "mode", "delta", "quantity", "-5", "reason", "DAMAGED"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("class=\"alert\"").contains("would leave less than nothing");
		AdminSession.Page typo = owner.post("/admin/inventory/sku/adjust",
				Map.of("sku", sku, "mode", "delta", "quantity", "five", "reason", "ADJUSTED"));
		assertThat(typo.body()).contains("Enter a whole number");

		AdminSession.Page done = owner.follow(owner.post("/admin/inventory/sku/adjust",
				Map.of("sku", sku, "mode", "set", "quantity", "10", "reason", "ADJUSTED", "note", "recount")));
		assertThat(done.body()).contains("Stock of " + sku + " adjusted.").contains("id=\"total-on-hand\">10<");
		assertThat(inventory.stock(store, sku).onHand()).isEqualTo(10);
		assertThat(done.body()).contains("/admin/inventory/forecasts?sku=" + sku);

		owner.follow(owner.post("/admin/inventory/sku/safety-stock",
				Map.of("sku", sku, "locationId", inventory.defaultLocation(store).id().toString(), "safetyStock", "2")));
		assertThat(inventory.availableOnline(store, sku)).isEqualTo(8);
	}

	@Test
	void theLedgerLoadsMoreRowsThroughHtmx() {
		String sku = newSku();
		for (int i = 0; i < 30; i++) {
			inventory.receive(store, StockReceipt.of(sku, 1, null));
		}
		String page = owner.open("/admin/inventory/sku?sku=" + sku).body();
		assertThat(page.split("class=\"movement\"", -1)).hasSize(26);
		String next = AdminSession.unescape(page.replaceAll("(?s).*hx-get=\"([^\"]+)\".*", "$1"));

		AdminSession.Page more = owner.getHtmx(next);

		assertThat(more.status()).isEqualTo(200);
		assertThat(more.body().split("class=\"movement\"", -1)).hasSize(6);
	}

	@Test
	void locationsBinsTransfersAndReservationsHaveTheirScreens() {
		String sku = newSku();
		AdminSession.Page created = owner.follow(owner.post("/admin/inventory/locations",
				Map.of("name", "Console depot " + sku, "kind", "WAREHOUSE", "priority", "400", "fulfilsOnline", "true")));
		assertThat(created.body()).contains("Location Console depot " + sku + " created.");
		Location depot = inventory.locations(store).stream().filter(l -> l.name().equals("Console depot " + sku)).findFirst()
			.orElseThrow();
		AdminSession.Page bin = owner.follow(owner.post("/admin/inventory/locations/" + depot.id() + "/bins",
				Map.of("code", "D-01", "walkOrder", "5")));
		assertThat(bin.body()).contains("data-bin=\"D-01\"");
		assertThat(owner.post("/admin/inventory/locations", Map.of("name", "", "priority", "x")).body())
			.contains("class=\"alert\"");

		inventory.receive(store, StockReceipt.of(sku, 4, null));
		AdminSession.Page transfer = owner.follow(owner.post("/admin/inventory/transfers",
				Map.of("originId", inventory.defaultLocation(store).id().toString(), "destinationId", depot.id().toString(),
						"lines", sku + " 3")));
		assertThat(transfer.body()).contains("id=\"transfer-status\">Draft<");
		Transfer draft = inventory.transfers(store, Transfer.Status.DRAFT, null, 50).items().stream()
			.filter(t -> t.destinationId().equals(depot.id())).findFirst().orElseThrow();
		assertThat(owner.follow(owner.post("/admin/inventory/transfers/" + draft.id() + "/ship", Map.of())).body())
			.contains("id=\"transfer-status\">In transit<");
		assertThat(owner.follow(owner.post("/admin/inventory/transfers/" + draft.id() + "/receive",
				Map.of("receive[" + sku + "]", "1"))).body()).contains("Partially received");
		assertThat(owner.post("/admin/inventory/transfers", Map.of("originId", depot.id().toString(),
				"destinationId", depot.id().toString(), "lines", sku + " 1")).body())
			.contains("origin and destination are the same");

		String reference = "console-cart-" + UUID.randomUUID();
		var reservation = inventory.reserve(store, ReserveStock.of(reference, Duration.ofMinutes(5), new ReserveStock.Line(sku, 1)));
		assertThat(owner.open("/admin/inventory/reservations?reference=" + reference).body()).contains(reference);
		owner.follow(owner.post("/admin/inventory/reservations/" + reservation.id() + "/release", Map.of()));
		assertThat(inventory.reservation(store, reservation.id()).status().name()).isEqualTo("RELEASED");
	}

	@Test
	void aCountIsEnteredBlindReviewedAndApprovedAndAStaleSaveIsRefused() {
		String sku = newSku();
		Location location = inventory.createLocation(store, new LocationDraft("Count room " + sku, null,
				Location.Kind.WAREHOUSE, 500, false, true, null));
		inventory.receive(store, new StockReceipt(sku, location.id(), null, 6, null, false,
				dev.shopwright.inventory.MovementReason.RECEIVED, null, null, null));
		AdminSession.Page sheetPage = owner.follow(owner.post("/admin/inventory/counts",
				Map.of("locationId", location.id().toString(), "skus", sku)));
		assertThat(sheetPage.body()).contains("data-sku=\"" + sku + "\"").doesNotContain(">6<");
		CountSheet sheet = inventory.countSheets(store, null, 50).items().stream()
			.filter(s -> s.locationId().equals(location.id())).findFirst().orElseThrow();

		owner.follow(owner.post("/admin/inventory/counts/" + sheet.id(),
				Map.of("version", Integer.toString(sheet.version()), "counted[" + sku + "]", "5")));
		AdminSession.Page stale = owner.post("/admin/inventory/counts/" + sheet.id(),
				Map.of("version", Integer.toString(sheet.version()), "counted[" + sku + "]", "9"));
		assertThat(stale.body()).contains("was saved by someone else meanwhile");

		String review = owner.open("/admin/inventory/counts/" + sheet.id() + "/review").body();
		assertThat(review).contains(">6<").contains(">-1<");
		owner.follow(owner.post("/admin/inventory/counts/" + sheet.id() + "/approve",
				Map.of("version", Integer.toString(sheet.version() + 1))));
		assertThat(inventory.stock(store, sku).onHand()).isEqualTo(5);
		assertThat(owner.open("/admin/inventory/counts").status()).isEqualTo(200);
	}

	private String newSku() {
		String sku = ApiClient.unique("INVC-");
		catalog.create(store, ProductDraft.of("Console stock " + sku,
				ProductDraft.VariantDraft.priced(sku, Money.of("5.00", "EUR"))));
		return sku;
	}

}
