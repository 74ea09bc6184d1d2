package dev.shopwright;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.checkout.CheckoutShop;
import dev.shopwright.fulfillment.PdfText;
import dev.shopwright.fulfillment.TrackingSignatures;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import dev.shopwright.testing.TestMail;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7 end to end, through the APIs only: a shopper buys in the storefront, staff pick, pack and ship with a
 * label, the carrier's signed tracking events take the parcel to delivered (the shopper is mailed at each), the
 * shopper asks for a return, staff approve it (a return label is issued), receive, inspect (one restocked, one
 * written off) and refund — and stock, payment and order agree.
 */
@ShopwrightTest
class EndToEndOrderJourneyTests {

	static final Map<String, Object> BOX = Map.of("weightGrams", 1200, "lengthCm", 30, "widthCm", 20, "heightCm", 10);

	@LocalServerPort
	int port;

	/** The SKU's level at one location, from the Admin API. */
	private static JsonNode level(ApiClient admin, String sku, String locationId) {
		for (JsonNode level : CheckoutShop.ok(admin.get("/api/admin/v1/inventory/levels?sku=" + sku)).get("stock").get("levels")) {
			if (level.get("locationId").asString().equals(locationId)) {
				return level;
			}
		}
		throw new AssertionError("no level of " + sku + " at " + locationId);
	}

	@Test
	void anOrderIsPickedPackedShippedTrackedDeliveredReturnedInspectedRestockedAndRefunded() {
		CheckoutShop shop = new CheckoutShop(port);
		ApiClient admin = shop.admin;

		// the shopper buys two mugs at 20.00 (tax included) with 4.90 shipping
		String sku = shop.product("20.00", 5);
		CheckoutShop.Guest guest = shop.readyCart(sku, 2);
		JsonNode placed = CheckoutShop.ok(guest.api().post(guest.path("/complete"),
				CheckoutShop.card("4242424242424242")));
		assertThat(placed.get("paymentState").asString()).isEqualTo("PAID");
		String orderId = placed.get("orderId").asString();
		String orderNumber = placed.get("orderNumber").asString();
		String email = CheckoutShop.ok(admin.get("/api/admin/v1/orders/" + orderId)).get("email").asString();

		// fulfilment planned it at the store's location
		JsonNode fo = eventually(() -> {
			JsonNode found = CheckoutShop.ok(admin.get("/api/admin/v1/orders/" + orderId + "/fulfillments"))
				.get("fulfillmentOrders");
			assertThat(found).hasSize(1);
			return found.get(0);
		});
		String foId = fo.get("id").asString();
		String locationId = fo.get("locationId").asString();
		// bought, not shipped: the units are committed at the shipping location and still on hand there
		JsonNode bought = level(admin, sku, locationId);
		assertThat(bought.get("onHand").asInt()).isEqualTo(5);
		assertThat(bought.get("committed").asInt()).isEqualTo(2);
		assertThat(bought.get("available").asInt()).isEqualTo(3);

		// pick
		JsonNode pickList = CheckoutShop.ok(admin.post("/api/admin/v1/pick-lists",
				Map.of("locationId", locationId, "fulfillmentOrderIds", List.of(foId))));
		assertThat(pickList.get("lines")).singleElement().satisfies(line -> {
			assertThat(line.get("sku").asString()).isEqualTo(sku);
			assertThat(line.get("quantity").asInt()).isEqualTo(2);
		});
		// pack: one scan per unit
		CheckoutShop.ok(admin.post("/api/admin/v1/fulfillment-orders/" + foId + "/scans", Map.of("code", sku)));
		JsonNode packed = CheckoutShop.ok(admin.post("/api/admin/v1/fulfillment-orders/" + foId + "/scans",
				Map.of("code", sku)));
		assertThat(packed.get("outcome").asString()).isIn("PACKED", "COMPLETE");
		// ship with a label
		JsonNode shipment = CheckoutShop.ok(admin.post("/api/admin/v1/orders/" + orderId + "/shipments",
				Map.of("fulfillmentOrderId", foId, "carrier", "sandbox", "service", "ground", "parcel", BOX)));
		String tracking = shipment.get("trackingNumber").asString();
		assertThat(PdfText.code128(admin.download("/api/admin/v1/shipments/" + shipment.get("id").asString() + "/label")))
			.isEqualTo(tracking);
		assertThat(CheckoutShop.ok(admin.get("/api/admin/v1/orders/" + orderId)).get("fulfillmentStatus").asString())
			.isEqualTo("FULFILLED");
		// on hand drops at the shipping location when the parcel leaves, not at the purchase
		JsonNode afterShipment = level(admin, sku, locationId);
		assertThat(afterShipment.get("onHand").asInt()).isEqualTo(3);
		assertThat(afterShipment.get("committed").asInt()).isZero();
		assertThat(afterShipment.get("available").asInt()).isEqualTo(3);

		// the carrier's signed tracking events: in transit, then delivered
		String secret = CheckoutShop.ok(admin.post("/api/admin/v1/carriers/sandbox/webhook-secret", Map.of()))
			.get("webhookSecret").asString();
		ApiClient carrier = ApiClient.at(port).store(shop.handle);
		String trackingPath = "/api/admin/v1/carriers/sandbox/tracking-events";
		for (Map<String, Object> event : List.<Map<String, Object>>of(
				Map.of("eventId", "e2e-1", "trackingNumber", tracking, "status", "IN_TRANSIT", "description",
						"Departed hub", "place", "Leipzig", "occurredAt", Instant.now().toString()),
				Map.of("eventId", "e2e-2", "trackingNumber", tracking, "status", "DELIVERED", "description",
						"Delivered to the front door", "occurredAt", Instant.now().plusSeconds(60).toString()))) {
			String payload = ApiClient.JSON.writeValueAsString(event);
			ApiClient.Response applied = carrier.with(TrackingSignatures.HEADER,
					TrackingSignatures.sign(secret, payload, Instant.now())).sendRaw("POST", trackingPath,
							"application/json", payload);
			assertThat(applied.status()).as(applied.body()).isEqualTo(200);
		}
		eventually(() -> {
			List<String> subjects = TestMail.to(email).stream().map(EndToEndOrderJourneyTests::subject).toList();
			assertThat(subjects).contains("Your order " + orderNumber + " has shipped",
					"Your order " + orderNumber + " was delivered");
			return subjects;
		});
		// the shopper's order page shows the parcel delivered and offers the return
		String orderPage = shop.shopper.get("/orders/" + orderId + "?token=" + guest.token()).body();
		assertThat(orderPage).contains(tracking).contains("Delivered")
			.contains("/orders/" + orderId + "/return?token=" + guest.token());

		// the shopper asks for a return of both mugs through the Store API
		JsonNode order = CheckoutShop.ok(admin.get("/api/admin/v1/orders/" + orderId));
		String lineId = order.get("lines").get(0).get("id").asString();
		JsonNode requested = CheckoutShop.ok(guest.api().post("/api/store/v1/orders/" + orderId + "/returns",
				Map.of("items", List.of(Map.of("orderLineId", lineId, "quantity", 2, "reason", "DEFECTIVE")))));
		String returnId = requested.get("id").asString();
		assertThat(requested.get("status").asString()).isEqualTo("REQUESTED");

		// staff approve: a return label from the shopper to the location it shipped from
		JsonNode approved = CheckoutShop.ok(admin.post("/api/admin/v1/returns/" + returnId + "/approve", Map.of()));
		String returnTracking = approved.get("labelTrackingNumber").asString();
		assertThat(returnTracking).isNotEqualTo(tracking);
		byte[] returnLabel = admin.download("/api/admin/v1/returns/" + returnId + "/label");
		assertThat(PdfText.code128(returnLabel)).isEqualTo(returnTracking);
		assertThat(PdfText.code128(shop.shopper.download(approved.get("labelUrl").asString()))).isEqualTo(returnTracking);

		// receive, inspect (one back on the shelf at the location, one damaged), refund
		CheckoutShop.ok(admin.post("/api/admin/v1/returns/" + returnId + "/receive", Map.of()));
		String itemId = approved.get("items").get(0).get("id").asString();
		JsonNode inspected = CheckoutShop.ok(admin.post("/api/admin/v1/returns/" + returnId + "/inspect",
				Map.of("items", List.of(Map.of("itemId", itemId, "restock", 1, "damaged", 1, "locationId", locationId)))));
		assertThat(inspected.get("status").asString()).isEqualTo("INSPECTED");
		JsonNode resolved = CheckoutShop.ok(admin.post("/api/admin/v1/returns/" + returnId + "/resolve",
				Map.of("resolution", "REFUND")));
		assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");
		// two units at 20.00 each as paid (the default policy keeps no fee), less the return label the shopper pays
		// under the default policy, shown as its own line
		java.math.BigDecimal charge = new java.math.BigDecimal(approved.get("returnShippingCharge").get("amount").asString());
		assertThat(charge).isEqualByComparingTo(approved.get("labelCost").get("amount").asString()).isPositive();
		String refunded = new java.math.BigDecimal("40.00").subtract(charge).toPlainString();
		assertThat(resolved.get("refunded").get("amount").asString()).isEqualTo(refunded);

		// the ledger shows one unit RETURNED at the location, sourced from the RMA
		JsonNode movements = CheckoutShop.ok(admin.get("/api/admin/v1/inventory/movements?sku=" + sku)).get("items");
		JsonNode returned = null;
		for (JsonNode movement : movements) {
			if ("RETURNED".equals(movement.get("reason").asString())) {
				assertThat(returned).as("one RETURNED movement").isNull();
				returned = movement;
			}
		}
		assertThat(returned).isNotNull();
		assertThat(returned.get("onHandDelta").asInt()).isEqualTo(1);
		assertThat(returned.get("locationId").asString()).isEqualTo(locationId);
		assertThat(returned.get("sourceId").asString()).isEqualTo(requested.get("number").asString());

		// the payment shows the refund; the order is partly refunded (shipping was kept)
		JsonNode payment = CheckoutShop.ok(admin.get("/api/admin/v1/payments?orderReference=" + orderId)).get("items")
			.get(0);
		assertThat(payment.get("captured").get("amount").asString()).isEqualTo("44.90");
		assertThat(payment.get("refunded").get("amount").asString()).isEqualTo(refunded);
		eventually(() -> {
			assertThat(CheckoutShop.ok(admin.get("/api/admin/v1/orders/" + orderId)).get("paymentState").asString())
				.isEqualTo("PARTIALLY_REFUNDED");
			return null;
		});
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	interface Check<T> {
		T run();
	}

	/** Retries a check for up to 20 s: listeners run after their transaction commits, on another thread. */
	static <T> T eventually(Check<T> check) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (true) {
			try {
				return check.run();
			}
			catch (AssertionError notYet) {
				if (Instant.now().isAfter(deadline)) {
					throw notYet;
				}
			}
			try {
				Thread.sleep(150);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}
}
