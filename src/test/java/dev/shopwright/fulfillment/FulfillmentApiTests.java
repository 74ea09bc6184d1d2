package dev.shopwright.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.fulfillment.FulfillmentFixtures.Line;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.Location;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import dev.shopwright.testing.TestMail;
import tools.jackson.databind.JsonNode;

/** The Admin API of fulfilment over HTTP: shipping, PDFs, signed tracking webhooks, emails, store isolation. */
@ShopwrightTest
class FulfillmentApiTests {

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

	StoreId store;

	ApiClient owner;

	static final Map<String, Object> BOX = Map.of("weightGrams", 800, "lengthCm", 30, "widthCm", 20, "heightCm", 10);

	@BeforeEach
	void setUp() {
		fixtures = new FulfillmentFixtures(catalog, stores, inventory, fulfillment, events, transactionManager);
		store = fixtures.demo();
		owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD).store("demo");
	}

	@Test
	void shippingThroughTheApiMakesALabelWhoseBarcodeReadsBackAndMailsTheShopper() throws Exception {
		String sku = fixtures.newSku(store);
		Location main = fixtures.newLocation(store, 20, "DE", null);
		fixtures.stock(store, main, sku, 5, null);
		FulfillmentFixtures.Placed placed = fixtures.place(store, "DE", LocalDate.now().plusDays(5), new Line(sku, 2));
		FulfillmentOrder fo = placed.only();

		JsonNode listed = owner.get("/api/admin/v1/orders/" + placed.orderId() + "/fulfillments").json();
		assertThat(listed.get("fulfillmentOrders").get(0).get("id").asString()).isEqualTo(fo.id().toString());

		ApiClient.Response tooMany = owner.post("/api/admin/v1/orders/" + placed.orderId() + "/shipments", Map.of(
				"fulfillmentOrderId", fo.id(), "parcel", BOX,
				"lines", List.of(Map.of("lineId", placed.lineId(sku), "quantity", 3))));
		assertProblem(tooMany, 409, "QUANTITY_EXCEEDS_REMAINING");
		ApiClient.Response unpacked = owner.post("/api/admin/v1/orders/" + placed.orderId() + "/shipments", Map.of(
				"fulfillmentOrderId", fo.id(), "parcel", BOX));
		assertProblem(unpacked, 422, "NOTHING_TO_SHIP");

		ApiClient.Response scanned = owner.post("/api/admin/v1/fulfillment-orders/" + fo.id() + "/scans", Map.of("code", sku));
		assertThat(scanned.json().get("outcome").asString()).isEqualTo("PACKED");
		owner.post("/api/admin/v1/fulfillment-orders/" + fo.id() + "/scans", Map.of("code", sku));
		ApiClient.Response shipped = owner.post("/api/admin/v1/orders/" + placed.orderId() + "/shipments", Map.of(
				"fulfillmentOrderId", fo.id(), "carrier", "sandbox", "service", "ground", "parcel", BOX));
		assertThat(shipped.status()).as(shipped.body()).isEqualTo(201);
		String shipmentId = shipped.json().get("id").asString();
		String tracking = shipped.json().get("trackingNumber").asString();
		assertThat(tracking).startsWith("SBXG");
		assertThat(shipped.json().get("rate").get("currency").asString()).isEqualTo("EUR");

		ApiClient.Response labelResponse = owner.get("/api/admin/v1/shipments/" + shipmentId + "/label");
		assertThat(labelResponse.status()).isEqualTo(200);
		assertThat(labelResponse.contentType()).startsWith("application/pdf");
		byte[] label = fulfillment.labelPdf(store, UUID.fromString(shipmentId));
		assertThat(PdfText.pageSize(label)).containsExactly(288f, 432f);
		String text = PdfText.of(label);
		assertThat(text).contains("Ada Lovelace").contains("12 Analytical Street").contains("SANDBOX GROUND")
			.contains("Portville").contains(tracking);
		assertThat(PdfText.code128(label)).isEqualTo(tracking);

		MimeMessage mail = TestMail.await(placed.event().email(), 1).get(0);
		assertThat(mail.getSubject()).contains(placed.event().orderNumber()).contains("shipped");
		String body = String.valueOf(mail.getContent());
		assertThat(body).contains(tracking).contains("/api/store/v1/tracking/sandbox/" + tracking);

		JsonNode publicTracking = ApiClient.at(port).store("demo").get("/api/store/v1/tracking/sandbox/" + tracking).json();
		assertThat(publicTracking.get("status").asString()).isEqualTo("LABEL_CREATED");
		assertThat(publicTracking.has("email")).isFalse();
	}

	@Test
	void signedTrackingEventsMoveTheShipmentAndABadSignatureChangesNothing() throws Exception {
		String sku = fixtures.newSku(store);
		Location main = fixtures.newLocation(store, 20, "DE", null);
		fixtures.stock(store, main, sku, 5, null);
		FulfillmentFixtures.Placed placed = fixtures.place(store, "DE", LocalDate.now().plusDays(5), new Line(sku, 1));
		Shipment shipment = fulfillment.ship(store, placed.only().id(), new ShipOrder("sandbox", "ground", null,
				new Parcel(500, 20, 20, 10), List.of(new ShipOrder.LineQuantity(placed.lineId(sku), 1)), null));
		JsonNode carrier = owner.post("/api/admin/v1/carriers/sandbox/webhook-secret", Map.of()).json();
		String secret = carrier.get("webhookSecret").asString();
		ApiClient anonymous = ApiClient.at(port).store("demo");
		String path = "/api/admin/v1/carriers/sandbox/tracking-events";

		String inTransit = ApiClient.JSON.writeValueAsString(Map.of("eventId", "e-1", "trackingNumber", shipment.trackingNumber(),
				"status", "IN_TRANSIT", "description", "Departed hub", "place", "Leipzig", "occurredAt", Instant.now().toString()));
		ApiClient.Response forged = anonymous.with(TrackingSignatures.HEADER, TrackingSignatures.sign("whsec_wrong", inTransit,
				Instant.now())).sendRaw("POST", path, "application/json", inTransit);
		assertProblem(forged, 401, "INVALID_SIGNATURE");
		ApiClient.Response unsigned = anonymous.sendRaw("POST", path, "application/json", inTransit);
		assertProblem(unsigned, 401, "INVALID_SIGNATURE");
		assertThat(fulfillment.shipment(store, shipment.id()).status()).isEqualTo(ShipmentStatus.LABEL_CREATED);
		assertThat(fulfillment.shipment(store, shipment.id()).timeline()).hasSize(1);

		ApiClient.Response applied = anonymous.with(TrackingSignatures.HEADER, TrackingSignatures.sign(secret, inTransit,
				Instant.now())).sendRaw("POST", path, "application/json", inTransit);
		assertThat(applied.status()).as(applied.body()).isEqualTo(200);
		assertThat(applied.json().get("status").asString()).isEqualTo("IN_TRANSIT");
		anonymous.with(TrackingSignatures.HEADER, TrackingSignatures.sign(secret, inTransit, Instant.now()))
			.sendRaw("POST", path, "application/json", inTransit);
		assertThat(fulfillment.shipment(store, shipment.id()).timeline()).as("a redelivered event is recorded once").hasSize(2);

		String delivered = ApiClient.JSON.writeValueAsString(Map.of("eventId", "e-2", "trackingNumber", shipment.trackingNumber(),
				"status", "DELIVERED", "description", "Delivered to the front door", "occurredAt", Instant.now().plusSeconds(60).toString()));
		assertThat(anonymous.with(TrackingSignatures.HEADER, TrackingSignatures.sign(secret, delivered, Instant.now()))
			.sendRaw("POST", path, "application/json", delivered).status()).isEqualTo(200);
		Shipment after = fulfillment.shipment(store, shipment.id());
		assertThat(after.status()).isEqualTo(ShipmentStatus.DELIVERED);
		assertThat(after.onTime()).isTrue();
		List<MimeMessage> mails = TestMail.await(placed.event().email(), 2);
		assertThat(mails).extracting(MimeMessage::getSubject).anySatisfy(s -> assertThat(s).contains("was delivered"));

		ApiClient.Response otherStore = ApiClient.at(port).store("outlet").with(TrackingSignatures.HEADER,
				TrackingSignatures.sign(secret, inTransit, Instant.now())).sendRaw("POST", path, "application/json", inTransit);
		assertThat(otherStore.status()).as("the secret of one store does not open another's").isIn(401, 404);
	}

	@Test
	void internationalParcelsNeedCustomsFieldsWhichThePackingSlipShows() {
		String sku = fixtures.newSku(store);
		Location main = fixtures.newLocation(store, 20, "DE", null);
		fixtures.stock(store, main, sku, 5, null);
		FulfillmentFixtures.Placed placed = fixtures.place(store, "US", null, new Line(sku, 1));
		UUID foId = placed.only().id();
		Map<String, Object> line = Map.of("lineId", placed.lineId(sku), "quantity", 1);

		ApiClient.Response missing = owner.post("/api/admin/v1/orders/" + placed.orderId() + "/shipments", Map.of(
				"fulfillmentOrderId", foId, "carrier", "sandbox", "parcel", BOX, "lines", List.of(line)));
		if (missing.status() != 201) {
			assertProblem(missing, 422, "CUSTOMS_INFORMATION_MISSING");
		}
		else {
			throw new AssertionError("shipped abroad without customs fields: " + missing.body());
		}
		ApiClient.Response shipped = owner.post("/api/admin/v1/orders/" + placed.orderId() + "/shipments", Map.of(
				"fulfillmentOrderId", foId, "carrier", "sandbox", "parcel", BOX, "lines", List.of(line),
				"customs", List.of(Map.of("sku", sku, "hsCode", "610910", "originCountry", "PT"))));
		assertThat(shipped.status()).as(shipped.body()).isEqualTo(201);
		assertThat(shipped.json().get("international").asBoolean()).isTrue();
		String slip = PdfText.of(fulfillment.packingSlipPdf(store, UUID.fromString(shipped.json().get("id").asString())));
		assertThat(slip).contains("610910").contains("PT").contains("12.50").contains("Commercial invoice");
	}

	@Test
	void tableRatesPriceByZoneAndWeightAndRateShoppingTakesTheCheapest() {
		String handle = ApiClient.unique("rates");
		JsonNode created = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD)
			.post("/api/admin/v1/stores", Map.of("name", "Rates Store", "handle", handle, "defaultCurrency", "EUR")).json();
		StoreId ratesStore = StoreId.of(created.get("id").asString());
		ApiClient api = owner.store(handle);
		assertThat(api.put("/api/admin/v1/carriers/post", Map.of("enabled", true)).status()).isEqualTo(200);
		assertThat(api.post("/api/admin/v1/carriers/post/rates", Map.of("service", "standard", "serviceName", "Post Standard",
				"zone", "Domestic", "countries", List.of("DE"), "maxGrams", 1000, "price", "3.90", "transitDays", 2)).status())
			.isEqualTo(201);
		api.post("/api/admin/v1/carriers/post/rates", Map.of("service", "standard", "serviceName", "Post Standard",
				"zone", "Domestic", "countries", List.of("DE"), "maxGrams", 5000, "price", "6.90", "transitDays", 2));
		api.post("/api/admin/v1/carriers/post/rates", Map.of("service", "standard", "serviceName", "Post Standard",
				"zone", "World", "countries", List.of(), "maxGrams", 5000, "price", "19.00", "transitDays", 6));
		assertProblem(api.post("/api/admin/v1/carriers/post/rates", Map.of("service", "Bad Code", "serviceName", "x",
				"zone", "z", "countries", List.of("DEU"), "maxGrams", 0, "price", "-1", "transitDays", 2)), 400, null);

		String sku = fixtures.newSku(ratesStore);
		Location main = fixtures.newLocation(ratesStore, 20, "DE", null);
		fixtures.stock(ratesStore, main, sku, 5, null);
		FulfillmentFixtures.Placed placed = fixtures.place(ratesStore, "DE", null, new Line(sku, 1));
		JsonNode light = api.post("/api/admin/v1/fulfillment-orders/" + placed.only().id() + "/rates",
				Map.of("weightGrams", 800, "lengthCm", 10, "widthCm", 10, "heightCm", 10)).json();
		assertThat(light.get(0).get("carrier").asString()).isEqualTo("post");
		assertThat(light.get(0).get("price").get("amount").asString()).isEqualTo("3.90");
		JsonNode heavy = api.post("/api/admin/v1/fulfillment-orders/" + placed.only().id() + "/rates",
				Map.of("weightGrams", 2500, "lengthCm", 10, "widthCm", 10, "heightCm", 10)).json();
		assertThat(heavy.findValuesAsString("carrier")).contains("post");
		assertThat(heavy.get(0).get("price").get("amount").asString()).isEqualTo("6.90");

		Shipment shipment = fulfillment.ship(ratesStore, placed.only().id(), new ShipOrder(null, null, null,
				new Parcel(800, 10, 10, 10), List.of(new ShipOrder.LineQuantity(placed.lineId(sku), 1)), null));
		assertThat(shipment.carrier()).isEqualTo("post");
		assertThat(shipment.trackingNumber()).startsWith("PO");
	}

	@Test
	void oneStoresStaffCannotSeeOrTouchAnotherStoresFulfilment() {
		String sku = fixtures.newSku(store);
		Location main = fixtures.newLocation(store, 20, "DE", null);
		fixtures.stock(store, main, sku, 5, null);
		FulfillmentFixtures.Placed placed = fixtures.place(store, "DE", null, new Line(sku, 1));
		UUID foId = placed.only().id();
		Shipment shipment = fulfillment.ship(store, foId, new ShipOrder("sandbox", "ground", null, new Parcel(500, 20, 20, 10),
				List.of(new ShipOrder.LineQuantity(placed.lineId(sku), 1)), null));
		ApiClient outlet = owner.store("outlet");

		assertProblem(outlet.get("/api/admin/v1/fulfillment-orders/" + foId), 404, "NOT_FOUND");
		assertProblem(outlet.post("/api/admin/v1/fulfillment-orders/" + foId + "/scans", Map.of("code", sku)), 404, "NOT_FOUND");
		assertProblem(outlet.get("/api/admin/v1/shipments/" + shipment.id()), 404, "NOT_FOUND");
		assertThat(outlet.get("/api/admin/v1/shipments/" + shipment.id() + "/label").status()).isEqualTo(404);
		assertThat(outlet.get("/api/admin/v1/orders/" + placed.orderId() + "/fulfillments").json().get("fulfillmentOrders")).isEmpty();
		assertThat(outlet.get("/api/admin/v1/shipments?limit=250").body()).doesNotContain(shipment.id().toString());
		assertThat(outlet.get("/api/admin/v1/fulfillment-orders?filter=ALL&limit=250").body()).doesNotContain(foId.toString());
		assertThat(ApiClient.at(port).store("outlet").get("/api/store/v1/tracking/sandbox/" + shipment.trackingNumber()).status())
			.isEqualTo(404);
		assertThat(fulfillment.fulfillmentOrder(store, foId).lines().get(0).packed()).isZero();
	}

	@Test
	void theOpenApiDocumentDescribesTheFulfilmentApi() {
		JsonNode paths = ApiClient.at(port).get("/api/openapi.json").json().get("paths");
		for (String path : List.of("/api/admin/v1/orders/{id}/fulfillments", "/api/admin/v1/orders/{id}/shipments", "/api/admin/v1/shipments",
				"/api/admin/v1/shipments/{id}/label", "/api/admin/v1/pick-lists", "/api/admin/v1/pick-lists/{id}/pdf",
				"/api/admin/v1/carriers", "/api/admin/v1/carriers/{carrier}/tracking-events",
				"/api/admin/v1/fulfillment-orders/{id}/scans", "/api/store/v1/tracking/{carrier}/{trackingNumber}")) {
			assertThat(paths.has(path)).as(path).isTrue();
		}
		assertThat(paths.get("/api/admin/v1/orders/{id}/shipments").get("post").get("responses").has("409")).isTrue();
	}

	static void assertProblem(ApiClient.Response response, int status, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		if (code != null) {
			assertThat(response.json().get("code").asString()).isEqualTo(code);
		}
	}
}
