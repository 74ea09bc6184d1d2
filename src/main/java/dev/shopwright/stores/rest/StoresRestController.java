package dev.shopwright.stores.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.platform.CurrentStore;
import dev.shopwright.platform.Cursor;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RequestParam;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.stores.StoreSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Stores through the Admin API: callers see and change only the stores they may act on. */
@RestController
@RequestMapping("/api/admin/v1/stores")
@Tag(name = "Stores")
class StoresRestController {

	private final StoreManagement stores;

	private final CurrentStore currentStore;

	StoresRestController(StoreManagement stores, CurrentStore currentStore) {
		this.stores = stores;
		this.currentStore = currentStore;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('CONSOLE_ACCESS')")
	@Operation(summary = "List the stores the caller may act on")
	Page<Store> list(@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
		List<Store> visible = stores.all().stream().filter(store -> currentStore.access().permits(store.id())).toList();
		return Cursor.page(visible, store -> store.id().toString(), cursor, limit);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('CONSOLE_ACCESS')")
	@Operation(summary = "Get a store")
	Store get(@PathVariable UUID id) {
		return visible(new StoreId(id));
	}

	@PostMapping
	@PreAuthorize("hasAuthority('STORES_CREATE')")
	@Operation(summary = "Create a store (owner only)")
	ResponseEntity<Store> create(@Valid @RequestBody StoreSettings settings) {
		Store store = stores.create(settings);
		return ResponseEntity.created(URI.create("/api/admin/v1/stores/" + store.id())).body(store);
	}

	@PatchMapping("/{id}")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	@Operation(summary = "Change a store's settings; absent fields stay as they are")
	Store update(@PathVariable UUID id, @Valid @RequestBody StoreSettings settings) {
		StoreId storeId = visible(new StoreId(id)).id();
		if (!storeId.equals(currentStore.id())) {
			// permissions are held per store: change another store by acting on it (X-Store)
			throw new dev.shopwright.platform.BusinessRuleViolation("STORE_NOT_CURRENT", 403,
					"Send X-Store: " + storeId + " to change that store; this request acts on another one.");
		}
		return stores.update(storeId, settings);
	}

	private Store visible(StoreId id) {
		if (!currentStore.access().permits(id)) {
			throw new ResourceNotFound("Store", id.toString());
		}
		return stores.get(id);
	}
}
