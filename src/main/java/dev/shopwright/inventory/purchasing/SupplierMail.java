package dev.shopwright.inventory.purchasing;

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

import dev.shopwright.stores.Store;

/**
 * Emails a sent purchase order with its PDF to the supplier. It runs after the sending transaction committed, from
 * the event outbox, so a mail server that is down delays the email (it is retried on restart) but never undoes the
 * order. Without a configured mail server ({@code spring.mail.host}) or a supplier email nothing is sent and the
 * order shows no "emailed" date.
 */
@Component
class SupplierMail {

	private static final Logger log = LoggerFactory.getLogger(SupplierMail.class);

	private final Purchasing purchasing;

	private final PurchaseOrders orders;

	private final ObjectProvider<JavaMailSender> mail;

	private final String from;

	SupplierMail(Purchasing purchasing, PurchaseOrders orders, ObjectProvider<JavaMailSender> mail, @Value("${shopwright.mail.from:shopwright@localhost}") String from) {
		this.purchasing = purchasing;
		this.orders = orders;
		this.mail = mail;
		this.from = from;
	}

	@ApplicationModuleListener
	void on(PurchaseOrderSent sent) throws MessagingException {
		PurchaseOrder order = purchasing.purchaseOrder(sent.storeId(), sent.purchaseOrderId());
		if (order.emailedAt() != null) {
			return; // a redelivered event after the mail went out: the supplier has it already
		}
		JavaMailSender sender = mail.getIfAvailable();
		if (order.supplierEmail() == null || sender == null) {
			log.info("{} not emailed: {}", order.number(), sender == null ? "no mail server configured" : "supplier has no email");
			return;
		}
		Store store = purchasing.store(sent.storeId());
		Supplier supplier = purchasing.supplier(sent.storeId(), order.supplierId());
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(store.email() != null ? store.email() : from);
		if (store.email() != null) {
			helper.setReplyTo(store.email());
		}
		helper.setTo(order.supplierEmail());
		helper.setSubject("Purchase order %s from %s".formatted(order.number(), store.name()));
		helper.setText("""
				Hello %s,

				please find attached our purchase order %s (%d units, %s) for delivery to %s.
				Please confirm the order and the expected delivery date by replying to this email.

				%s""".formatted(supplier.name(), order.number(), order.unitsOrdered(), order.total(), order.locationName(),
				store.name()));
		helper.addAttachment(order.number() + ".pdf",
				new ByteArrayResource(purchasing.pdf(sent.storeId(), order.id())), "application/pdf");
		sender.send(message);
		orders.markEmailed(sent.storeId(), order.id(), order.supplierEmail());
	}
}
