package dev.shopwright.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.catalog.Product;
import dev.shopwright.fulfillment.ShipmentStatus;
import dev.shopwright.fulfillment.TrackingSignatures;
import dev.shopwright.orders.Order;
import dev.shopwright.stores.Store;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

/**
 * The return parcel is tracked: signed carrier events for its label's tracking number reach the return through
 * fulfilment's webhook, the sandbox's own timeline through the returns job; a delivered parcel waits for staff unless
 * the store opts in to receiving it automatically; a bad signature applies nothing, an unknown number is ignored.
 */
@ShopwrightTest
class ReturnParcelTrackingTests {

	static final String PATH = "/api/admin/v1/carriers/sandbox/tracking-events";

	@LocalServerPort
	int port;

	@Autowired
	ReturnManagement returns;

	@Autowired
	ReturnFixtures fixtures;

	Store store;

	ApiClient api;

	ApiClient carrier;

	String secret;

	@BeforeEach
	void storeOfItsOwn() {
		store = fixtures.newStore("EUR");
		api = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD).store(store.handle());
		secret = api.post("/api/admin/v1/carriers/sandbox/webhook-secret", Map.of()).json().get("webhookSecret").asString();
		carrier = ApiClient.at(port).store(store.handle());
	}

	private JsonNode approvedReturn() {
		String sku = "BOX-" + store.handle() + "-" + java.util.UUID.randomUUID().toString().substring(0, 4);
		Product box = fixtures.product(store.id(), "Box", "20.00", List.of(), sku);
		Order order = fixtures.deliveredOrder(store.id(), null, null, new ReturnFixtures.Item(box, sku, 1));
		String id = api.post("/api/admin/v1/returns", Map.of("orderId", order.id().toString(), "items",
				List.of(Map.of("orderLineId", order.lines().get(0).id().toString(), "quantity", 1, "reason", "OTHER"))))
			.json().get("id").asString();
		return api.post("/api/admin/v1/returns/" + id + "/approve", Map.of()).json();
	}

	private ApiClient.Response send(String signingSecret, String eventId, String trackingNumber, String status,
			Instant at) {
		String body = ApiClient.JSON.writeValueAsString(Map.of("eventId", eventId, "trackingNumber", trackingNumber,
				"status", status, "description", status.equals("DELIVERED") ? "Delivered to the store" : "Departed hub",
				"occurredAt", at.toString()));
		return carrier.with(TrackingSignatures.HEADER, TrackingSignatures.sign(signingSecret, body, Instant.now()))
			.sendRaw("POST", PATH, "application/json", body);
	}

	private JsonNode get(String id) {
		return api.get("/api/admin/v1/returns/" + id).json();
	}

	@Test
	void signedCarrierEventsFollowTheReturnParcelAndADeliveredParcelWaitsForStaff() {
		JsonNode approved = approvedReturn();
		String id = approved.get("id").asString();
		String tracking = approved.get("labelTrackingNumber").asString();
		assertThat(approved.get("parcelStatus").asString()).isEqualTo("LABEL_CREATED");

		// a forged event changes nothing
		ApiClient.Response forged = send("whsec_wrong", "r-forged", tracking, "EXCEPTION", Instant.now());
		assertThat(forged.status()).isEqualTo(401);
		assertThat(forged.json().get("code").asString()).isEqualTo("INVALID_SIGNATURE");
		// a tracking number nobody here follows is accepted (the carrier must not retry it) and ignored
		ApiClient.Response unknown = send(secret, "x-1", "SBXG0000000000", "IN_TRANSIT", Instant.now());
		assertThat(unknown.status()).as(unknown.body()).isEqualTo(202);
		assertThat(unknown.json().get("status").asString()).isEqualTo("PASSED_ON");

		ApiClient.Response inTransit = send(secret, "r-1", tracking, "IN_TRANSIT", Instant.now());
		assertThat(inTransit.status()).as(inTransit.body()).isEqualTo(202);
		ReturnSettlementTests.eventually(() -> assertThat(get(id).get("parcelStatus").asString()).isEqualTo("IN_TRANSIT"));
		assertThat(get(id).get("status").asString()).isEqualTo("APPROVED");
		send(secret, "r-1", tracking, "IN_TRANSIT", Instant.now());

		ApiClient.Response delivered = send(secret, "r-2", tracking, "DELIVERED", Instant.now().plusSeconds(60));
		assertThat(delivered.status()).isEqualTo(202);
		ReturnSettlementTests.eventually(() -> assertThat(get(id).get("parcelStatus").asString()).isEqualTo("DELIVERED"));
		JsonNode after = get(id);
		assertThat(after.get("status").asString()).as("the store did not opt in: staff receive it").isEqualTo("APPROVED");
		assertThat(after.get("parcelDeliveredAt").isNull()).isFalse();
		List<String> steps = api.get("/api/admin/v1/returns/" + id + "/parcel").json().valueStream()
			.map(step -> step.get("status").asString())
			.toList();
		// nothing from the forged event (an EXCEPTION), the redelivered one once
		assertThat(steps).containsExactly("LABEL_CREATED", "IN_TRANSIT", "DELIVERED");

		// the list's "parcel delivered, not received" filter finds it, and only it
		JsonNode other = approvedReturn();
		JsonNode waiting = api.get("/api/admin/v1/returns?parcelDelivered=true").json().get("items");
		assertThat(waiting).singleElement().satisfies(r -> assertThat(r.get("id").asString()).isEqualTo(id));
		assertThat(api.get("/api/admin/v1/returns").json().get("items")).hasSize(2);
		assertThat(other.get("parcelStatus").asString()).isEqualTo("LABEL_CREATED");

		// receiving it takes it off the filter
		api.post("/api/admin/v1/returns/" + id + "/receive", Map.of());
		assertThat(api.get("/api/admin/v1/returns?parcelDelivered=true").json().get("items")).isEmpty();

		// another store's staff do not see the parcel
		ApiClient outlet = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD)
			.store("outlet");
		assertThat(outlet.get("/api/admin/v1/returns/" + id + "/parcel").status()).isEqualTo(404);
	}

	@Test
	void aStoreThatOptsInHasTheReturnReceivedWhenTheParcelIsDelivered() {
		assertThat(api.put("/api/admin/v1/return-policy", Map.of("windowDays", 30, "restockingFeePercent", "0",
				"returnShippingPaidBy", "CUSTOMER", "autoReceiveOnDelivery", true)).json()
			.get("autoReceiveOnDelivery").asBoolean()).isTrue();
		JsonNode approved = approvedReturn();
		String id = approved.get("id").asString();
		send(secret, "d-1", approved.get("labelTrackingNumber").asString(), "DELIVERED", Instant.now());

		ReturnSettlementTests.eventually(() -> assertThat(get(id).get("status").asString()).isEqualTo("RECEIVED"));
		assertThat(get(id).get("receivedAt").isNull()).isFalse();
	}

	@Test
	void theSandboxTimelineAdvancesTheReturnParcelOncePerStep() {
		JsonNode approved = approvedReturn();
		String id = approved.get("id").asString();
		ReturnId returnId = new ReturnId(java.util.UUID.fromString(id));
		Instant labelAt = returns.get(store.id(), returnId).approvedAt();

		returns.followParcels(labelAt.plus(Duration.ofHours(7)));
		assertThat(returns.get(store.id(), returnId).parcelStatus()).isEqualTo(ShipmentStatus.IN_TRANSIT);
		Instant later = labelAt.plus(Duration.ofDays(6));
		returns.followParcels(later);
		returns.followParcels(later);

		ReturnRequest after = returns.get(store.id(), returnId);
		assertThat(after.parcelStatus()).isEqualTo(ShipmentStatus.DELIVERED);
		assertThat(after.parcelDeliveredAwaitingReceipt()).isTrue();
		List<ReturnManagement.ParcelStep> timeline = returns.parcelTimeline(store.id(), returnId);
		assertThat(timeline.getFirst().status()).isEqualTo(ShipmentStatus.LABEL_CREATED);
		assertThat(timeline.getLast().status()).isEqualTo(ShipmentStatus.DELIVERED);
		assertThat(timeline).extracting(step -> step.description() + "@" + step.occurredAt())
			.as("each step once, however often the job asks").doesNotHaveDuplicates();
		assertThat(timeline).extracting(ReturnManagement.ParcelStep::status).contains(ShipmentStatus.IN_TRANSIT);
	}

	@Test
	void aLabelTheCarrierCancelsIsNotCharged() {
		JsonNode approved = approvedReturn();
		String id = approved.get("id").asString();
		assertThat(approved.get("returnShippingCharge").get("amount").asString()).isNotEqualTo("0.00");
		send(secret, "c-1", approved.get("labelTrackingNumber").asString(), "CANCELLED", Instant.now());

		ReturnSettlementTests.eventually(() -> assertThat(get(id).get("parcelStatus").asString()).isEqualTo("CANCELLED"));
		assertThat(get(id).get("returnShippingCharge").get("amount").asString()).isEqualTo("0.00");
		assertThat(get(id).get("labelVoidedAt").isNull()).isFalse();
	}
}
