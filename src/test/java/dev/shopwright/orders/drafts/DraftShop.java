package dev.shopwright.orders.drafts;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import dev.shopwright.platform.BusinessRuleViolation;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.InventoryPolicy;
import dev.shopwright.catalog.ProductDraft;
import dev.shopwright.customers.AddressDetails;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.StockReceipt;
import dev.shopwright.payments.CardInput;
import dev.shopwright.shared.Address;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.stores.StoreSettings;
import dev.shopwright.testing.TestMail;

/**
 * Test data for drafts and edits: a fresh store (no tax zones, so totals are plain sums), products with stock in
 * it, sandbox cards, and the pay link read back from the email the shopper got.
 */
public record DraftShop(StoreManagement stores, CatalogManagement catalog, InventoryManagement inventory) {

	public static final String GOOD_CARD = "4242424242424242";

	public static final String DECLINED_CARD = "4000000000000002";

	public static final String THREE_D_SECURE_CARD = "4000000000003220";

	private static final Pattern LINK = Pattern.compile("(https?://\\S+)?/pay/([0-9a-f-]{36})\\?token=([A-Za-z0-9_-]+)");

	public StoreId newStore(String currency) {
		String handle = "drf-" + UUID.randomUUID().toString().substring(0, 8);
		return stores.create(StoreSettings.named("Drafts " + handle, handle, currency)).id();
	}

	/** A product with one variant of this price, and {@code stock} units on hand; returns its SKU. */
	public String product(StoreId store, String price, int stock) {
		String sku = "DR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		catalog.create(store, ProductDraft.of("Item " + sku, new ProductDraft.VariantDraft(null, sku, null,
				new Money(new BigDecimal(price), stores.get(store).defaultCurrency()), null, null, null, null, null, null,
				null, null, InventoryPolicy.DENY, null)));
		if (stock > 0) {
			inventory.receive(store, StockReceipt.of(sku, stock, null));
		}
		return sku;
	}

	public static CardInput card(String number) {
		return new CardInput(number, 12, YearMonth.now().getYear() + 2, "123");
	}

	public static AddressDetails address() {
		return new AddressDetails("Ada", "Lovelace", null, null,
				new Address("Hauptstraße 1", null, "Berlin", null, "10115", "DE"));
	}

	public static DraftOrderDetails details(String email, List<DraftOrderDetails.Line> lines, String shippingPrice) {
		return new DraftOrderDetails(null, email, null, lines, address(),
				shippingPrice == null ? null : new DraftOrderDetails.Shipping("Courier", new BigDecimal(shippingPrice)),
				null);
	}

	public static DraftOrderDetails.Line line(String sku, int quantity) {
		return new DraftOrderDetails.Line(sku, quantity, null, null);
	}

	public static String email() {
		return "shopper-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	/** A pay link as the shopper received it: the id, the token and the whole URL. */
	public record MailedLink(UUID id, String token, String url) {
	}

	/**
	 * The pay link in the {@code index}th email (0 first) to this address that carries one, waiting for it to arrive
	 * (order confirmations to the same address have none and are skipped).
	 */
	public static MailedLink mailedLink(String email, int index) {
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
		List<MailedLink> links = List.of();
		while (System.nanoTime() < deadline) {
			links = TestMail.to(email).stream().map(message -> LINK.matcher(TestMail.body(message)
				.replace("=\r\n", "").replace("=3D", "="))).filter(Matcher::find)
				.map(m -> new MailedLink(UUID.fromString(m.group(2)), m.group(3), m.group(0))).toList();
			if (links.size() > index) {
				return links.get(index);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new AssertionError("no pay link number " + (index + 1) + " in the emails to " + email + " (found " + links.size() + ")");
	}

	/** Runs the tasks at the same moment; a refused rule is returned as the result. */
	public static List<Object> runAtOnce(List<? extends Callable<?>> tasks) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
		try {
			java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
			List<Future<Object>> futures = new ArrayList<>();
			for (Callable<?> task : tasks) {
				futures.add(pool.submit(() -> {
					start.await();
					try {
						return task.call();
					}
					catch (BusinessRuleViolation refused) {
						return refused;
					}
				}));
			}
			start.countDown();
			List<Object> results = new ArrayList<>();
			for (Future<Object> f : futures) {
				results.add(f.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
