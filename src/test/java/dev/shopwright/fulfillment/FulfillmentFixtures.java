package dev.shopwright.fulfillment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.InventoryPolicy;
import dev.shopwright.catalog.ProductDraft;
import dev.shopwright.customers.AddressDetails;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.Location;
import dev.shopwright.inventory.LocationDraft;
import dev.shopwright.inventory.MovementReason;
import dev.shopwright.inventory.StockReceipt;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.events.OrderPlaced;
import dev.shopwright.shared.Address;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;

/**
 * Test data for fulfilment: SKUs, locations with stock in bins, and placed orders — published as the real
 * {@link OrderPlaced} event inside a transaction, which is what the module listens to.
 */
public class FulfillmentFixtures {

	final CatalogManagement catalog;

	final StoreManagement stores;

	final InventoryManagement inventory;

	final FulfillmentManagement fulfillment;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	public FulfillmentFixtures(CatalogManagement catalog, StoreManagement stores, InventoryManagement inventory,
			FulfillmentManagement fulfillment, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
		this.catalog = catalog;
		this.stores = stores;
		this.inventory = inventory;
		this.fulfillment = fulfillment;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
	}

	public StoreId demo() {
		return stores.findByReference("demo").orElseThrow().id();
	}

	public StoreId outlet() {
		return stores.findByReference("outlet").orElseThrow().id();
	}

	public String currency(StoreId store) {
		return stores.get(store).defaultCurrency().getCurrencyCode();
	}

	public String newSku(StoreId store) {
		return newSku(store, null);
	}

	public String newSku(StoreId store, @Nullable String barcode) {
		String sku = "FUL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		catalog.create(store, ProductDraft.of("Parcel test " + sku, new ProductDraft.VariantDraft(null, sku, barcode,
				Money.of("12.50", currency(store)), null, null, null, null, null, null, null, null, InventoryPolicy.DENY,
				null)));
		return sku;
	}

	public Location newLocation(StoreId store, int priority, String country, @Nullable String region) {
		String code = "ful-" + UUID.randomUUID().toString().substring(0, 8);
		return inventory.createLocation(store, new LocationDraft("Warehouse " + code, code, Location.Kind.WAREHOUSE,
				priority, true, true, new Address("1 Dock Road", null, "Portville", region, "10115", country)));
	}

	public void stock(StoreId store, Location location, String sku, int units, @Nullable String bin) {
		inventory.receive(store, new StockReceipt(sku, location.id(), bin, units, null, false, MovementReason.RECEIVED,
				null, null, null));
	}

	public record Line(String sku, int quantity) {
	}

	/** Publishes OrderPlaced (as orders does) and waits until fulfilment has planned it. */
	public Placed place(StoreId store, String country, @Nullable LocalDate promisedBy, Line... lines) {
		return place(store, country, "10115", promisedBy, false, lines);
	}

	public Placed place(StoreId store, String country, String postalCode, @Nullable LocalDate promisedBy, boolean onHold,
			Line... lines) {
		OrderId orderId = OrderId.random();
		String email = "shopper-" + UUID.randomUUID().toString().substring(0, 8) + "@test.local";
		String number = "#T" + orderId.toString().substring(0, 6);
		String currency = currency(store);
		List<OrderPlaced.Line> orderLines = java.util.Arrays.stream(lines)
			.map(l -> new OrderPlaced.Line(UUID.randomUUID(), l.sku(), "Item " + l.sku(), null, l.quantity(),
					Money.of("12.50", currency), 400, true))
			.toList();
		OrderPlaced placed = new OrderPlaced(store, orderId, number, "online_store", null, email, orderLines,
				new AddressDetails("Ada", "Lovelace", null, null,
						new Address("12 Analytical Street", null, "Engine Town", null, postalCode, country)),
				"standard", "Standard", promisedBy, Money.of("50.00", currency), onHold, Instant.now().minusSeconds(3600));
		transactions.executeWithoutResult(status -> events.publishEvent(placed));
		List<FulfillmentOrder> planned = awaitPlanned(store, orderId.value());
		return new Placed(placed, planned);
	}

	public List<FulfillmentOrder> awaitPlanned(StoreId store, UUID orderId) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (Instant.now().isBefore(deadline)) {
			List<FulfillmentOrder> planned = fulfillment.fulfillmentOrders(store, orderId);
			if (!planned.isEmpty()) {
				return planned;
			}
			sleep();
		}
		throw new AssertionError("order " + orderId + " was not planned within 20 s");
	}

	public static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record Placed(OrderPlaced event, List<FulfillmentOrder> fulfillmentOrders) {

		public UUID orderId() {
			return event.orderId().value();
		}

		public FulfillmentOrder only() {
			if (fulfillmentOrders.size() != 1) {
				throw new AssertionError("expected one fulfilment order, got " + fulfillmentOrders);
			}
			return fulfillmentOrders.get(0);
		}

		public UUID lineId(String sku) {
			return event.lines().stream().filter(l -> l.sku().equals(sku)).findFirst().orElseThrow().lineId();
		}
	}
}
