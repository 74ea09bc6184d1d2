package dev.shopwright.fulfillment;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Brings the timelines of parcels whose carrier keeps one (the sandbox) up to date. Every node may run it: a step
 * is recorded once per parcel by its key, so two nodes asking at once record it once.
 */
@Component
class TrackingJob {

	private final FulfillmentManagement fulfillment;

	private final Clock clock;

	TrackingJob(FulfillmentManagement fulfillment, ObjectProvider<Clock> clock) {
		this.fulfillment = fulfillment;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Scheduled(fixedDelayString = "${shopwright.fulfillment.tracking-interval:PT5M}",
			initialDelayString = "${shopwright.fulfillment.tracking-initial-delay:PT1M}")
	void follow() {
		fulfillment.followTracking(clock.instant());
	}
}
