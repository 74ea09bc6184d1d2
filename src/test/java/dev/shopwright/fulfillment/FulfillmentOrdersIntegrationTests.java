package dev.shopwright.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.Location;
import dev.shopwright.orders.FulfillmentStatus;
import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.PaymentState;
import dev.shopwright.orders.PlaceOrder;
import dev.shopwright.orders.OrderFixtures;
import dev.shopwright.payments.CaptureMode;
import dev.shopwright.payments.PaymentIntent;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.payments.PaymentSettings;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.ShopwrightTest;

/** A real order, placed by the orders module: fulfilment plans it from the event and its shipment reaches the order. */
@ShopwrightTest
class FulfillmentOrdersIntegrationTests {

	@Autowired
	FulfillmentManagement fulfillment;

	@Autowired
	OrderManagement orders;

	@Autowired
	PaymentManagement payments;

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

	@Test
	void shippingARealOrderRecordsTheFulfilmentOnItAndCapturesThePayment() {
		OrderFixtures orderFixtures = new OrderFixtures(stores, payments);
		FulfillmentFixtures fixtures = new FulfillmentFixtures(catalog, stores, inventory, fulfillment, events, transactionManager);
		StoreId store = orderFixtures.newStore("EUR");
		payments.updateSettings(store, new PaymentSettings(true, false, false, CaptureMode.ON_FULFILMENT));
		String sku = fixtures.newSku(store);
		Location main = fixtures.newLocation(store, 20, "DE", null);
		fixtures.stock(store, main, sku, 5, null);
		OrderId id = OrderId.random();
		PlaceOrder unpaid = orderFixtures.order(id, "EUR", List.of(new OrderFixtures.Item(sku, 2, "20.00")),
				PlaceOrder.Risk.NOT_ASSESSED, null, null, null, null);
		PaymentIntent payment = orderFixtures.payByCard(store, id, unpaid.totals().total(), "4242424242424242");
		orders.place(store, orderFixtures.order(id, "EUR", List.of(new OrderFixtures.Item(sku, 2, "20.00")),
				PlaceOrder.Risk.NOT_ASSESSED, null, new OrderFixtures.PaymentIntentIdHolder(payment.id()), null, null));

		FulfillmentOrder fo = fixtures.awaitPlanned(store, id.value()).get(0);
		assertThat(fo.locationId()).isEqualTo(main.id().value());
		UUID lineId = fo.lines().get(0).lineId();

		fulfillment.ship(store, fo.id(), new ShipOrder("sandbox", "ground", null, new Parcel(600, 20, 20, 10),
				List.of(new ShipOrder.LineQuantity(lineId, 1)), null));
		Order partly = orders.get(store, id);
		assertThat(partly.fulfillmentStatus()).isEqualTo(FulfillmentStatus.PARTIALLY_FULFILLED);
		assertThat(partly.lines().get(0).fulfilledQuantity()).isEqualTo(1);
		fulfillment.ship(store, fo.id(), new ShipOrder("sandbox", "ground", null, new Parcel(600, 20, 20, 10),
				List.of(new ShipOrder.LineQuantity(lineId, 1)), null));

		Order shipped = OrderFixtures.await(() -> orders.get(store, id), o -> o.paymentState() == PaymentState.PAID);
		assertThat(shipped.fulfillmentStatus()).isEqualTo(FulfillmentStatus.FULFILLED);
		assertThat(fulfillment.shipmentsOfOrder(store, id.value())).hasSize(2);
	}
}
