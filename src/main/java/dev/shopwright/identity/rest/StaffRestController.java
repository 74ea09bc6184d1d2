package dev.shopwright.identity.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.identity.Role;
import dev.shopwright.identity.StaffManagement;
import dev.shopwright.identity.StaffMember;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.platform.Cursor;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.RequestParam;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The staff of the current store and their roles. */
@RestController
@RequestMapping("/api/admin/v1/staff")
@Tag(name = "Staff")
class StaffRestController {

	record AddStaff(@NotBlank @Email @Size(max = 320) String email, @NotBlank @Size(max = 120) String name,
			@Size(max = 200) @Nullable String password, @NotNull Role role) {
	}

	record ChangeStaff(@Nullable Role role, @Nullable Boolean active) {
	}

	private final StaffManagement staff;

	private final CurrentStore currentStore;

	StaffRestController(StaffManagement staff, CurrentStore currentStore) {
		this.staff = staff;
		this.currentStore = currentStore;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('STAFF_MANAGE')")
	@Operation(summary = "List the store's staff (the owner first, then by name)")
	Page<StaffMember> list(@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
		return Cursor.page(staff.staffOf(currentStore.id()), member -> member.id().toString(), cursor, limit);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('STAFF_MANAGE')")
	@Operation(summary = "Get a staff member of the store")
	StaffMember get(@PathVariable UUID id) {
		return staff.staffOf(currentStore.id()).stream().filter(member -> member.id().equals(id)).findFirst()
			.orElseThrow(() -> new ResourceNotFound("Staff member", id.toString()));
	}

	@PostMapping
	@PreAuthorize("hasAuthority('STAFF_MANAGE')")
	@Operation(summary = "Give someone a role in the store; a new account needs a password of 12+ characters")
	ResponseEntity<StaffMember> add(@Valid @RequestBody AddStaff request) {
		StaffMember member = staff.addStaff(currentStore.id(), request.email(), request.name(), request.password(),
				request.role());
		return ResponseEntity.created(URI.create("/api/admin/v1/staff/" + member.id())).body(member);
	}

	@PatchMapping("/{id}")
	@PreAuthorize("hasAuthority('STAFF_MANAGE')")
	@Operation(summary = "Change a staff member's role, or (de)activate the account")
	StaffMember change(@PathVariable UUID id, @Valid @RequestBody ChangeStaff request) {
		StaffMember member = get(id);
		if (request.role() != null) {
			member = staff.changeRole(currentStore.id(), id, request.role());
		}
		if (request.active() != null) {
			member = staff.setActive(currentStore.id(), id, request.active());
		}
		return member;
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasAuthority('STAFF_MANAGE')")
	@Operation(summary = "Remove a staff member from the store")
	ResponseEntity<Void> remove(@PathVariable UUID id) {
		staff.removeFromStore(currentStore.id(), id);
		return ResponseEntity.noContent().build();
	}
}
