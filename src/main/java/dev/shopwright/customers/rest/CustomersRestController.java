package dev.shopwright.customers.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.customers.Customer;
import dev.shopwright.customers.CustomerAddress;
import dev.shopwright.customers.CustomerId;
import dev.shopwright.customers.CustomerListing;
import dev.shopwright.customers.CustomerManagement;
import dev.shopwright.customers.CustomerState;
import dev.shopwright.customers.StaffChanges;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The current store's customers for staff: search, read, and change tax exemption, state, notes and tags. */
@RestController
@RequestMapping("/api/admin/v1/customers")
@Tag(name = "Customers")
class CustomersRestController {

	/** A customer as staff see it, with the staff-only notes and tags. */
	record StaffCustomer(CustomerId id, String email, @Nullable String firstName, @Nullable String lastName,
			@Nullable String phone, boolean acceptsMarketing, boolean taxExempt, CustomerState state,
			@Nullable String notes, List<String> tags, List<CustomerAddress> addresses, Instant createdAt,
			Instant updatedAt) {

		static StaffCustomer of(Customer c) {
			return new StaffCustomer(c.id(), c.email(), c.firstName(), c.lastName(), c.phone(), c.acceptsMarketing(),
					c.taxExempt(), c.state(), c.notes(), c.tags(), c.addresses(), c.createdAt(), c.updatedAt());
		}
	}

	private final CustomerManagement customers;

	private final CurrentStore currentStore;

	CustomersRestController(CustomerManagement customers, CurrentStore currentStore) {
		this.customers = customers;
		this.currentStore = currentStore;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('CUSTOMERS_READ')")
	@Operation(summary = "List customers, newest first; q searches email and name")
	Page<CustomerListing> list(
			@Parameter(description = "Part of the email, first or last name (any case)") @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
		return customers.list(currentStore.id(), q, cursor, limit);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('CUSTOMERS_READ')")
	@Operation(summary = "Get a customer with addresses, notes and tags")
	StaffCustomer get(@PathVariable UUID id) {
		return StaffCustomer.of(customers.get(currentStore.id(), new CustomerId(id)));
	}

	@PatchMapping("/{id}")
	@PreAuthorize("hasAuthority('CUSTOMERS_WRITE')")
	@Operation(summary = "Change tax exemption, state (DISABLED also ends the customer's tokens), notes or tags; absent fields stay")
	StaffCustomer update(@PathVariable UUID id, @Valid @RequestBody StaffChanges changes) {
		return StaffCustomer.of(customers.updateByStaff(currentStore.id(), new CustomerId(id), changes));
	}
}
