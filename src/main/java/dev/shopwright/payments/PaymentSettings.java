package dev.shopwright.payments;

import java.util.ArrayList;
import java.util.List;

/** Which payment methods a store offers and when it captures card payments. */
public record PaymentSettings(boolean cardEnabled, boolean bankTransferEnabled, boolean cashOnDeliveryEnabled,
		CaptureMode captureMode) {

	public static PaymentSettings defaults() {
		return new PaymentSettings(true, false, false, CaptureMode.IMMEDIATE);
	}

	public boolean offers(PaymentMethod method) {
		return switch (method) {
			case CARD -> cardEnabled;
			case BANK_TRANSFER -> bankTransferEnabled;
			case CASH_ON_DELIVERY -> cashOnDeliveryEnabled;
		};
	}

	public List<PaymentMethod> offeredMethods() {
		List<PaymentMethod> offered = new ArrayList<>();
		for (PaymentMethod method : PaymentMethod.values()) {
			if (offers(method)) {
				offered.add(method);
			}
		}
		return offered;
	}
}
