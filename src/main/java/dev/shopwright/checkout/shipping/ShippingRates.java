package dev.shopwright.checkout.shipping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.shopwright.platform.AuditLog;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.pricing.PricingManagement;
import dev.shopwright.pricing.TaxClass;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;

/**
 * Shipping zones and methods, and the quote checkout asks for: the methods available for a destination, cart
 * weight and subtotal, priced in the cart's currency, with promised delivery dates.
 */
@Service
public class ShippingRates {

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private static final int MAX_DAYS = 365;

	private final ShippingZones zones;

	private final StoreManagement stores;

	private final PricingManagement pricing;

	private final AuditLog auditLog;

	ShippingRates(ShippingZones zones, StoreManagement stores, PricingManagement pricing, AuditLog auditLog) {
		this.zones = zones;
		this.stores = stores;
		this.pricing = pricing;
		this.auditLog = auditLog;
	}

	/**
	 * The methods of the most specific zone for the destination that apply to this cart (a tiered method applies
	 * only when a tier covers the weight or subtotal), cheapest first; empty when no zone ships there.
	 */
	@Transactional(readOnly = true)
	public List<ShippingQuote> quote(StoreId storeId, QuoteRequest request) {
		Store store = stores.get(storeId);
		if (request.weightGrams() < 0) {
			throw BusinessRuleViolation.ofField("INVALID_QUOTE", "weightGrams", "must not be negative");
		}
		if (!request.subtotal().currency().equals(request.currency())) {
			throw BusinessRuleViolation.ofField("CURRENCY_MISMATCH", "subtotal",
					"must be in " + request.currency().getCurrencyCode());
		}
		if (request.subtotal().isNegative()) {
			throw BusinessRuleViolation.ofField("INVALID_QUOTE", "subtotal", "must not be negative");
		}
		// the subtotal in the store currency, in which thresholds and tiers are set (also checks the currency)
		Money subtotal = pricing.convert(storeId, request.subtotal(), store.defaultCurrency());
		Optional<ShippingZone> zone = zoneFor(storeId, request.destination().country(), request.destination().region());
		if (zone.isEmpty()) {
			return List.of();
		}
		List<ShippingQuote> quotes = new ArrayList<>();
		BigDecimal weight = BigDecimal.valueOf(request.weightGrams());
		for (ShippingMethod method : zone.get().methods()) {
			Money price = switch (method.kind()) {
				case FLAT -> method.price();
				case PICKUP -> Money.zero(store.defaultCurrency());
				case FREE_OVER -> subtotal.compareTo(java.util.Objects.requireNonNull(method.freeOver())) >= 0
						? Money.zero(store.defaultCurrency()) : method.price();
				case WEIGHT_TIERS -> tierPrice(method, weight);
				case PRICE_TIERS -> tierPrice(method, subtotal.amount());
			};
			if (price == null) {
				continue;
			}
			Money presentment = pricing.convert(storeId, price, request.currency());
			quotes.add(new ShippingQuote(method.id(), method.name(), method.kind(), presentment, method.taxClass(),
					DeliveryEstimate.afterBusinessDays(request.orderedAt(), store.timezone(), method.minDays()),
					DeliveryEstimate.afterBusinessDays(request.orderedAt(), store.timezone(), method.maxDays())));
		}
		quotes.sort(Comparator.comparing((ShippingQuote q) -> q.price().amount()).thenComparing(ShippingQuote::name));
		return quotes;
	}

	private static @Nullable Money tierPrice(ShippingMethod method, BigDecimal value) {
		return method.tiers().stream().filter(t -> t.contains(value)).map(ShippingTier::price).findFirst().orElse(null);
	}

	/** The zone for an address: one naming its region wins over one naming its country. */
	@Transactional(readOnly = true)
	public Optional<ShippingZone> zoneFor(StoreId storeId, @Nullable String country, @Nullable String region) {
		return zones.all(storeId).stream().filter(z -> z.specificityFor(country, region) > 0)
			.max(Comparator.comparingInt(z -> z.specificityFor(country, region)));
	}

	public List<ShippingZone> zones(StoreId storeId) {
		return zones.all(storeId);
	}

	public ShippingZone zone(StoreId storeId, UUID id) {
		return zones.find(storeId, id).orElseThrow(() -> new ResourceNotFound("Shipping zone", id.toString()));
	}

	@Transactional
	public ShippingZone createZone(StoreId storeId, String name, List<String> places) {
		List<String> clean = validateZone(name, places);
		UUID id = UUID.randomUUID();
		zones.insertZone(storeId, id, name.strip(), clean);
		auditLog.record(storeId, "shipping-zone.created", "shipping-zone", id.toString(),
				"Created shipping zone " + name.strip() + " (" + String.join(", ", clean) + ")");
		return zone(storeId, id);
	}

	@Transactional
	public ShippingZone updateZone(StoreId storeId, UUID id, String name, List<String> places) {
		List<String> clean = validateZone(name, places);
		if (!zones.updateZone(storeId, id, name.strip(), clean)) {
			throw new ResourceNotFound("Shipping zone", id.toString());
		}
		auditLog.record(storeId, "shipping-zone.updated", "shipping-zone", id.toString(),
				"Changed shipping zone " + name.strip() + " (" + String.join(", ", clean) + ")");
		return zone(storeId, id);
	}

	@Transactional
	public void deleteZone(StoreId storeId, UUID id) {
		if (!zones.deleteZone(storeId, id)) {
			throw new ResourceNotFound("Shipping zone", id.toString());
		}
		auditLog.record(storeId, "shipping-zone.deleted", "shipping-zone", id.toString(), "Deleted a shipping zone");
	}

	/** Adds (methodId null) or replaces a method of a zone, with its tiers, in one transaction. */
	@Transactional
	public ShippingMethod saveMethod(StoreId storeId, UUID zoneId, @Nullable UUID methodId, ShippingMethodDraft draft) {
		Store store = stores.get(storeId);
		ShippingMethod method = validateMethod(storeId, store, zoneId, methodId == null ? UUID.randomUUID() : methodId, draft);
		if (!zones.saveMethod(storeId, method, methodId == null)) {
			throw methodId == null ? new ResourceNotFound("Shipping zone", zoneId.toString())
					: new ResourceNotFound("Shipping method", methodId.toString());
		}
		auditLog.record(storeId, methodId == null ? "shipping-method.created" : "shipping-method.updated",
				"shipping-method", method.id().toString(), (methodId == null ? "Added" : "Changed") + " shipping method "
						+ method.name() + " (" + method.kind() + ")");
		return zone(storeId, zoneId).methods().stream().filter(m -> m.id().equals(method.id())).findFirst().orElseThrow();
	}

	@Transactional
	public void deleteMethod(StoreId storeId, UUID zoneId, UUID methodId) {
		if (!zones.deleteMethod(storeId, zoneId, methodId)) {
			throw new ResourceNotFound("Shipping method", methodId.toString());
		}
		auditLog.record(storeId, "shipping-method.deleted", "shipping-method", methodId.toString(),
				"Deleted a shipping method");
	}

	private static List<String> validateZone(String name, List<String> places) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (name.isBlank() || name.length() > 200) {
			errors.put("name", "is required (up to 200 characters)");
		}
		List<String> clean = places.stream().map(p -> p.strip().toUpperCase(Locale.ROOT)).filter(p -> !p.isEmpty())
			.distinct().toList();
		if (clean.isEmpty()) {
			errors.put("places", "name at least one country (DE) or region (US-CA)");
		}
		List<String> bad = clean.stream().filter(p -> !p.matches("[A-Z]{2}(-[A-Z0-9]{1,3})?")
				|| !COUNTRIES.contains(p.substring(0, 2))).toList();
		if (!bad.isEmpty()) {
			errors.put("places", String.join(", ", bad) + " is not a country (DE) or region (US-CA)");
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation("INVALID_SHIPPING_ZONE", 422, "The shipping zone is not valid.", errors);
		}
		return clean;
	}

	private ShippingMethod validateMethod(StoreId storeId, Store store, UUID zoneId, UUID id, ShippingMethodDraft d) {
		Map<String, String> errors = new LinkedHashMap<>();
		var currency = store.defaultCurrency();
		if (d.name().isBlank() || d.name().length() > 200) {
			errors.put("name", "is required (up to 200 characters)");
		}
		if (d.minDays() < 0 || d.minDays() > MAX_DAYS) {
			errors.put("minDays", "must be between 0 and " + MAX_DAYS);
		}
		if (d.maxDays() < d.minDays() || d.maxDays() > MAX_DAYS) {
			errors.put("maxDays", "must be between minDays and " + MAX_DAYS);
		}
		boolean needsPrice = d.kind() == ShippingMethodKind.FLAT || d.kind() == ShippingMethodKind.FREE_OVER;
		if (needsPrice && d.price() == null) {
			errors.put("price", "is required for " + d.kind());
		}
		checkMoney(d.price(), "price", currency, errors);
		if (d.kind() == ShippingMethodKind.FREE_OVER && d.freeOver() == null) {
			errors.put("freeOver", "is required for FREE_OVER");
		}
		checkMoney(d.freeOver(), "freeOver", currency, errors);
		boolean tiered = d.kind() == ShippingMethodKind.WEIGHT_TIERS || d.kind() == ShippingMethodKind.PRICE_TIERS;
		if (tiered && d.tiers().isEmpty()) {
			errors.put("tiers", "a tiered method needs at least one tier");
		}
		if (!tiered && !d.tiers().isEmpty()) {
			errors.put("tiers", "only WEIGHT_TIERS and PRICE_TIERS methods have tiers");
		}
		List<ShippingTier> tiers = new ArrayList<>(d.tiers());
		for (int i = 0; i < tiers.size(); i++) {
			ShippingTier t = tiers.get(i);
			if (t.from().signum() < 0 || t.to() != null && t.to().compareTo(t.from()) <= 0) {
				errors.put("tiers[" + i + "]", "needs 0 ≤ from < to");
			}
			checkMoney(t.price(), "tiers[" + i + "].price", currency, errors);
			int scale = d.kind() == ShippingMethodKind.WEIGHT_TIERS ? 0 : Math.max(currency.getDefaultFractionDigits(), 0);
			if (t.from().stripTrailingZeros().scale() > scale || t.to() != null && t.to().stripTrailingZeros().scale() > scale) {
				errors.put("tiers[" + i + "]", d.kind() == ShippingMethodKind.WEIGHT_TIERS ? "weights are whole grams"
						: "bounds have at most " + scale + " decimal places");
			}
		}
		tiers.sort(Comparator.comparing(ShippingTier::from));
		for (int i = 1; i < tiers.size(); i++) {
			ShippingTier before = tiers.get(i - 1);
			if (before.to() == null || before.to().compareTo(tiers.get(i).from()) > 0) {
				errors.putIfAbsent("tiers", "tiers overlap: " + describe(before) + " and " + describe(tiers.get(i)));
			}
		}
		String taxClass = d.taxClass() == null || d.taxClass().isBlank() ? null : d.taxClass().strip();
		if (taxClass != null && pricing.taxClasses(storeId).stream().map(TaxClass::code).noneMatch(taxClass::equals)) {
			errors.put("taxClass", "no tax class '" + taxClass + "' in this store");
		}
		if (!errors.isEmpty()) {
			boolean overlap = errors.getOrDefault("tiers", "").startsWith("tiers overlap");
			throw new BusinessRuleViolation(overlap ? "OVERLAPPING_TIERS" : "INVALID_SHIPPING_METHOD", 422,
					"The shipping method is not valid: " + String.join(", ", errors.keySet()) + ".", errors);
		}
		Money price = d.kind() == ShippingMethodKind.PICKUP || tiered || d.price() == null ? Money.zero(currency) : d.price();
		return new ShippingMethod(id, zoneId, d.name().strip(), d.kind(), price,
				d.kind() == ShippingMethodKind.FREE_OVER ? d.freeOver() : null, tiers, d.minDays(), d.maxDays(), taxClass);
	}

	private static String describe(ShippingTier tier) {
		return tier.from().toPlainString() + "–" + (tier.to() == null ? "∞" : tier.to().toPlainString());
	}

	private static void checkMoney(@Nullable Money money, String field, java.util.Currency currency,
			Map<String, String> errors) {
		if (money == null) {
			return;
		}
		if (!money.currency().equals(currency)) {
			errors.put(field, "must be in the store currency " + currency.getCurrencyCode());
		}
		else if (money.isNegative()) {
			errors.put(field, "must not be negative");
		}
	}
}
