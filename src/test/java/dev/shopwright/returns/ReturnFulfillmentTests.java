package dev.shopwright.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shopwright.catalog.Product;
import dev.shopwright.fulfillment.PdfText;
import dev.shopwright.fulfillment.events.ShipmentDelivered;
import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.ShopperTokens;
import dev.shopwright.stores.Store;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

/**
 * Returns working with fulfilment: approving buys a return label from its carrier (shopper → store, downloadable and
 * emailed), and the return window counts from the delivery fulfilment reports.
 */
@ShopwrightTest
class ReturnFulfillmentTests {

	@LocalServerPort
	int port;

	@Autowired
	OrderManagement orders;

	@Autowired
	ReturnManagement returns;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	ReturnFixtures fixtures;

	Store store;

	ApiClient api;

	@BeforeEach
	void storeOfItsOwn() {
		store = fixtures.newStore("EUR");
		api = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD).store(store.handle());
	}

	@Test
	void approvingBuysAReturnLabelWhoseBarcodeIsItsTrackingNumber() {
		api.put("/api/admin/v1/return-policy", Map.of("windowDays", 30, "restockingFeePercent", "0",
				"returnShippingPaidBy", "MERCHANT"));
		String sku = "LAMP-" + store.handle();
		Product lamp = fixtures.product(store.id(), "Lamp", "30.00", List.of(), sku);
		String token = "cart-token-" + store.handle();
		Order order = fixtures.deliveredOrder(store.id(), null, ShopperTokens.hash(token),
				new ReturnFixtures.Item(lamp, sku, 1));
		JsonNode opened = api.post("/api/admin/v1/returns", Map.of("orderId", order.id().toString(), "items",
				List.of(Map.of("orderLineId", order.lines().get(0).id().toString(), "quantity", 1, "reason", "DEFECTIVE"))))
			.json();
		String id = opened.get("id").asString();
		// no label before approval
		assertThat(api.get("/api/admin/v1/returns/" + id + "/label").status()).isEqualTo(404);

		JsonNode approved = api.post("/api/admin/v1/returns/" + id + "/approve", Map.of()).json();
		assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
		String tracking = approved.get("labelTrackingNumber").asString();
		assertThat(tracking).startsWith("SBX");
		assertThat(approved.get("labelCarrier").asString()).isEqualTo("sandbox");
		String labelUrl = approved.get("labelUrl").asString();
		assertThat(labelUrl).startsWith("/return-labels/").endsWith(".pdf");

		byte[] fromAdmin = api.download("/api/admin/v1/returns/" + id + "/label");
		assertThat(PdfText.pageSize(fromAdmin)).containsExactly(288f, 432f);
		assertThat(PdfText.code128(fromAdmin)).isEqualTo(tracking);
		String text = PdfText.of(fromAdmin);
		// from the shopper to the store
		assertThat(text.indexOf("Ada Shopper")).isLessThan(text.indexOf("SHIP TO"));
		assertThat(text.substring(text.indexOf("SHIP TO"))).contains(store.name()).contains("R1001");

		// the shopper's link needs no session, only the key; another store does not serve it
		ApiClient shop = ApiClient.at(port).store(store.handle());
		assertThat(PdfText.code128(shop.download(labelUrl))).isEqualTo(tracking);
		assertThat(ApiClient.at(port).store("outlet").get(labelUrl).status()).isEqualTo(404);
		assertThat(shop.get("/return-labels/" + UUID.randomUUID() + ".pdf").status()).isEqualTo(404);

		MimeMessage mail = ReturnSettlementTests.mailTo(order.email(), "Your return R1001 is approved");
		assertThat(String.valueOf(uncheckedContent(mail))).contains(labelUrl);
		// the shopper's return page links it too
		assertThat(shop.get("/orders/" + order.id() + "/return?token=" + token).body()).contains(labelUrl).contains(tracking);
	}

	@Test
	void theWindowCountsFromDeliveryWhenFulfilmentReportsItElseFromPlacement() {
		api.put("/api/admin/v1/return-policy", Map.of("windowDays", 30, "restockingFeePercent", "0",
				"returnShippingPaidBy", "CUSTOMER"));
		String sku = "VASE-" + store.handle();
		Product vase = fixtures.product(store.id(), "Vase", "12.00", List.of(), sku);
		Order deliveredLate = fixtures.deliveredOrder(store.id(), null, null, new ReturnFixtures.Item(vase, sku, 1));
		Order neverTracked = fixtures.deliveredOrder(store.id(), null, null, new ReturnFixtures.Item(vase, sku, 1));
		Order deliveredLongAgo = fixtures.deliveredOrder(store.id(), null, null, new ReturnFixtures.Item(vase, sku, 1));
		for (Order order : List.of(deliveredLate, neverTracked, deliveredLongAgo)) {
			fixtures.placedDaysAgo(store.id(), order, 40);
		}
		Instant fiveDaysAgo = Instant.now().minus(Duration.ofDays(5)).truncatedTo(ChronoUnit.MILLIS);
		Instant thirtyFiveDaysAgo = Instant.now().minus(Duration.ofDays(35)).truncatedTo(ChronoUnit.MILLIS);
		delivered(deliveredLate, fiveDaysAgo);
		delivered(deliveredLongAgo, thirtyFiveDaysAgo);
		ReturnSettlementTests.eventually(() -> {
			assertThat(returns.deadline(store.id(), orders.get(store.id(), deliveredLate.id())))
				.isEqualTo(fiveDaysAgo.plus(Duration.ofDays(30)));
			assertThat(returns.deadline(store.id(), orders.get(store.id(), deliveredLongAgo.id())))
				.isEqualTo(thirtyFiveDaysAgo.plus(Duration.ofDays(30)));
		});
		// a second, earlier parcel of the same order does not pull the window back
		delivered(deliveredLate, thirtyFiveDaysAgo);

		assertThat(open(deliveredLate).status()).isEqualTo(201);
		ApiClient.Response fromPlacement = open(neverTracked);
		assertThat(fromPlacement.status()).isEqualTo(422);
		assertThat(fromPlacement.json().get("code").asString()).isEqualTo("RETURN_WINDOW_CLOSED");
		ApiClient.Response fromDelivery = open(deliveredLongAgo);
		assertThat(fromDelivery.status()).isEqualTo(422);
		assertThat(fromDelivery.json().get("code").asString()).isEqualTo("RETURN_WINDOW_CLOSED");
		assertThat(returns.deadline(store.id(), orders.get(store.id(), deliveredLate.id())))
			.isEqualTo(fiveDaysAgo.plus(Duration.ofDays(30)));
	}

	private ApiClient.Response open(Order order) {
		return api.post("/api/admin/v1/returns", Map.of("orderId", order.id().toString(), "items",
				List.of(Map.of("orderLineId", order.lines().get(0).id().toString(), "quantity", 1, "reason", "OTHER"))));
	}

	/** Fulfilment's event as its tracking publishes it when the carrier reports the parcel delivered. */
	private void delivered(Order order, Instant at) {
		transactions.executeWithoutResult(tx -> events.publishEvent(new ShipmentDelivered(store.id(), UUID.randomUUID(),
				order.id().toString(), order.number(), order.email(), "SBXG000000001", "https://example.test", at, null)));
	}

	private static Object uncheckedContent(MimeMessage mail) {
		try {
			return mail.getContent();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}
}
