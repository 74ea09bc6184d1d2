package dev.shopwright.stores;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Address;

/**
 * The settable fields of a store, used both to create one (all required fields present) and to change
 * one (null means "leave as it is"). Codes are validated here; rules between fields in {@link StoreManagement}.
 */
public record StoreSettings(
		@Size(max = 120) @Nullable String name,
		@Pattern(regexp = "[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?", message = "must be 1-60 lowercase letters, digits or dashes, not starting or ending with a dash") @Nullable String handle,
		@Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") @Nullable String defaultCurrency,
		@Size(min = 1, max = 20) @Nullable List<@Pattern(regexp = "[A-Z]{3}", message = "must be ISO 4217 codes such as EUR") String> currencies,
		@Pattern(regexp = "[a-z]{2,3}(?:-[A-Z]{2})?", message = "must be a language tag such as en or de-AT") @Nullable String defaultLocale,
		@Size(min = 1, max = 20) @Nullable List<@Pattern(regexp = "[a-z]{2,3}(?:-[A-Z]{2})?", message = "must be language tags such as en or de-AT") String> locales,
		@Size(max = 60) @Nullable String timezone,
		@Nullable Boolean pricesIncludeTax,
		@Email @Size(max = 200) @Nullable String email,
		@Valid @Nullable Address address,
		@Size(max = 10) @Nullable List<@NotBlank @Size(max = 253) String> domains) {

	public static StoreSettings named(String name, String handle, String currency) {
		return new StoreSettings(name, handle, currency, null, null, null, null, null, null, null, null);
	}
}
