package dev.shopwright.checkout;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.shopwright.platform.BusinessRuleViolation;

/**
 * Every {@code shopwright.checkout.abandonment.interval} (1 min): ACTIVE carts with an email and lines, untouched for
 * {@code shopwright.checkout.abandonment.after} (1 h), become ABANDONED, and any stock a failed completion attempt
 * left reserved for their order id is released; then the recovery mail goes out for stores that send it by themselves
 * ({@link CheckoutManagement#setAutomaticRecoveryHours}). Safe on several nodes: carts are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, and a mail is counted by a conditional update before it is sent (first one wins).
 */
@Component
class AbandonedCheckouts {

	private static final Logger log = LoggerFactory.getLogger(AbandonedCheckouts.class);

	private static final int BATCH = 50;

	private final Carts carts;

	private final CheckoutCompletion completion;

	private final CheckoutManagement checkout;

	private final Duration after;

	AbandonedCheckouts(Carts carts, CheckoutCompletion completion, CheckoutManagement checkout,
			@Value("${shopwright.checkout.abandonment.after:PT1H}") Duration after) {
		this.carts = carts;
		this.completion = completion;
		this.checkout = checkout;
		this.after = after;
	}

	@Scheduled(fixedDelayString = "${shopwright.checkout.abandonment.interval:PT60S}",
			initialDelayString = "${shopwright.checkout.abandonment.initial-delay:PT45S}")
	void run() {
		int abandoned = abandon(after);
		int mailed = sendDueRecoveryMails();
		if (abandoned + mailed > 0) {
			log.info("abandoned checkouts: {} carts abandoned, {} recovery mails sent", abandoned, mailed);
		}
	}

	/** Abandons every cart untouched for {@code age}; returns how many. */
	int abandon(Duration age) {
		int total = 0;
		int claimed;
		do {
			var rows = carts.abandonStale(age, BATCH);
			claimed = rows.size();
			for (Carts.Row row : rows) {
				if (row.orderId() != null) {
					try {
						completion.releaseStock(row.store(), row.orderId().toString());
					}
					catch (RuntimeException ex) { // the reservation's own expiry releases it later
						log.warn("abandoned cart {}: stock not released now: {}", row.id(), ex.toString());
					}
				}
			}
			total += claimed;
		}
		while (claimed == BATCH);
		return total;
	}

	/** The automatic recovery mails that are due; returns how many went out. */
	int sendDueRecoveryMails() {
		int sent = 0;
		for (Carts.Row row : carts.dueForAutomaticRecovery(BATCH)) {
			try {
				checkout.sendRecoveryMail(row.store(), row.id(), false);
				sent++;
			}
			catch (BusinessRuleViolation alreadyHandled) {
				// another node sent it first, or the shopper came back meanwhile
			}
			catch (RuntimeException ex) { // a mail server down: nothing was counted, the next round tries again
				log.warn("recovery mail for cart {} not sent: {}", row.id(), ex.toString());
			}
		}
		return sent;
	}
}
