package dev.shopwright.fulfillment.carriers;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.shopwright.fulfillment.Carrier;
import dev.shopwright.fulfillment.FulfillmentProblems;
import dev.shopwright.fulfillment.Parcel;
import dev.shopwright.fulfillment.ShipmentStatus;
import dev.shopwright.fulfillment.ShippingAddress;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;

/**
 * A carrier for trying Shopwright without a contract: two services at fixed prices, tracking numbers
 * {@code SBX<G|E><10 digits>}, and a tracking timeline that follows from the label's time alone, so whoever asks at
 * a given moment sees the same steps: label created → picked up, in transit (+6 h) → at the destination depot → out
 * for delivery (08:00 on the transit day) → delivered (+5 h). Parcels whose number ends in 7 (one in ten, or a
 * recipient postal code {@value #EXCEPTION_POSTAL_CODE}) meet a failed delivery attempt first and arrive a day later.
 */
@Component
public class SandboxCarrier implements Carrier {

	public static final String CODE = "sandbox";

	/** Ship to this postal code to see an exception on the timeline every time. */
	public static final String EXCEPTION_POSTAL_CODE = "99999";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String trackingBase;

	SandboxCarrier(@Value("${shopwright.public-url:}") String publicUrl) {
		String base = publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
		this.trackingBase = base + "/api/store/v1/tracking/" + CODE + "/";
	}

	@Override
	public String code() {
		return CODE;
	}

	@Override
	public String name() {
		return "Sandbox Parcel";
	}

	@Override
	public List<Rate> rates(StoreId store, Parcel parcel, ShippingAddress from, ShippingAddress to, String currency) {
		boolean abroad = from.country() != null && to.country() != null && !from.country().equals(to.country());
		// 4.90 base + 0.80 per started kilogram; abroad adds 6.00 and two days
		BigDecimal kilos = BigDecimal.valueOf((parcel.weightGrams() + 999) / 1000);
		BigDecimal ground = new BigDecimal("4.90").add(new BigDecimal("0.80").multiply(kilos))
			.add(abroad ? new BigDecimal("6.00") : BigDecimal.ZERO);
		Currency money = Currency.getInstance(currency);
		return List.of(
				new Rate(CODE, "ground", "Sandbox Ground", Money.of(ground, money, Money.DEFAULT_ROUNDING), abroad ? 5 : 3),
				new Rate(CODE, "express", "Sandbox Express",
						Money.of(ground.multiply(new BigDecimal("2.5")), money, Money.DEFAULT_ROUNDING), abroad ? 3 : 1));
	}

	@Override
	public Label createLabel(StoreId store, LabelRequest request) {
		char service = switch (request.service()) {
			case "ground" -> 'G';
			case "express" -> 'E';
			default -> throw FulfillmentProblems.noRate("Sandbox Parcel has no service '%s'".formatted(request.service()));
		};
		StringBuilder digits = new StringBuilder();
		for (int i = 0; i < 9; i++) {
			digits.append(RANDOM.nextInt(10));
		}
		int last = RANDOM.nextInt(10);
		if (EXCEPTION_POSTAL_CODE.equals(request.to().postalCode())) {
			last = 7;
		}
		else if (last == 7 && RANDOM.nextInt(10) != 0) {
			// keep exceptions occasional (about one parcel in ten) rather than whatever the last digit gives
			last = 8;
		}
		String number = "SBX" + service + digits + last;
		return new Label(number, trackingBase + number, service == 'G' ? "Sandbox Ground" : "Sandbox Express");
	}

	@Override
	public List<TrackingUpdate> tracking(StoreId store, String trackingNumber, Instant labelCreatedAt, Instant now) {
		int transitDays = trackingNumber.charAt(3) == 'E' ? 1 : 3;
		boolean exception = trackingNumber.endsWith("7");
		Instant transitDay = labelCreatedAt.plus(Duration.ofDays(transitDays)).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
		Instant outForDelivery = transitDay.plus(Duration.ofHours(8));
		List<TrackingUpdate> all = new ArrayList<>();
		all.add(new TrackingUpdate("label", ShipmentStatus.LABEL_CREATED, "Label created", null, labelCreatedAt));
		all.add(new TrackingUpdate("pickup", ShipmentStatus.IN_TRANSIT, "Picked up by the carrier", "Origin hub",
				labelCreatedAt.plus(Duration.ofHours(6))));
		all.add(new TrackingUpdate("depot", ShipmentStatus.IN_TRANSIT, "Arrived at the destination depot",
				"Destination depot", transitDay.plus(Duration.ofHours(3))));
		if (exception) {
			all.add(new TrackingUpdate("out-1", ShipmentStatus.OUT_FOR_DELIVERY, "Out for delivery", "Destination depot",
					outForDelivery));
			all.add(new TrackingUpdate("attempt-1", ShipmentStatus.EXCEPTION,
					"Delivery attempt failed: recipient not available", null, outForDelivery.plus(Duration.ofHours(4))));
			outForDelivery = outForDelivery.plus(Duration.ofDays(1));
		}
		all.add(new TrackingUpdate("out", ShipmentStatus.OUT_FOR_DELIVERY, "Out for delivery", "Destination depot",
				outForDelivery));
		all.add(new TrackingUpdate("delivered", ShipmentStatus.DELIVERED, "Delivered", null,
				outForDelivery.plus(Duration.ofHours(5))));
		return all.stream().filter(step -> !step.occurredAt().isAfter(now)).toList();
	}

	@Override
	public void cancelLabel(StoreId store, String trackingNumber) {
		// nothing was bought from anyone
	}
}
