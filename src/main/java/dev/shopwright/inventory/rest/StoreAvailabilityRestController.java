package dev.shopwright.inventory.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.catalog.InventoryPolicy;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.SkuStock;
import dev.shopwright.platform.CurrentStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What a storefront shows about stock: availability of one SKU, summed over the locations that serve online orders. */
@RestController
@Validated
@Tag(name = "Store API: availability")
class StoreAvailabilityRestController {

	/** {@code purchasable}: one more unit can be bought now (in stock, or allowed by backorder / pre-order). */
	record Availability(String sku, int availableOnline, boolean inStock, boolean purchasable, InventoryPolicy policy) {
	}

	private final InventoryManagement inventory;

	private final CurrentStore currentStore;

	StoreAvailabilityRestController(InventoryManagement inventory, CurrentStore currentStore) {
		this.inventory = inventory;
		this.currentStore = currentStore;
	}

	@GetMapping("/api/store/v1/availability")
	@Operation(summary = "Availability of a SKU for online orders")
	Availability availability(@RequestParam @NotBlank @Size(max = 255) String sku) {
		SkuStock stock = inventory.stock(currentStore.id(), sku);
		int online = stock.availableOnline();
		boolean purchasable = switch (stock.policy()) {
			case DENY -> online > 0;
			case CONTINUE -> true;
			case PREORDER -> online + (stock.preorderLimit() == null ? 0 : stock.preorderLimit()) > 0;
		};
		return new Availability(sku, Math.max(online, 0), online > 0, purchasable, stock.policy());
	}
}
