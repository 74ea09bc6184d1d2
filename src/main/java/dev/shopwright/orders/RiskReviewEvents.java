package dev.shopwright.orders;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shopwright.fraud.FraudManagement;
import dev.shopwright.fraud.ReviewDecision;
import dev.shopwright.fraud.events.RiskReviewed;
import dev.shopwright.orders.domain.Orders;
import dev.shopwright.orders.events.OrderReleased;
import dev.shopwright.platform.Actor;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.shared.StoreId;

/**
 * Orders follow staff's fraud reviews (reference = order id). Genuine: an order held because its risk was HIGH is
 * released for fulfilment — a hold staff put on by hand stays. Fraudulent: the order is cancelled as staff would
 * cancel it (authorisation voided or capture refunded, units restocked). Every outcome is one timeline entry keyed by
 * the assessment, so a redelivered event changes nothing; {@link OrderManagement#cancel} is idempotent itself.
 * <p>
 * It runs without a surrounding transaction so that cancelling gives the money back outside any open transaction,
 * as every gateway call must (ADR 0011).
 */
@Component
class RiskReviewEvents {

	private final OrderManagement management;

	private final Orders orders;

	private final FraudManagement fraud;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	RiskReviewEvents(OrderManagement management, Orders orders, FraudManagement fraud, TransactionTemplate transactions,
			ApplicationEventPublisher events) {
		this.management = management;
		this.orders = orders;
		this.fraud = fraud;
		this.transactions = transactions;
		this.events = events;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(RiskReviewed event) {
		OrderId id;
		try {
			id = OrderId.of(event.reference());
		}
		catch (IllegalArgumentException notAnOrderId) {
			return;
		}
		StoreId store = event.storeId();
		if (orders.head(store, id).isEmpty()) {
			return; // a reference that never became an order (a checkout refused before placing)
		}
		String reviewer = Optional.ofNullable(fraud.assessment(store, event.assessmentId()).review())
			.map(review -> review.reviewedBy()).orElse("staff");
		String dedupeKey = "risk-reviewed:" + event.assessmentId();
		if (event.decision() == ReviewDecision.APPROVED) {
			approved(store, id, reviewer, dedupeKey);
		}
		else {
			fraudulent(store, id, reviewer, dedupeKey);
		}
	}

	private void approved(StoreId store, OrderId id, String reviewer, String dedupeKey) {
		Actor actor = Actor.current();
		transactions.executeWithoutResult(tx -> {
			Orders.Head head = orders.lock(store, id).orElseThrow();
			boolean riskHold = head.status() == OrderStatus.ON_HOLD && heldForRisk(head, orders.timeline(store, id));
			String outcome = riskHold ? "released from its risk hold" : "order left " + head.status()
					+ (head.status() == OrderStatus.ON_HOLD ? " (held by staff, not for its risk)" : "");
			if (!orders.appendTimeline(store, id, "risk.approved", "Fraud review by " + reviewer + ": genuine; "
					+ outcome, actor, Map.of("reviewer", reviewer), dedupeKey)) {
				return; // redelivered: handled already
			}
			if (riskHold && orders.status(store, id, java.util.Set.of(OrderStatus.ON_HOLD), OrderStatus.OPEN)) {
				orders.appendTimeline(store, id, "released", "Released from hold after the fraud review by " + reviewer,
						actor, Map.of("reviewer", reviewer), null);
				events.publishEvent(new OrderReleased(store, id));
			}
		});
	}

	private void fraudulent(StoreId store, OrderId id, String reviewer, String dedupeKey) {
		String outcome;
		try {
			management.cancel(store, id, "Marked fraudulent in the fraud review by " + reviewer, true);
			outcome = "order cancelled, payment voided or refunded, units restocked";
		}
		catch (BusinessRuleViolation refused) {
			outcome = "the order could not be cancelled (" + refused.getMessage() + "); staff must settle it by hand";
		}
		String message = "Fraud review by " + reviewer + ": fraudulent; " + outcome;
		transactions.executeWithoutResult(tx -> orders.appendTimeline(store, id, "risk.fraudulent", message,
				Actor.current(), Map.of("reviewer", reviewer), dedupeKey));
	}

	/**
	 * Whether the hold is the one placing put on for a HIGH risk: the latest "held" entry is placing's (it carries
	 * the risk score; a staff hold carries the staff's reason) and the order's risk is HIGH (placing also holds a
	 * low-risk order whose stock ran out, with the same kind of entry).
	 */
	private static boolean heldForRisk(Orders.Head head, List<TimelineEntry> timeline) {
		if (head.risk().level() != RiskLevel.HIGH) {
			return false;
		}
		return timeline.reversed().stream().filter(e -> e.kind().equals("held")).findFirst()
			.map(e -> e.data().containsKey("riskScore") && !e.data().containsKey("reason")).orElse(false);
	}
}
