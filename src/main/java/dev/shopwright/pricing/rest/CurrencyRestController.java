package dev.shopwright.pricing.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.platform.CurrentStore;
import dev.shopwright.platform.Cursor;
import dev.shopwright.pricing.ConversionRounding;
import dev.shopwright.pricing.CurrencySettings;
import dev.shopwright.pricing.ExchangeRate;
import dev.shopwright.pricing.PresentmentPrice;
import dev.shopwright.pricing.PriceList;
import dev.shopwright.pricing.PricingManagement;
import dev.shopwright.pricing.SkuPrice;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The store's currencies, exchange rates (with their rounding rules) and per-currency price lists. */
@RestController
@Tag(name = "Currencies and price lists")
class CurrencyRestController {

	record ExchangeRateRequest(@NotBlank @Size(max = 3) String currency, @NotNull BigDecimal rate,
			@NotNull ConversionRounding rounding) {
	}

	record PriceListRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 3) String currency) {
	}

	record PriceRequest(@NotNull Money price) {
	}

	record PresentmentPriceRequest(@NotBlank @Size(max = 255) String sku, @NotNull Money basePrice,
			@NotBlank @Size(max = 3) String currency) {
	}

	private final PricingManagement pricing;

	private final CurrentStore currentStore;

	CurrencyRestController(PricingManagement pricing, CurrentStore currentStore) {
		this.pricing = pricing;
		this.currentStore = currentStore;
	}

	@GetMapping("/api/admin/v1/currencies")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "The store's enabled currencies (store currency first) with current exchange rate and price list")
	Page<CurrencySettings> currencies() {
		return new Page<>(pricing.currencies(currentStore.id()), null);
	}

	@GetMapping("/api/admin/v1/exchange-rates")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "Exchange rate history, newest first, optionally of one currency; the newest per currency is current")
	Page<ExchangeRate> exchangeRates(@RequestParam(required = false) @Nullable String currency,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(250) int limit) {
		return pricing.exchangeRates(currentStore.id(),
				currency == null ? null : PricingManagement.currency(currency, "currency"), cursor, limit);
	}

	@PostMapping("/api/admin/v1/exchange-rates")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	@Operation(summary = "Enter a new current rate (1 store currency = rate × currency) and the rounding of converted prices")
	ResponseEntity<ExchangeRate> enterExchangeRate(@Valid @RequestBody ExchangeRateRequest request) {
		ExchangeRate rate = pricing.enterExchangeRate(currentStore.id(),
				PricingManagement.currency(request.currency(), "currency"), request.rate(), request.rounding());
		return ResponseEntity.created(URI.create("/api/admin/v1/exchange-rates?currency=" + request.currency())).body(rate);
	}

	@GetMapping("/api/admin/v1/price-lists")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "List price lists by currency")
	Page<PriceList> priceLists(@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(250) int limit) {
		return Cursor.page(pricing.priceLists(currentStore.id()), l -> l.id().toString(), cursor, limit);
	}

	@GetMapping("/api/admin/v1/price-lists/{id}")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "Get a price list")
	PriceList priceList(@PathVariable UUID id) {
		return pricing.priceList(currentStore.id(), id);
	}

	@PostMapping("/api/admin/v1/price-lists")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	@Operation(summary = "Create the price list of one of the store's other currencies (one per currency)")
	ResponseEntity<PriceList> createPriceList(@Valid @RequestBody PriceListRequest request) {
		PriceList list = pricing.createPriceList(currentStore.id(), request.name(),
				PricingManagement.currency(request.currency(), "currency"));
		return ResponseEntity.created(URI.create("/api/admin/v1/price-lists/" + list.id())).body(list);
	}

	@DeleteMapping("/api/admin/v1/price-lists/{id}")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	@Operation(summary = "Delete a price list with its prices (its currency falls back to conversion)")
	ResponseEntity<Void> deletePriceList(@PathVariable UUID id) {
		pricing.deletePriceList(currentStore.id(), id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/admin/v1/price-lists/{id}/prices")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "The list's explicit prices by SKU")
	Page<SkuPrice> prices(@PathVariable UUID id, @RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(250) int limit) {
		return pricing.prices(currentStore.id(), id, cursor, limit);
	}

	@PutMapping("/api/admin/v1/price-lists/{id}/prices/{sku}")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	@Operation(summary = "Set a SKU's price in the list (in the list's currency)")
	SkuPrice setPrice(@PathVariable UUID id, @PathVariable String sku, @Valid @RequestBody PriceRequest request) {
		return pricing.setPrice(currentStore.id(), id, sku, request.price());
	}

	@DeleteMapping("/api/admin/v1/price-lists/{id}/prices/{sku}")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	@Operation(summary = "Remove a SKU's price from the list (it falls back to conversion)")
	ResponseEntity<Void> removePrice(@PathVariable UUID id, @PathVariable String sku) {
		pricing.removePrice(currentStore.id(), id, sku);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/admin/v1/pricing/presentment-prices")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	@Operation(summary = "Preview a SKU's price in a currency: store currency, price list or conversion (with the rate used)")
	PresentmentPrice presentmentPrice(@Valid @RequestBody PresentmentPriceRequest request) {
		return pricing.priceIn(currentStore.id(), request.sku(), request.basePrice(),
				PricingManagement.currency(request.currency(), "currency"));
	}
}
