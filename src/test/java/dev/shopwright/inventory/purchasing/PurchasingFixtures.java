package dev.shopwright.inventory.purchasing;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.ProductDraft;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.TestMail;

/** Products, suppliers and mail look-ups for the purchasing tests; each call makes fresh, uniquely named data. */
final class PurchasingFixtures {

	private final CatalogManagement catalog;

	private final StoreManagement stores;

	private final Purchasing purchasing;

	PurchasingFixtures(ApplicationContext context) {
		this.catalog = context.getBean(CatalogManagement.class);
		this.stores = context.getBean(StoreManagement.class);
		this.purchasing = context.getBean(Purchasing.class);
	}

	StoreId demoStore() {
		return stores.findByReference("demo").orElseThrow().id();
	}

	String newSku(StoreId store, String currency) {
		String sku = "PUR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		catalog.create(store, ProductDraft.of("Purchasing test " + sku,
				ProductDraft.VariantDraft.priced(sku, Money.of("9.00", currency))));
		return sku;
	}

	Supplier supplier(StoreId store, String currency, int leadTimeDays, @Nullable BigDecimal minimumAmount,
			@Nullable Integer minimumUnits, int packSize) {
		return supplier(store, currency, leadTimeDays, minimumAmount, minimumUnits, packSize, null);
	}

	Supplier supplier(StoreId store, String currency, int leadTimeDays, @Nullable BigDecimal minimumAmount,
			@Nullable Integer minimumUnits, int packSize, @Nullable String phone) {
		String name = ApiClient.unique("supplier");
		return purchasing.createSupplier(store, new SupplierDraft(name, name + "@suppliers.test", phone, currency,
				leadTimeDays, minimumAmount, minimumUnits, packSize, null));
	}

	/** The first mail to {@code recipient} that reaches GreenMail within ten seconds. */
	MimeMessage awaitMail(String recipient) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			for (MimeMessage message : TestMail.server().getReceivedMessages()) {
				if (List.of(message.getRecipients(Message.RecipientType.TO)).stream()
					.anyMatch(address -> address.toString().equalsIgnoreCase(recipient))) {
					return message;
				}
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no mail to " + recipient + " within 10 s");
	}

	long mailsTo(String recipient) throws Exception {
		long count = 0;
		for (MimeMessage message : TestMail.server().getReceivedMessages()) {
			if (List.of(message.getRecipients(Message.RecipientType.TO)).stream()
				.anyMatch(address -> address.toString().equalsIgnoreCase(recipient))) {
				count++;
			}
		}
		return count;
	}

	void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("condition not met within 10 s");
			}
			Thread.sleep(50);
		}
	}
}
