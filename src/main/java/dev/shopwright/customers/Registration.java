package dev.shopwright.customers;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A shopper creating an account in one store. */
public record Registration(
		@NotBlank @Email @Size(max = 254) String email,
		@NotBlank @Size(min = CustomerManagement.MINIMUM_PASSWORD_LENGTH, max = 200) String password,
		@Size(max = 100) @Nullable String firstName,
		@Size(max = 100) @Nullable String lastName,
		@Size(max = 40) @Nullable String phone,
		@Nullable Boolean acceptsMarketing) {
}
