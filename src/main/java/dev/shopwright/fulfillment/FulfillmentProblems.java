package dev.shopwright.fulfillment;

import java.util.Map;

import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ResourceNotFound;

/** The rules fulfilment refuses to break, each with its stable problem code. */
public final class FulfillmentProblems {

	private FulfillmentProblems() {
	}

	public static ResourceNotFound fulfillmentOrderNotFound(Object id) {
		return new ResourceNotFound("Fulfillment order", String.valueOf(id));
	}

	public static ResourceNotFound shipmentNotFound(Object id) {
		return new ResourceNotFound("Shipment", String.valueOf(id));
	}

	public static ResourceNotFound pickListNotFound(Object id) {
		return new ResourceNotFound("Pick list", String.valueOf(id));
	}

	public static BusinessRuleViolation onHold() {
		return new BusinessRuleViolation("FULFILLMENT_ON_HOLD", 409,
				"The order is on hold; release it before picking, packing or shipping");
	}

	public static BusinessRuleViolation closed() {
		return new BusinessRuleViolation("FULFILLMENT_ORDER_CLOSED", 409,
				"The fulfillment order is fulfilled or cancelled; nothing is left to do");
	}

	public static BusinessRuleViolation quantityExceeded(String field, String detail) {
		return new BusinessRuleViolation("QUANTITY_EXCEEDS_REMAINING", 409, detail, Map.of(field, detail));
	}

	public static BusinessRuleViolation invalid(String code, String field, String detail) {
		return BusinessRuleViolation.ofField(code, field, detail);
	}

	public static BusinessRuleViolation nothingToShip() {
		return new BusinessRuleViolation("NOTHING_TO_SHIP", 422,
				"Nothing to ship: pack items first or name the lines and quantities", Map.of("lines",
						"pack items first or name the lines and quantities"));
	}

	public static BusinessRuleViolation unknownCarrier(String code) {
		return BusinessRuleViolation.ofField("UNKNOWN_CARRIER", "carrier", "No carrier '%s' is enabled for this store".formatted(code));
	}

	public static BusinessRuleViolation noRate(String detail) {
		return BusinessRuleViolation.ofField("NO_SHIPPING_RATE", "service", detail);
	}

	public static BusinessRuleViolation invalidSignature(String detail) {
		return new BusinessRuleViolation("INVALID_SIGNATURE", 401, "The tracking event's signature is not valid: " + detail);
	}
}
