package dev.shopwright.customers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.shopwright.customers.events.PasswordResetRequested;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreMail;
import dev.shopwright.stores.StoreManagement;

/**
 * Sends the password reset email. It runs after the request committed, from the event publication registry
 * (the outbox): if sending fails, the transaction that stored the link's hash rolls back and the publication
 * stays incomplete, to be retried. The one-time secret is minted here and exists in clear only in the email.
 */
@Component
class PasswordResetMailer {

	private static final Logger log = LoggerFactory.getLogger(PasswordResetMailer.class);

	private final CustomerManagement customers;

	private final StoreManagement stores;

	private final StoreMail mail;

	PasswordResetMailer(CustomerManagement customers, StoreManagement stores, StoreMail mail) {
		this.customers = customers;
		this.stores = stores;
		this.mail = mail;
	}

	@ApplicationModuleListener
	void on(PasswordResetRequested event) {
		if (!mail.configured()) {
			log.warn("No mail server configured (spring.mail.host): the password reset email to a customer of store {} "
					+ "was not sent.", event.storeId());
			return;
		}
		if (event.linkBase().isBlank()) {
			log.warn("No trusted storefront address for store {} (set shopwright.public-url or a store domain): the "
					+ "password reset email was not sent.", event.storeId());
			return;
		}
		String secret = customers.issuePasswordResetSecret(event.storeId(), event.customerId());
		Store store = stores.get(event.storeId());
		String link = event.linkBase() + "/account/reset/" + secret;
		mail.send(store.id(), event.email(), "Reset your password at " + store.name(), """
				Someone asked to reset the password of your account at %s.

				Choose a new password here (the link works once, for one hour):
				%s

				If it was not you, ignore this email; your password stays as it is.
				""".formatted(store.name(), link));
	}
}
