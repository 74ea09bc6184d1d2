package dev.shopwright.stores;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import dev.shopwright.shared.StoreId;

/** Plain-text email to a shopper from a store: from the store's address, else {@code shopwright.mail.from}. */
@Component
public class StoreMail {

	private final StoreManagement stores;

	private final ObjectProvider<JavaMailSender> mail;

	private final String from;

	StoreMail(StoreManagement stores, ObjectProvider<JavaMailSender> mail,
			@Value("${shopwright.mail.from:shopwright@localhost}") String from) {
		this.stores = stores;
		this.mail = mail;
		this.from = from;
	}

	/** Whether a mail server is configured ({@code spring.mail.host}). */
	public boolean configured() {
		return mail.getIfAvailable() != null;
	}

	/**
	 * Sends the email. Without a mail server, or when the server refuses it, a {@code MailException} is thrown:
	 * senders running from the outbox leave the publication to be retried, senders answering staff report it.
	 */
	public void send(StoreId storeId, String to, String subject, String text) {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			throw new MailSendException("No mail server configured (spring.mail.host)");
		}
		Store store = stores.get(storeId);
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(store.email() != null ? store.email() : from);
		message.setTo(to);
		message.setSubject(subject);
		message.setText(text);
		sender.send(message);
	}
}
