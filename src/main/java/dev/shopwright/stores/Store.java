package dev.shopwright.stores;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Address;
import dev.shopwright.shared.StoreId;

/** A store as other modules and the APIs see it. */
public record Store(StoreId id, String handle, String name, Currency defaultCurrency, List<Currency> currencies,
		Locale defaultLocale, List<Locale> locales, ZoneId timezone, boolean pricesIncludeTax,
		@Nullable String email, Address address, List<String> domains, Instant createdAt, Instant updatedAt) {
}
