package dev.shopwright.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.fulfillment.FulfillmentFixtures;
import dev.shopwright.fulfillment.FulfillmentFixtures.Line;
import dev.shopwright.fulfillment.FulfillmentManagement;
import dev.shopwright.fulfillment.FulfillmentOrder;
import dev.shopwright.fulfillment.Shipment;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.Location;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.ShopwrightTest;

/** The fulfilment screens as a logged-in owner uses them (server-rendered HTML and htmx fragments over HTTP). */
@ShopwrightTest
class FulfillmentConsoleTests {

	@LocalServerPort
	int port;

	@Autowired
	FulfillmentManagement fulfillment;

	@Autowired
	InventoryManagement inventory;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	StoreManagement stores;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactionManager;

	FulfillmentFixtures fixtures;

	AdminSession owner;

	StoreId store;

	@BeforeEach
	void setUp() {
		fixtures = new FulfillmentFixtures(catalog, stores, inventory, fulfillment, events, transactionManager);
		owner = AdminSession.at(port).logIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		store = fixtures.demo();
	}

	@Test
	void theQueueFiltersAndAFulfilmentOrderCanBeMovedAndPartlyCancelled() {
		String a = fixtures.newSku(store);
		String b = fixtures.newSku(store);
		Location main = fixtures.newLocation(store, 20, "DE", null);
		Location other = fixtures.newLocation(store, 30, "DE", null);
		fixtures.stock(store, main, a, 5, null);
		fixtures.stock(store, main, b, 5, null);
		FulfillmentFixtures.Placed placed = fixtures.place(store, "DE", LocalDate.now().minusDays(2), new Line(a, 2), new Line(b, 2));
		UUID foId = placed.only().id();

		AdminSession.Page ready = owner.get("/admin/fulfillment?filter=READY&location=" + main.id());
		assertThat(ready.status()).isEqualTo(200);
		assertThat(ready.body()).contains(placed.event().orderNumber()).contains("Late");
		assertThat(owner.get("/admin/fulfillment?filter=ON_HOLD&location=" + main.id()).body())
			.doesNotContain(placed.event().orderNumber());

		AdminSession.Page cancelled = owner.follow(owner.post("/admin/fulfillment/orders/" + foId + "/cancel-lines",
				Map.of("cancel-" + placed.lineId(a), "1")));
		assertThat(cancelled.body()).contains("Lines cancelled.");
		AdminSession.Page refused = owner.follow(owner.post("/admin/fulfillment/orders/" + foId + "/cancel-lines",
				Map.of("cancel-" + placed.lineId(a), "9")));
		assertThat(refused.body()).contains("9 to cancel, 1 not yet shipped");

		AdminSession.Page moved = owner.follow(owner.postAll("/admin/fulfillment/orders/" + foId + "/reallocate",
				List.of(Map.entry("locationId", other.id().toString()), Map.entry("lineIds", placed.lineId(b).toString()))));
		assertThat(moved.body()).contains("Lines moved.");
		List<FulfillmentOrder> now = fulfillment.fulfillmentOrders(store, placed.orderId());
		assertThat(now).hasSize(2);
		assertThat(now).anySatisfy(fo -> assertThat(fo.locationId()).isEqualTo(other.id().value()));
	}

	@Test
	void aPickListIsBatchedPrintedAndThePackingStationShipsTheParcel() {
		String a = fixtures.newSku(store);
		Location main = fixtures.newLocation(store, 20, "DE", null);
		inventory.createBin(store, main.id(), "B-02", 20);
		fixtures.stock(store, main, a, 5, "B-02");
		FulfillmentFixtures.Placed placed = fixtures.place(store, "DE", null, new Line(a, 1));
		UUID foId = placed.only().id();

		AdminSession.Page batch = owner.postAll("/admin/fulfillment/pick-lists", List.of(
				Map.entry("locationId", main.id().toString()), Map.entry("fulfillmentOrderIds", foId.toString())));
		assertThat(batch.isRedirect()).as(batch.toString()).isTrue();
		AdminSession.Page pickList = owner.follow(batch);
		assertThat(pickList.body()).contains("B-02").contains(a).contains(placed.event().orderNumber());
		assertThat(owner.get("/admin/fulfillment/pick-lists").body()).contains(placed.event().orderNumber());
		assertThat(owner.get(String.valueOf(batch.location()) + "/pdf").status()).isEqualTo(200);

		AdminSession.Page station = owner.get("/admin/fulfillment/packing/" + foId);
		assertThat(station.body()).contains("id=\"scan-form\"").contains(a);
		AdminSession.Page wrong = owner.post("/admin/fulfillment/packing/" + foId + "/scan", Map.of("code", "NOT-ON-IT"));
		assertThat(wrong.body()).contains("Wrong item: NOT-ON-IT is not on order");
		AdminSession.Page right = owner.post("/admin/fulfillment/packing/" + foId + "/scan", Map.of("code", a));
		assertThat(right.body()).contains("Packed 1 × " + a).contains("Everything is packed.");

		AdminSession.Page badWeight = owner.post("/admin/fulfillment/packing/" + foId + "/ship", Map.of("weightGrams", "heavy",
				"lengthCm", "20", "widthCm", "20", "heightCm", "10", "carrierService", "sandbox:ground"));
		assertThat(badWeight.status()).isEqualTo(200);
		assertThat(badWeight.body()).contains("A whole number from 1 to 1000000");
		AdminSession.Page shipped = owner.post("/admin/fulfillment/packing/" + foId + "/ship", Map.of("weightGrams", "700",
				"lengthCm", "20", "widthCm", "20", "heightCm", "10", "carrierService", "sandbox:ground"));
		assertThat(shipped.isRedirect()).as(shipped.toString()).isTrue();
		AdminSession.Page shipment = owner.follow(shipped);
		Shipment recorded = fulfillment.shipmentsOfOrder(store, placed.orderId()).get(0);
		assertThat(shipment.body()).contains(recorded.trackingNumber()).contains("Label created").contains("Sandbox Ground");
		assertThat(owner.get("/admin/fulfillment/shipments").body()).contains(recorded.trackingNumber());
		assertThat(owner.get("/admin/fulfillment/shipments/" + recorded.id() + "/label").status()).isEqualTo(200);
	}

	@Test
	void carrierSettingsTakeTableRatesAndRefuseBadOnes() {
		AdminSession.Page page = owner.get("/admin/settings/carriers");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Sandbox Parcel").contains("Express courier");
		String service = "svc-" + UUID.randomUUID().toString().substring(0, 6);
		AdminSession.Page saved = owner.follow(owner.post("/admin/settings/carriers/courier/rates", Map.of("service", service,
				"serviceName", "Courier Next Day", "zone", "Benelux", "countries", "NL, BE", "maxGrams", "3000",
				"price", "11.50", "transitDays", "1")));
		assertThat(saved.body()).contains("Rate saved.").contains("Courier Next Day").contains("NL, BE");
		AdminSession.Page refused = owner.follow(owner.post("/admin/settings/carriers/courier/rates", Map.of("service", service,
				"serviceName", "Courier", "zone", "Benelux", "countries", "Netherlands", "maxGrams", "3000", "price", "1",
				"transitDays", "1")));
		assertThat(refused.body()).contains("Two-letter country codes");
		fulfillment.carrierSettings(store).stream().filter(c -> c.code().equals("courier")).findFirst().orElseThrow()
			.rates().stream().filter(r -> r.service().equals(service)).forEach(r -> fulfillment.deleteRate(store, r.id()));
	}
}
