package dev.shopwright.pricing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.shopwright.platform.Actor;
import dev.shopwright.platform.AuditLog;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.pricing.domain.ExchangeRates;
import dev.shopwright.pricing.domain.PriceLists;
import dev.shopwright.pricing.domain.TaxClasses;
import dev.shopwright.pricing.domain.TaxZones;
import dev.shopwright.pricing.domain.TotalsCalculator;
import dev.shopwright.shared.Address;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;

/**
 * The pricing module's façade: tax classes, zones and rates; exchange rates and price lists; and the two
 * calculations checkout relies on, {@link #priceIn} (a SKU's price in the shopper's currency) and
 * {@link #calculate} (exact line, tax and order totals).
 */
@Service
public class PricingManagement {

	private static final String CODE = "[a-z0-9][a-z0-9-]{0,62}";

	private final StoreManagement stores;

	private final TaxClasses taxClasses;

	private final TaxZones taxZones;

	private final ExchangeRates exchangeRates;

	private final PriceLists priceLists;

	private final AuditLog auditLog;

	PricingManagement(StoreManagement stores, TaxClasses taxClasses, TaxZones taxZones, ExchangeRates exchangeRates,
			PriceLists priceLists, AuditLog auditLog) {
		this.stores = stores;
		this.taxClasses = taxClasses;
		this.taxZones = taxZones;
		this.exchangeRates = exchangeRates;
		this.priceLists = priceLists;
		this.auditLog = auditLog;
	}

	// ---- calculations -------------------------------------------------------------------------------------

	/**
	 * Prices a cart or order exactly: discounts allocated to lines, tax of the most specific zone for the
	 * destination (the store's address when the destination names no country) added to net prices or extracted
	 * from gross prices per the store's setting, rounded per line or per order, with the totals in the store's
	 * currency and the exchange rate used.
	 */
	@Transactional(readOnly = true)
	public PriceBreakdown calculate(StoreId storeId, PriceCalculation calculation) {
		Store store = stores.get(storeId);
		requireEnabled(store, calculation.currency(), "currency");
		ExchangeRate rate = null;
		if (!calculation.currency().equals(store.defaultCurrency())) {
			rate = exchangeRates.current(storeId, calculation.currency()).orElseThrow(() -> noRate(calculation.currency()));
		}
		List<TaxClass> classes = taxClasses.all(storeId);
		Map<String, TaxClass> byCode = classes.stream().collect(Collectors.toMap(TaxClass::code, Function.identity()));
		Map<String, String> unknown = new LinkedHashMap<>();
		for (int i = 0; i < calculation.lines().size(); i++) {
			String taxClass = calculation.lines().get(i).taxClass();
			if (taxClass != null && !byCode.containsKey(taxClass)) {
				unknown.put("lines[" + i + "].taxClass", "no tax class '" + taxClass + "' in this store");
			}
		}
		if (calculation.shippingTaxClass() != null && !byCode.containsKey(calculation.shippingTaxClass())) {
			unknown.put("shippingTaxClass", "no tax class '" + calculation.shippingTaxClass() + "' in this store");
		}
		if (!unknown.isEmpty()) {
			throw new BusinessRuleViolation("UNKNOWN_TAX_CLASS", 422, "Some tax classes do not exist in this store.", unknown);
		}
		String defaultClass = byCode.containsKey("standard") ? "standard"
				: classes.isEmpty() ? "standard" : classes.get(0).code();
		Address destination = calculation.destination() != null && calculation.destination().country() != null
				? calculation.destination() : store.address();
		TotalsCalculator.ZoneRates zone = zoneFor(storeId, destination)
			.map(z -> new TotalsCalculator.ZoneRates(z.name(),
					z.rates().stream().collect(Collectors.groupingBy(TaxRate::taxClass, LinkedHashMap::new, Collectors.toList()))))
			.orElse(new TotalsCalculator.ZoneRates(null, Map.of()));
		return TotalsCalculator.calculate(calculation, new TotalsCalculator.StorePricing(store.pricesIncludeTax(),
				taxClasses.rounding(storeId), store.defaultCurrency(), rate), zone, defaultClass);
	}

	/**
	 * A SKU's price in a currency: the base price (in the store's currency) itself, else the currency's price list
	 * entry for the SKU, else the base price converted with the current exchange rate and its rounding rule.
	 */
	@Transactional(readOnly = true)
	public PresentmentPrice priceIn(StoreId storeId, String sku, Money basePrice, Currency currency) {
		Store store = stores.get(storeId);
		if (!basePrice.currency().equals(store.defaultCurrency())) {
			throw BusinessRuleViolation.ofField("CURRENCY_MISMATCH", "basePrice",
					"the base price must be in the store currency " + store.defaultCurrency().getCurrencyCode());
		}
		requireEnabled(store, currency, "currency");
		if (currency.equals(store.defaultCurrency())) {
			return new PresentmentPrice(sku, basePrice, PriceSource.STORE_CURRENCY, basePrice, null);
		}
		Optional<Money> listed = priceLists.priceOf(storeId, currency, sku);
		if (listed.isPresent()) {
			return new PresentmentPrice(sku, listed.get(), PriceSource.PRICE_LIST, basePrice, null);
		}
		ExchangeRate rate = exchangeRates.current(storeId, currency).orElseThrow(() -> noRate(currency));
		return new PresentmentPrice(sku, rate.rounding().apply(basePrice.amount().multiply(rate.rate()), currency),
				PriceSource.CONVERSION, basePrice, rate);
	}

	/**
	 * An amount in another of the store's currencies at the current rate, half-up to the minor unit without the
	 * price rounding rule (for thresholds and fees such as shipping rates). Either side may be the store currency.
	 */
	@Transactional(readOnly = true)
	public Money convert(StoreId storeId, Money amount, Currency target) {
		Store store = stores.get(storeId);
		if (amount.currency().equals(target)) {
			return amount;
		}
		requireEnabled(store, target, "currency");
		requireEnabled(store, amount.currency(), "currency");
		BigDecimal inStore = amount.amount();
		if (!amount.currency().equals(store.defaultCurrency())) {
			inStore = inStore.divide(exchangeRates.current(storeId, amount.currency())
				.orElseThrow(() -> noRate(amount.currency())).rate(), MathContext.DECIMAL128);
		}
		BigDecimal result = target.equals(store.defaultCurrency()) ? inStore
				: inStore.multiply(exchangeRates.current(storeId, target).orElseThrow(() -> noRate(target)).rate());
		return Money.of(result, target, RoundingMode.HALF_UP);
	}

	/** The tax zone whose rates apply to an address: the most specific match, or none. */
	@Transactional(readOnly = true)
	public Optional<TaxZone> zoneFor(StoreId storeId, Address destination) {
		return taxZones.all(storeId).stream()
			.filter(z -> z.specificityFor(destination.country(), destination.region(), destination.postalCode()) > 0)
			.max(Comparator.comparingInt((TaxZone z) -> z.specificityFor(destination.country(), destination.region(),
					destination.postalCode())));
	}

	// ---- tax settings ------------------------------------------------------------------------------------

	public TaxRounding taxRounding(StoreId storeId) {
		return taxClasses.rounding(storeId);
	}

	@Transactional
	public void setTaxRounding(StoreId storeId, TaxRounding rounding) {
		taxClasses.setRounding(storeId, rounding);
		auditLog.record(storeId, "tax-rounding.changed", "pricing-settings", storeId.toString(),
				"Tax rounding set to " + rounding);
	}

	public List<TaxClass> taxClasses(StoreId storeId) {
		return taxClasses.all(storeId);
	}

	@Transactional
	public TaxClass createTaxClass(StoreId storeId, String code, String name) {
		Map<String, String> errors = new LinkedHashMap<>();
		String cleanCode = code.strip().toLowerCase(Locale.ROOT);
		if (!cleanCode.matches(CODE)) {
			errors.put("code", "use lower-case letters, digits and dashes (up to 63), such as 'reduced'");
		}
		if (name.isBlank() || name.length() > 200) {
			errors.put("name", "is required (up to 200 characters)");
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation("INVALID_TAX_CLASS", 422, "The tax class is not valid.", errors);
		}
		TaxClass taxClass = new TaxClass(UUID.randomUUID(), cleanCode, name.strip());
		try {
			taxClasses.insert(storeId, taxClass);
		}
		catch (DuplicateKeyException ex) {
			throw BusinessRuleViolation.ofField("TAX_CLASS_CODE_TAKEN", "code", "a tax class '" + cleanCode + "' exists");
		}
		auditLog.record(storeId, "tax-class.created", "tax-class", taxClass.id().toString(), "Created tax class " + cleanCode);
		return taxClass;
	}

	@Transactional
	public TaxClass renameTaxClass(StoreId storeId, UUID id, String name) {
		if (name.isBlank() || name.length() > 200) {
			throw BusinessRuleViolation.ofField("INVALID_TAX_CLASS", "name", "is required (up to 200 characters)");
		}
		if (!taxClasses.rename(storeId, id, name.strip())) {
			throw new ResourceNotFound("Tax class", id.toString());
		}
		auditLog.record(storeId, "tax-class.updated", "tax-class", id.toString(), "Renamed tax class to " + name.strip());
		return taxClasses.find(storeId, id).orElseThrow();
	}

	@Transactional
	public void deleteTaxClass(StoreId storeId, UUID id) {
		TaxClass taxClass = taxClasses.find(storeId, id).orElseThrow(() -> new ResourceNotFound("Tax class", id.toString()));
		if (!taxClasses.deleteUnused(storeId, id)) {
			throw new BusinessRuleViolation("TAX_CLASS_IN_USE", 409,
					"Tax class " + taxClass.code() + " has rates in some zones; remove them first.");
		}
		auditLog.record(storeId, "tax-class.deleted", "tax-class", id.toString(), "Deleted tax class " + taxClass.code());
	}

	public List<TaxZone> taxZones(StoreId storeId) {
		return taxZones.all(storeId);
	}

	public TaxZone taxZone(StoreId storeId, UUID id) {
		return taxZones.find(storeId, id).orElseThrow(() -> new ResourceNotFound("Tax zone", id.toString()));
	}

	/** Creates (id null) or replaces a zone with all its rates, in one transaction. */
	@Transactional
	public TaxZone saveTaxZone(StoreId storeId, @Nullable UUID id, TaxZoneDraft draft) {
		Map<String, UUID> classIds = taxClasses.all(storeId).stream()
			.collect(Collectors.toMap(TaxClass::code, TaxClass::id));
		Map<String, String> errors = new LinkedHashMap<>();
		if (draft.name().isBlank() || draft.name().length() > 200) {
			errors.put("name", "is required (up to 200 characters)");
		}
		String country = draft.country().strip().toUpperCase(Locale.ROOT);
		if (!List.of(Locale.getISOCountries()).contains(country)) {
			errors.put("country", "must be an ISO 3166-1 alpha-2 code such as DE");
		}
		String from = blankToNull(draft.postcodeFrom());
		String to = blankToNull(draft.postcodeTo());
		String prefix = blankToNull(draft.postcodePrefix());
		if (prefix != null) {
			prefix = prefix.endsWith("*") ? prefix.substring(0, prefix.length() - 1) : prefix;
		}
		if ((from == null) != (to == null)) {
			errors.put(from == null ? "postcodeFrom" : "postcodeTo", "a postcode range needs both ends");
		}
		else if (from != null && TaxZone.comparePostcodes(TaxZone.normalise(from), TaxZone.normalise(to)) > 0) {
			errors.put("postcodeTo", "must not be before postcodeFrom");
		}
		if (from != null && prefix != null) {
			errors.put("postcodePrefix", "give either a postcode range or a prefix, not both");
		}
		for (int i = 0; i < draft.rates().size(); i++) {
			TaxZoneDraft.Rate rate = draft.rates().get(i);
			if (!classIds.containsKey(rate.taxClass())) {
				errors.put("rates[" + i + "].taxClass", "no tax class '" + rate.taxClass() + "' in this store");
			}
			if (rate.percent().signum() < 0 || rate.percent().compareTo(BigDecimal.valueOf(100)) > 0) {
				errors.put("rates[" + i + "].percent", "must be between 0 and 100");
			}
			else if (rate.percent().stripTrailingZeros().scale() > 4) {
				errors.put("rates[" + i + "].percent", "has at most 4 decimal places");
			}
			if (rate.name().isBlank() || rate.name().length() > 100) {
				errors.put("rates[" + i + "].name", "is required (up to 100 characters)");
			}
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation("INVALID_TAX_ZONE", 422,
					"The tax zone is not valid: " + String.join(", ", errors.keySet()) + ".", errors);
		}
		boolean isNew = id == null;
		TaxZone zone = new TaxZone(isNew ? UUID.randomUUID() : id, draft.name().strip(), country,
				blankToNull(draft.region()), from, to, prefix,
				draft.rates().stream().map(r -> new TaxRate(UUID.randomUUID(), r.taxClass(), r.name().strip(),
						r.percent(), r.compound())).toList());
		try {
			if (!taxZones.save(storeId, zone, isNew, classIds)) {
				throw new ResourceNotFound("Tax zone", String.valueOf(id));
			}
		}
		catch (DuplicateKeyException ex) {
			throw BusinessRuleViolation.ofField("TAX_ZONE_EXISTS", "country",
					"another zone covers exactly this country, region and postcodes");
		}
		auditLog.record(storeId, isNew ? "tax-zone.created" : "tax-zone.updated", "tax-zone", zone.id().toString(),
				(isNew ? "Created" : "Changed") + " tax zone " + zone.name() + " with " + zone.rates().size() + " rates");
		return taxZone(storeId, zone.id());
	}

	@Transactional
	public void deleteTaxZone(StoreId storeId, UUID id) {
		if (!taxZones.delete(storeId, id)) {
			throw new ResourceNotFound("Tax zone", id.toString());
		}
		auditLog.record(storeId, "tax-zone.deleted", "tax-zone", id.toString(), "Deleted a tax zone");
	}

	// ---- currencies --------------------------------------------------------------------------------------

	/** The store's enabled currencies, the store currency first, each with its current rate and price list. */
	@Transactional(readOnly = true)
	public List<CurrencySettings> currencies(StoreId storeId) {
		Store store = stores.get(storeId);
		Map<Currency, PriceList> lists = priceLists.all(storeId).stream()
			.collect(Collectors.toMap(PriceList::currency, Function.identity()));
		return store.currencies().stream().map(c -> new CurrencySettings(c, c.equals(store.defaultCurrency()),
				c.equals(store.defaultCurrency()) ? null : exchangeRates.current(storeId, c).orElse(null), lists.get(c)))
			.toList();
	}

	public Page<ExchangeRate> exchangeRates(StoreId storeId, @Nullable Currency currency, @Nullable String cursor, int limit) {
		return exchangeRates.history(storeId, currency, cursor, limit);
	}

	/** Records a new current rate for one of the store's other currencies (the old ones stay as history). */
	@Transactional
	public ExchangeRate enterExchangeRate(StoreId storeId, Currency currency, BigDecimal rate, ConversionRounding rounding) {
		Store store = stores.get(storeId);
		requireEnabled(store, currency, "currency");
		if (currency.equals(store.defaultCurrency())) {
			throw BusinessRuleViolation.ofField("STORE_CURRENCY_HAS_NO_RATE", "currency",
					currency.getCurrencyCode() + " is the store currency; its rate is always 1");
		}
		if (rate.signum() <= 0 || rate.compareTo(BigDecimal.valueOf(1_000_000_000L)) >= 0) {
			throw BusinessRuleViolation.ofField("INVALID_EXCHANGE_RATE", "rate", "must be greater than 0 and below 10^9");
		}
		if (rate.stripTrailingZeros().scale() > 8) {
			throw BusinessRuleViolation.ofField("INVALID_EXCHANGE_RATE", "rate", "has at most 8 decimal places");
		}
		ExchangeRate entered = new ExchangeRate(UUID.randomUUID(), currency, rate.stripTrailingZeros().scale() < 0
				? rate.setScale(0) : rate.stripTrailingZeros(), rounding, Instant.now().truncatedTo(ChronoUnit.MICROS),
				actorName());
		exchangeRates.insert(storeId, entered);
		auditLog.record(storeId, "exchange-rate.entered", "exchange-rate", entered.id().toString(),
				"1 " + store.defaultCurrency().getCurrencyCode() + " = " + entered.rate().toPlainString() + " "
						+ currency.getCurrencyCode() + ", rounding " + rounding);
		return entered;
	}

	// ---- price lists -------------------------------------------------------------------------------------

	public List<PriceList> priceLists(StoreId storeId) {
		return priceLists.all(storeId);
	}

	public PriceList priceList(StoreId storeId, UUID id) {
		return priceLists.find(storeId, id).orElseThrow(() -> new ResourceNotFound("Price list", id.toString()));
	}

	@Transactional
	public PriceList createPriceList(StoreId storeId, String name, Currency currency) {
		Store store = stores.get(storeId);
		requireEnabled(store, currency, "currency");
		if (currency.equals(store.defaultCurrency())) {
			throw BusinessRuleViolation.ofField("STORE_CURRENCY_HAS_NO_PRICE_LIST", "currency",
					"prices in the store currency are the products' own prices");
		}
		if (name.isBlank() || name.length() > 200) {
			throw BusinessRuleViolation.ofField("INVALID_PRICE_LIST", "name", "is required (up to 200 characters)");
		}
		UUID id = UUID.randomUUID();
		try {
			priceLists.insert(storeId, id, name.strip(), currency);
		}
		catch (DuplicateKeyException ex) {
			throw BusinessRuleViolation.ofField("PRICE_LIST_EXISTS", "currency",
					"the store has a price list in " + currency.getCurrencyCode() + " already");
		}
		auditLog.record(storeId, "price-list.created", "price-list", id.toString(), "Created price list " + name.strip());
		return priceList(storeId, id);
	}

	@Transactional
	public void deletePriceList(StoreId storeId, UUID id) {
		if (!priceLists.delete(storeId, id)) {
			throw new ResourceNotFound("Price list", id.toString());
		}
		auditLog.record(storeId, "price-list.deleted", "price-list", id.toString(), "Deleted a price list");
	}

	public Page<SkuPrice> prices(StoreId storeId, UUID listId, @Nullable String cursor, int limit) {
		priceList(storeId, listId);
		return priceLists.prices(storeId, listId, cursor, limit);
	}

	@Transactional
	public SkuPrice setPrice(StoreId storeId, UUID listId, String sku, Money price) {
		PriceList list = priceList(storeId, listId);
		if (!price.currency().equals(list.currency())) {
			throw BusinessRuleViolation.ofField("CURRENCY_MISMATCH", "price",
					"must be in the list's currency " + list.currency().getCurrencyCode());
		}
		if (price.isNegative()) {
			throw BusinessRuleViolation.ofField("INVALID_PRICE", "price", "must not be negative");
		}
		if (sku.isBlank() || sku.length() > 255) {
			throw BusinessRuleViolation.ofField("INVALID_PRICE", "sku", "is required (up to 255 characters)");
		}
		priceLists.upsertPrice(storeId, listId, sku.strip(), price);
		auditLog.record(storeId, "price-list.price-set", "price-list", listId.toString(), sku.strip() + " = " + price);
		return new SkuPrice(sku.strip(), price, Instant.now());
	}

	@Transactional
	public void removePrice(StoreId storeId, UUID listId, String sku) {
		priceList(storeId, listId);
		if (!priceLists.deletePrice(storeId, listId, sku)) {
			throw new ResourceNotFound("Price of SKU", sku);
		}
		auditLog.record(storeId, "price-list.price-removed", "price-list", listId.toString(), "Removed price of " + sku);
	}

	// ---- helpers -----------------------------------------------------------------------------------------

	/** An ISO 4217 code from an API or form field; an unknown code is a 422 naming the field. */
	public static Currency currency(String code, String field) {
		try {
			return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw BusinessRuleViolation.ofField("UNKNOWN_CURRENCY", field, "'" + code + "' is not an ISO 4217 currency code");
		}
	}

	private static void requireEnabled(Store store, Currency currency, String field) {
		if (!store.currencies().contains(currency)) {
			throw BusinessRuleViolation.ofField("CURRENCY_NOT_ENABLED", field, currency.getCurrencyCode()
					+ " is not one of the store's currencies (" + store.currencies().stream()
						.map(Currency::getCurrencyCode).collect(Collectors.joining(", ")) + ")");
		}
	}

	private static BusinessRuleViolation noRate(Currency currency) {
		return BusinessRuleViolation.ofField("NO_EXCHANGE_RATE", "currency",
				"no exchange rate has been entered for " + currency.getCurrencyCode());
	}

	private static String actorName() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof Actor actor ? actor.actorName()
				: "Shopwright";
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
