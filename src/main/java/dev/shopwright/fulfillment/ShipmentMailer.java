package dev.shopwright.fulfillment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.shopwright.fulfillment.events.ShipmentDelivered;
import dev.shopwright.fulfillment.events.ShipmentShipped;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreMail;
import dev.shopwright.stores.StoreManagement;

/**
 * Tells the shopper their parcel is on its way (with the tracking link) and, later, that it arrived. Runs from the
 * event publication registry after the shipment committed: a failed send leaves the publication to be retried.
 */
@Component
class ShipmentMailer {

	private static final Logger log = LoggerFactory.getLogger(ShipmentMailer.class);

	private final StoreManagement stores;

	private final StoreMail mail;

	ShipmentMailer(StoreManagement stores, StoreMail mail) {
		this.stores = stores;
		this.mail = mail;
	}

	@ApplicationModuleListener
	void on(ShipmentShipped shipped) {
		Store store = stores.get(shipped.storeId());
		StringBuilder items = new StringBuilder();
		shipped.lines().forEach(l -> items.append("  %d × %s (%s)%n".formatted(l.quantity(), l.title(), l.sku())));
		send(store, shipped.email(), "Your order %s has shipped".formatted(shipped.orderNumber()), """
				Good news: your order %s from %s is on its way with %s.

				Tracking number: %s
				Follow your parcel: %s

				In this parcel:
				%s""".formatted(shipped.orderNumber(), store.name(), shipped.serviceName(), shipped.trackingNumber(),
				shipped.trackingUrl(), items));
	}

	@ApplicationModuleListener
	void on(ShipmentDelivered delivered) {
		Store store = stores.get(delivered.storeId());
		send(store, delivered.email(), "Your order %s was delivered".formatted(delivered.orderNumber()), """
				Your parcel %s with order %s from %s was delivered.

				Tracking: %s
				""".formatted(delivered.trackingNumber(), delivered.orderNumber(), store.name(), delivered.trackingUrl()));
	}

	private void send(Store store, String to, String subject, String text) {
		if (!mail.configured()) {
			log.warn("No mail server configured (spring.mail.host): '{}' to a shopper of store {} was not sent.", subject,
					store.id());
			return;
		}
		mail.send(store.id(), to, subject, text);
	}
}
