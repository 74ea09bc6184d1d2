package dev.shopwright.orders;

import java.time.format.DateTimeFormatter;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.shopwright.orders.events.OrderPlaced;
import dev.shopwright.shared.Money;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreLinks;
import dev.shopwright.stores.StoreManagement;

/**
 * Sends the order confirmation, with the invoice attached, once the order is committed. It runs from the event
 * publication registry (the outbox): if the mail server refuses, the publication stays incomplete and is sent
 * again later, so a placed order never silently goes unconfirmed.
 */
@Component
class OrderConfirmationMailer {

	private static final Logger log = LoggerFactory.getLogger(OrderConfirmationMailer.class);

	private final OrderManagement orders;

	private final StoreManagement stores;

	private final ObjectProvider<JavaMailSender> mail;

	private final String from;

	private final StoreLinks links;

	OrderConfirmationMailer(OrderManagement orders, StoreManagement stores, ObjectProvider<JavaMailSender> mail,
			StoreLinks links, @Value("${shopwright.mail.from:shopwright@localhost}") String from) {
		this.links = links;
		this.orders = orders;
		this.stores = stores;
		this.mail = mail;
		this.from = from;
	}

	@ApplicationModuleListener
	void on(OrderPlaced event) throws MessagingException {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			log.warn("No mail server configured (spring.mail.host): the confirmation of order {} in store {} was not sent.",
					event.orderNumber(), event.storeId());
			return;
		}
		Order order = orders.get(event.storeId(), event.orderId());
		Store store = stores.get(event.storeId());
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(store.email() != null ? store.email() : from);
		helper.setTo(order.email());
		helper.setSubject("Order " + order.number() + " confirmed - " + store.name());
		helper.setText(body(order, store) + statusLink(store, order));
		helper.addAttachment("invoice-" + order.number().replace("#", "") + ".pdf",
				new ByteArrayResource(orders.invoicePdf(event.storeId(), event.orderId())), "application/pdf");
		sender.send(message);
	}

	private static String body(Order order, Store store) {
		StringBuilder text = new StringBuilder();
		text.append("Thank you for your order at ").append(store.name()).append(".\n\n");
		text.append("Order ").append(order.number()).append(", placed ")
			.append(order.placedAt().atZone(store.timezone()).toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE))
			.append("\n\n");
		for (Order.Line line : order.lines()) {
			text.append(line.quantity()).append(" x ").append(line.title())
				.append(line.variantTitle() == null ? "" : " (" + line.variantTitle() + ")")
				.append("  ").append(line.total()).append('\n');
		}
		Order.Totals totals = order.totals();
		text.append('\n').append("Subtotal: ").append(totals.subtotal()).append('\n');
		if (!totals.discountTotal().isZero()) {
			text.append("Discounts: ").append(totals.discountTotal().negate()).append('\n');
		}
		if (order.shipping() != null) {
			text.append("Shipping (").append(order.shipping().name()).append("): ").append(totals.shipping()).append('\n');
		}
		text.append(totals.pricesIncludeTax() ? "Tax included: " : "Tax: ").append(totals.taxTotal()).append('\n');
		text.append("Total: ").append(totals.total()).append("\n\n");
		if (order.shipping() != null && order.shipping().promisedBy() != null) {
			text.append("Expected delivery by ").append(order.shipping().promisedBy()).append(".\n");
		}
		if (order.status() == OrderStatus.ON_HOLD) {
			text.append("We are reviewing your order and will ship it once the review is done.\n");
		}
		text.append(paymentWords(order.paymentState(), totals.total())).append("\n\n");
		text.append("Your invoice is attached.\n");
		return text.toString();
	}

	/**
	 * The link to the order's status page with its status key, on the shop's public address: the configured public
	 * URL, else the store's first domain. A store reachable under neither gets no link (there is nothing to point to).
	 */
	private String statusLink(Store store, Order order) {
		return links.base(store.id())
			.map(base -> "\nSee your order's status at any time:\n" + base + orders.statusPath(store.id(), order.id()) + "\n")
			.orElse("");
	}

	private static String paymentWords(PaymentState state, Money total) {
		return switch (state) {
			case PAID -> "We received your payment of " + total + ".";
			case AUTHORIZED -> "Your payment of " + total + " is authorised and will be taken when your order ships.";
			default -> "Payment: " + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ".";
		};
	}
}
