package dev.shopwright.stores.web;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Address;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreSettings;

/** The store settings form as the browser posts it: lists as comma-separated text. */
record StoreForm(@Nullable String name, @Nullable String handle, @Nullable String defaultCurrency,
		@Nullable String currencies, @Nullable String defaultLocale, @Nullable String locales,
		@Nullable String timezone, boolean pricesIncludeTax, @Nullable String email, @Nullable String line1,
		@Nullable String line2, @Nullable String city, @Nullable String region, @Nullable String postalCode,
		@Nullable String country, @Nullable String domains) {

	static StoreForm of(Store store) {
		return new StoreForm(store.name(), store.handle(), store.defaultCurrency().getCurrencyCode(),
				String.join(", ", store.currencies().stream().map(java.util.Currency::getCurrencyCode).toList()),
				store.defaultLocale().toLanguageTag(),
				String.join(", ", store.locales().stream().map(java.util.Locale::toLanguageTag).toList()),
				store.timezone().getId(), store.pricesIncludeTax(), store.email(), store.address().line1(),
				store.address().line2(), store.address().city(), store.address().region(),
				store.address().postalCode(), store.address().country(), String.join(", ", store.domains()));
	}

	static StoreForm blank() {
		return new StoreForm("", "", "EUR", "EUR", "en", "en", "UTC", false, "", "", "", "", "", "", "", "");
	}

	StoreSettings toSettings() {
		return new StoreSettings(trim(name), trim(handle), upper(defaultCurrency), list(currencies, true),
				trim(defaultLocale), list(locales, false), trim(timezone), pricesIncludeTax, trim(email),
				new Address(blank(line1), blank(line2), blank(city), blank(region), blank(postalCode), upper(country)),
				list(domains, false));
	}

	private static @Nullable String trim(@Nullable String value) {
		return value == null ? null : value.strip();
	}

	private static @Nullable String blank(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static @Nullable String upper(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip().toUpperCase(java.util.Locale.ROOT);
	}

	private static List<String> list(@Nullable String value, boolean upper) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		return Arrays.stream(value.split("[,\\s]+")).filter(part -> !part.isBlank())
			.map(part -> upper ? part.toUpperCase(java.util.Locale.ROOT) : part).toList();
	}
}
