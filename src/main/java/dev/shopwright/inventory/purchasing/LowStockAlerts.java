package dev.shopwright.inventory.purchasing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shopwright.inventory.events.LowStockReached;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;

/**
 * Low-stock emails, batched: each {@link LowStockReached} is noted once per SKU, and a digest per store lists every
 * SKU noted since the last one. A SKU that was in a digest within the last day is not mailed again, so stock that
 * bounces around its reorder point does not flood the inbox. Claiming the alerts and sending the mail happen in one
 * transaction: with several nodes only one sends a digest, and a failed send leaves the alerts for the next run.
 */
@Component
class LowStockAlerts {

	record Alert(String sku, String title, int availableOnline, int reorderPoint) {
	}

	private static final Logger log = LoggerFactory.getLogger(LowStockAlerts.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final StoreManagement stores;

	private final ObjectProvider<JavaMailSender> mail;

	private final String from;

	private final String publicUrl;

	LowStockAlerts(JdbcClient jdbc, TransactionTemplate transaction, StoreManagement stores,
			ObjectProvider<JavaMailSender> mail, @Value("${shopwright.mail.from:shopwright@localhost}") String from,
			@Value("${shopwright.public-url:}") String publicUrl) {
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.stores = stores;
		this.mail = mail;
		this.from = from;
	}

	@ApplicationModuleListener
	void on(LowStockReached reached) {
		jdbc.sql("""
				insert into inventory.low_stock_alert (store_id, sku, available_online, reorder_point, reached_at)
				values (?, ?, ?, ?, ?)
				on conflict (store_id, sku) do update set available_online = excluded.available_online,
				  reorder_point = excluded.reorder_point, reached_at = excluded.reached_at,
				  notified_at = case when low_stock_alert.notified_at > excluded.reached_at - interval '1 day'
				                     then low_stock_alert.notified_at end""")
			.params(reached.storeId().value(), reached.sku(), reached.availableOnline(), reached.reorderPoint(),
					Timestamp.from(Instant.now()))
			.update();
	}

	@Scheduled(fixedDelayString = "${shopwright.purchasing.low-stock-digest-interval:PT15M}",
			initialDelayString = "${shopwright.purchasing.low-stock-digest-interval:PT15M}")
	void sendDigests() {
		List<UUID> pending = jdbc.sql("select distinct store_id from inventory.low_stock_alert where notified_at is null")
			.query(UUID.class)
			.list();
		for (UUID store : pending) {
			try {
				sendDigest(new StoreId(store));
			}
			catch (RuntimeException ex) {
				log.warn("Low-stock digest for store {} not sent; retried on the next run", store, ex);
			}
		}
	}

	/** Sends the store's digest of alerts not yet mailed; returns how many SKUs it listed. */
	int sendDigest(StoreId storeId) {
		Integer sent = transaction.execute(status -> {
			List<Alert> alerts = jdbc.sql("""
					update inventory.low_stock_alert a set notified_at = ?
					from inventory.item i
					where a.store_id = ? and a.notified_at is null and i.store_id = a.store_id and i.sku = a.sku
					returning a.sku, i.title, a.available_online, a.reorder_point""")
				.params(Timestamp.from(Instant.now()), storeId.value())
				.query((rs, n) -> new Alert(rs.getString("sku"), rs.getString("title"), rs.getInt("available_online"),
						rs.getInt("reorder_point")))
				.list();
			if (alerts.isEmpty()) {
				return 0;
			}
			Store store = stores.get(storeId);
			JavaMailSender sender = mail.getIfAvailable();
			if (store.email() == null || sender == null) {
				log.info("{} SKUs of {} reached their reorder point; no email: {}", alerts.size(), store.handle(),
						sender == null ? "no mail server configured" : "the store has no email address");
				return 0;
			}
			try {
				sender.send(message(sender, store, alerts));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
			return alerts.size();
		});
		return sent == null ? 0 : sent;
	}

	private MimeMessage message(JavaMailSender sender, Store store, List<Alert> alerts) throws MessagingException {
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
		helper.setFrom(from);
		helper.setTo(store.email());
		helper.setSubject("Low stock: %d SKU%s at or below the reorder point in %s".formatted(alerts.size(),
				alerts.size() == 1 ? "" : "s", store.name()));
		StringBuilder text = new StringBuilder("These SKUs reached their reorder point:\n\n");
		alerts.stream()
			.sorted(java.util.Comparator.comparing(Alert::sku))
			.forEach(alert -> text.append("%s  %s: %d available (reorder point %d)%n".formatted(alert.sku(), alert.title(),
					alert.availableOnline(), alert.reorderPoint())));
		text.append("\nReorder suggestions: ").append(publicUrl).append("/admin/purchasing/suggestions\n");
		helper.setText(text.toString());
		return message;
	}
}
