package dev.shopwright.returns;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.shopwright.returns.events.ReturnApproved;
import dev.shopwright.returns.events.ReturnResolved;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreMail;
import dev.shopwright.stores.StoreManagement;

/**
 * Tells the shopper that their return was approved (with the label link when there is one) and what it was settled
 * with. Runs after the change committed, from the outbox: a mail server that is down leaves the publication
 * incomplete, to be retried.
 */
@Component
class ReturnMails {

	private static final Logger log = LoggerFactory.getLogger(ReturnMails.class);

	private final StoreManagement stores;

	private final StoreMail mail;

	ReturnMails(StoreManagement stores, StoreMail mail) {
		this.stores = stores;
		this.mail = mail;
	}

	@ApplicationModuleListener
	void on(ReturnApproved event) {
		Store store = stores.get(event.storeId());
		String label = event.labelUrl() == null
				? "Pack the items with the return number " + event.number() + " on a note and send them back to us."
				: "Print your return label here and stick it on the parcel:\n" + event.labelUrl();
		send(store, event.email(), "Your return " + event.number() + " is approved", """
				Good news: %s approved your return %s.

				%s

				We will let you know as soon as it has arrived and been checked.
				""".formatted(store.name(), event.number(), label));
	}

	@ApplicationModuleListener
	void on(ReturnResolved event) {
		Store store = stores.get(event.storeId());
		String what = switch (event.resolution()) {
			case REFUND -> "We refunded " + event.refunded() + " to your original payment method. "
					+ "Depending on your bank it shows up within a few days.";
			case STORE_CREDIT -> "We added " + event.storeCredit() + " of store credit to your account.";
			case EXCHANGE -> "We placed your exchange order" + (event.refunded().isZero() ? "."
					: " and refunded the difference of " + event.refunded() + " to your original payment method.");
		};
		String subject = switch (event.resolution()) {
			case REFUND -> "Your refund for return " + event.number();
			case STORE_CREDIT -> "Store credit for return " + event.number();
			case EXCHANGE -> "Your exchange for return " + event.number();
		};
		String shipping = event.returnShippingCharge().isZero() ? ""
				: "\nReturn shipping −" + event.returnShippingCharge() + " (the return label, taken off the amount above"
						+ (event.refunded().isZero() && event.storeCredit().isZero() && event.resolution() != Resolution.EXCHANGE
								? "; it was more than the return was worth, so nothing is paid back)" : ")")
						+ "\n";
		send(store, event.email(), subject, """
				Your return %s to %s is complete.

				%s
				%s""".formatted(event.number(), store.name(), what, shipping));
	}

	private void send(Store store, String to, String subject, String text) {
		if (!mail.configured()) {
			log.warn("No mail server configured (spring.mail.host): the return email \"{}\" of store {} was not sent.",
					subject, store.handle());
			return;
		}
		mail.send(store.id(), to, subject, text);
	}
}
