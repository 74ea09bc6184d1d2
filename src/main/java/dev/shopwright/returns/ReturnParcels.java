package dev.shopwright.returns;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.shopwright.fulfillment.events.ParcelTracked;
import dev.shopwright.returns.domain.Returns;

/**
 * Follows return parcels: signed carrier events fulfilment passes on (tracking numbers that are not its shipments),
 * and, on the same schedule as fulfilment's tracking job, the timelines of carriers that keep their own (the sandbox).
 * Every node may run the job: a step is recorded once per parcel by its key.
 */
@Component
class ReturnParcels {

	private final ReturnManagement returns;

	private final Clock clock;

	ReturnParcels(ReturnManagement returns, ObjectProvider<Clock> clock) {
		this.returns = returns;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@ApplicationModuleListener
	void on(ParcelTracked event) {
		returns.trackParcel(event.storeId(), event.carrier(), event.trackingNumber(), new Returns.ParcelStep(event.key(),
				event.status(), event.description(), event.place(), event.occurredAt()));
	}

	@Scheduled(fixedDelayString = "${shopwright.fulfillment.tracking-interval:PT5M}",
			initialDelayString = "${shopwright.fulfillment.tracking-initial-delay:PT1M}")
	void follow() {
		returns.followParcels(clock.instant());
	}
}
