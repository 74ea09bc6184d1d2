package dev.shopwright.inventory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import dev.shopwright.shared.Address;

/** The settable fields of a location; on update, null means "leave as it is". */
public record LocationDraft(
		@NotBlank @Size(max = 120) @Nullable String name,
		@Pattern(regexp = "[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?", message = "must be 1-40 lowercase letters, digits or dashes") @Nullable String code,
		Location.@Nullable Kind kind,
		@Min(0) @Max(10_000) @Nullable Integer priority,
		@Nullable Boolean fulfilsOnline,
		@Nullable Boolean active,
		@Valid @Nullable Address address) {

	public static LocationDraft named(String name, String code) {
		return new LocationDraft(name, code, null, null, null, null, null);
	}
}
