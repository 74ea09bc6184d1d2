package dev.shopwright.checkout.web;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import dev.shopwright.checkout.AbandonedCheckout;
import dev.shopwright.checkout.RecoveryMail;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreLinks;
import dev.shopwright.stores.StoreManagement;

/**
 * The abandoned checkout's recovery mail over SMTP, with the signed link that restores the cart in the shopper's
 * browser. Links point at {@code shopwright.public-url}, else the store's first domain.
 */
@Component
class RecoveryMailer implements RecoveryMail {

	private final ObjectProvider<JavaMailSender> mail;

	private final StoreManagement stores;

	private final RecoveryLinks links;

	private final String from;

	private final StoreLinks storeLinks;

	RecoveryMailer(ObjectProvider<JavaMailSender> mail, StoreManagement stores, RecoveryLinks links,
			StoreLinks storeLinks, @Value("${shopwright.mail.from:shopwright@localhost}") String from) {
		this.mail = mail;
		this.stores = stores;
		this.links = links;
		this.from = from;
		this.storeLinks = storeLinks;
	}

	@Override
	public void send(StoreId storeId, AbandonedCheckout checkout) {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			throw new MailSendException("No mail server configured (spring.mail.host)");
		}
		Store store = stores.get(storeId);
		String base = storeLinks.base(storeId).orElse("");
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(store.email() != null ? store.email() : from);
			helper.setTo(checkout.email());
			helper.setSubject("Your cart is waiting - " + store.name());
			helper.setText("""
					You left %d item(s) in your cart at %s (%s).

					Pick up where you left off — your cart opens again in your browser, with today's prices:
					%s

					The link works for %d days.
					""".formatted(checkout.units(), store.name(), checkout.value(), base + links.path(storeId, checkout.id()),
					Math.max(1, links.lifetime().toDays())));
			sender.send(message);
		}
		catch (MessagingException ex) {
			throw new MailSendException("recovery mail not written", ex);
		}
	}
}
