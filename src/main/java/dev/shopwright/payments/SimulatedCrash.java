package dev.shopwright.payments;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A fault-injection point for crash tests: with {@code shopwright.payments.simulate-crash-at=after-gateway-call} the
 * process halts (no shutdown hooks, like a kill -9 or a power cut) right after the gateway answered and before the
 * answer is recorded, the worst moment for a payment. Unset (the default) it does nothing.
 */
@Component
class SimulatedCrash {

	static final String AFTER_GATEWAY_CALL = "after-gateway-call";

	private static final Logger log = LoggerFactory.getLogger(SimulatedCrash.class);

	private final @Nullable String point;

	SimulatedCrash(@Value("${shopwright.payments.simulate-crash-at:#{null}}") @Nullable String point) {
		this.point = point;
	}

	void at(String here) {
		if (here.equals(point)) {
			log.error("simulated crash at {}: halting the JVM", here);
			Runtime.getRuntime().halt(137);
		}
	}
}
