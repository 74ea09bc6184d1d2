package dev.shopwright.inventory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Releases reservations whose time is up, on every node: each claims due reservations with
 * {@code FOR UPDATE SKIP LOCKED}, so no reservation is released twice or left behind (a node that dies
 * mid-way rolls its claim back and another takes it).
 */
@Component
class ReservationExpiry {

	private static final Logger log = LoggerFactory.getLogger(ReservationExpiry.class);

	private static final int BATCH = 200;

	private final InventoryManagement inventory;

	ReservationExpiry(InventoryManagement inventory) {
		this.inventory = inventory;
	}

	@Scheduled(fixedDelayString = "${shopwright.inventory.reservation-expiry-interval:PT10S}",
			initialDelayString = "${shopwright.inventory.reservation-expiry-interval:PT10S}")
	void expireDue() {
		int expired;
		int total = 0;
		do {
			expired = inventory.expireDueReservations(BATCH);
			total += expired;
		}
		while (expired == BATCH);
		if (total > 0) {
			log.info("Expired {} reservations", total);
		}
	}
}
