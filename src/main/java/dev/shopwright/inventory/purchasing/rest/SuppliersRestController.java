package dev.shopwright.inventory.purchasing.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

import dev.shopwright.inventory.purchasing.Purchasing;
import dev.shopwright.inventory.purchasing.Supplier;
import dev.shopwright.inventory.purchasing.SupplierDraft;
import dev.shopwright.inventory.purchasing.SupplierSku;
import dev.shopwright.inventory.purchasing.SupplierSkuDraft;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Suppliers and the SKUs they sell us, through the Admin API. */
@RestController
@Tag(name = "Purchasing")
class SuppliersRestController {

	private static final String BASE = "/api/admin/v1/inventory/suppliers";

	private final Purchasing purchasing;

	private final CurrentStore currentStore;

	SuppliersRestController(Purchasing purchasing, CurrentStore currentStore) {
		this.purchasing = purchasing;
		this.currentStore = currentStore;
	}

	@GetMapping(BASE)
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	@Operation(summary = "List suppliers by name")
	Page<Supplier> list(@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(250) int limit) {
		return purchasing.suppliers(currentStore.id(), cursor, limit);
	}

	@GetMapping(BASE + "/{id}")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	@Operation(summary = "Get a supplier")
	Supplier get(@PathVariable UUID id) {
		return purchasing.supplier(currentStore.id(), id);
	}

	@PostMapping(BASE)
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Create a supplier (phone numbers are checked and stored in international form)")
	ResponseEntity<Supplier> create(@Valid @RequestBody SupplierDraft draft) {
		Supplier supplier = purchasing.createSupplier(currentStore.id(), draft);
		return ResponseEntity.created(URI.create(BASE + "/" + supplier.id())).body(supplier);
	}

	@PutMapping(BASE + "/{id}")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Replace a supplier's details; a new lead time applies to the SKUs it is primary for")
	Supplier update(@PathVariable UUID id, @Valid @RequestBody SupplierDraft draft) {
		return purchasing.updateSupplier(currentStore.id(), id, draft);
	}

	@DeleteMapping(BASE + "/{id}")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Delete a supplier that has no purchase orders (409 SUPPLIER_IN_USE otherwise)")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		purchasing.deleteSupplier(currentStore.id(), id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping(BASE + "/{id}/skus")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	@Operation(summary = "The supplier's SKUs with their codes, costs and pack sizes, by SKU")
	Page<SupplierSku> skus(@PathVariable UUID id, @RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
		List<SupplierSku> all = purchasing.supplierSkus(currentStore.id(), id);
		return dev.shopwright.platform.Cursor.page(all, SupplierSku::sku, cursor, limit);
	}

	@GetMapping("/api/admin/v1/inventory/supplier-skus")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	@Operation(summary = "Who sells us one SKU: its supplier links, primary first")
	Page<SupplierSku> suppliersOfSku(@RequestParam @Size(min = 1, max = 255) String sku) {
		return new Page<>(purchasing.suppliersOf(currentStore.id(), sku), null);
	}

	@PutMapping(BASE + "/{id}/skus")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Link one of our SKUs to the supplier, or change the link; primary=true makes this the SKU's "
			+ "primary supplier (its lead time becomes the SKU's)")
	SupplierSku saveSku(@PathVariable UUID id, @Valid @RequestBody SupplierSkuDraft draft) {
		return purchasing.saveSupplierSku(currentStore.id(), id, draft);
	}

	@DeleteMapping(BASE + "/{id}/skus/{sku}")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	@Operation(summary = "Unlink a SKU from the supplier")
	ResponseEntity<Void> removeSku(@PathVariable UUID id, @PathVariable String sku) {
		purchasing.removeSupplierSku(currentStore.id(), id, sku);
		return ResponseEntity.noContent().build();
	}
}
