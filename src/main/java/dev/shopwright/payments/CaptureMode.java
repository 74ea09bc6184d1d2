package dev.shopwright.payments;

/** When a store takes the authorised money: at once, or when the order is fulfilled (orders then call capture). */
public enum CaptureMode {
	IMMEDIATE, ON_FULFILMENT
}
