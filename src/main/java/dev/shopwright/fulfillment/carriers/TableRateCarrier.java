package dev.shopwright.fulfillment.carriers;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.shopwright.fulfillment.Carrier;
import dev.shopwright.fulfillment.FulfillmentProblems;
import dev.shopwright.fulfillment.Parcel;
import dev.shopwright.fulfillment.ShippingAddress;
import dev.shopwright.fulfillment.domain.CarrierSettings;
import dev.shopwright.shared.StoreId;

/**
 * A carrier the store has a price list with: rates come from the store's table (per service, per zone of
 * destination countries, by weight band: the lightest band that takes the parcel), labels carry a number of the
 * carrier's form, and tracking arrives by the carrier's signed webhooks. A zone with no countries matches every
 * destination that no other zone of the service names.
 */
public class TableRateCarrier implements Carrier {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String code;

	private final String name;

	private final String prefix;

	private final String trackingUrlTemplate;

	private final CarrierSettings settings;

	public TableRateCarrier(String code, String name, String prefix, String trackingUrlTemplate, CarrierSettings settings) {
		this.code = code;
		this.name = name;
		this.prefix = prefix;
		this.trackingUrlTemplate = trackingUrlTemplate;
		this.settings = settings;
	}

	@Override
	public String code() {
		return code;
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public List<Rate> rates(StoreId store, Parcel parcel, ShippingAddress from, ShippingAddress to, String currency) {
		return matching(store, parcel, to, currency);
	}

	private List<Rate> matching(StoreId store, Parcel parcel, ShippingAddress to, @Nullable String currency) {
		Map<String, List<CarrierSettings.TableRate>> byService = new LinkedHashMap<>();
		settings.rates(store, code).stream()
			.filter(rate -> currency == null || rate.price().currency().getCurrencyCode().equals(currency))
			.forEach(rate -> byService.computeIfAbsent(rate.service(), k -> new java.util.ArrayList<>()).add(rate));
		return byService.values().stream()
			.map(bands -> {
				boolean named = bands.stream().anyMatch(b -> to.country() != null && b.countries().contains(to.country()));
				return bands.stream()
					.filter(b -> named ? b.countries().contains(to.country()) : b.countries().isEmpty())
					.filter(b -> b.maxGrams() >= parcel.weightGrams())
					.min(Comparator.comparingInt(CarrierSettings.TableRate::maxGrams))
					.map(b -> new Rate(code, b.service(), b.serviceName(), b.price(), b.transitDays()));
			})
			.flatMap(java.util.Optional::stream)
			.toList();
	}

	@Override
	public Label createLabel(StoreId store, LabelRequest request) {
		Rate rate = matching(store, request.parcel(), request.to(), null).stream().filter(r -> r.service().equals(request.service())).findFirst()
			.orElseThrow(() -> FulfillmentProblems.noRate("%s has no rate for service '%s' to %s at %d g"
				.formatted(name, request.service(), request.to().country(), request.parcel().weightGrams())));
		StringBuilder number = new StringBuilder(prefix);
		for (int i = 0; i < 12; i++) {
			number.append(RANDOM.nextInt(10));
		}
		return new Label(number.toString(), trackingUrlTemplate.replace("{number}", number), rate.serviceName());
	}

	@Override
	public List<TrackingUpdate> tracking(StoreId store, String trackingNumber, Instant labelCreatedAt, Instant now) {
		return List.of();
	}

	@Override
	public void cancelLabel(StoreId store, String trackingNumber) {
		// a table-rate label is printed from the store's own account; voiding it is a matter for the carrier's portal
	}
}
