package dev.shopwright.fraud;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.shopwright.fraud.events.RiskAssessed;
import dev.shopwright.fraud.events.RiskReviewed;

/** Test listener that keeps every committed fraud event, so tests see what checkout and orders would receive. */
@Component
class RecordedFraudEvents {

	private final List<Object> events = new CopyOnWriteArrayList<>();

	@TransactionalEventListener
	void on(RiskAssessed event) {
		events.add(event);
	}

	@TransactionalEventListener
	void on(RiskReviewed event) {
		events.add(event);
	}

	/** The committed events so far (a method, not the field: the bean may be a proxy). */
	List<Object> all() {
		return List.copyOf(events);
	}
}
