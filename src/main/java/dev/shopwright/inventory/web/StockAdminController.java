package dev.shopwright.inventory.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import dev.shopwright.inventory.Bin;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.LocationId;
import dev.shopwright.inventory.MovementReason;
import dev.shopwright.inventory.SkuStock;
import dev.shopwright.inventory.StockAdjustment;
import dev.shopwright.inventory.StockLevel;
import dev.shopwright.inventory.StockSummary;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ConsoleForms;
import dev.shopwright.platform.CurrentStore;

/** The stock overview and a SKU's page: levels, bins, ledger, adjustments, safety stock and reorder point. */
@Controller
class StockAdminController {

	private static final int PAGE = 50;

	private final InventoryManagement inventory;

	private final CurrentStore currentStore;

	private final ConsoleForms forms;

	StockAdminController(InventoryManagement inventory, CurrentStore currentStore, ConsoleForms forms) {
		this.inventory = inventory;
		this.currentStore = currentStore;
		this.forms = forms;
	}

	/** The adjustment form as posted (quantities as text, so a typo re-renders instead of failing). */
	record AdjustForm(String locationId, String mode, String quantity, String reason, String note) {

		static AdjustForm blank() {
			return new AdjustForm("", "delta", "", "ADJUSTED", "");
		}
	}

	@GetMapping("/admin/inventory")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	String overview(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "ALL") String filter,
			@RequestParam(defaultValue = "") String locationId, @RequestParam(required = false) @Nullable String cursor,
			Model model) {
		StockSummary.Filter chosen = parseFilter(filter);
		LocationId location = locationId.isBlank() ? null : parseLocation(locationId);
		var page = inventory.overview(currentStore.id(), q.isBlank() ? null : q, chosen, location, cursor, PAGE);
		model.addAttribute("rows", page.items());
		model.addAttribute("q", q);
		model.addAttribute("filter", chosen.name());
		model.addAttribute("locationId", locationId);
		model.addAttribute("locations", inventory.locations(currentStore.id()));
		model.addAttribute("nextUrl", page.nextCursor() == null ? null
				: UriComponentsBuilder.fromPath("/admin/inventory").queryParam("q", q).queryParam("filter", chosen.name())
					.queryParam("locationId", locationId).queryParam("cursor", page.nextCursor()).build().encode().toUriString());
		return "inventory/stock";
	}

	@GetMapping("/admin/inventory/valuation")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	String valuation(@RequestParam(defaultValue = "") String locationId, Model model) {
		LocationId location = locationId.isBlank() ? null : parseLocation(locationId);
		model.addAttribute("valuation", inventory.valuation(currentStore.id(), location, 100));
		model.addAttribute("locations", inventory.locations(currentStore.id()));
		model.addAttribute("locationId", locationId);
		return "inventory/valuation";
	}

	@GetMapping("/admin/inventory/sku")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	String sku(@RequestParam String sku, Model model) {
		return skuPage(sku, AdjustForm.blank(), model);
	}

	/** More ledger rows for the SKU page (htmx "load more"). */
	@GetMapping("/admin/inventory/sku/movements")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	String movements(@RequestParam String sku, @RequestParam(required = false) @Nullable String cursor, Model model) {
		inventory.stock(currentStore.id(), sku);
		addMovements(sku, cursor, model);
		return "inventory/sku :: movements";
	}

	@PostMapping("/admin/inventory/sku/adjust")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String adjust(@RequestParam String sku, @RequestParam(defaultValue = "") String locationId,
			@RequestParam(defaultValue = "delta") String mode, @RequestParam(defaultValue = "") String quantity,
			@RequestParam(defaultValue = "ADJUSTED") String reason, @RequestParam(defaultValue = "") String note, Model model,
			RedirectAttributes redirect) {
		AdjustForm form = new AdjustForm(locationId, mode, quantity, reason, note);
		Integer amount = parseInt(quantity);
		if (amount == null) {
			model.addAttribute("fieldErrors", Map.of("quantity", "Enter a whole number"));
			model.addAttribute("formError", "Please correct the marked fields.");
			return skuPage(sku, form, model);
		}
		boolean set = "set".equals(mode);
		if (!forms.submit(form, () -> inventory.adjust(currentStore.id(), new StockAdjustment(sku,
				locationId.isBlank() ? null : parseLocation(locationId), set ? null : amount, set ? amount : null,
				parseReason(reason), note.isBlank() ? null : note)), model)) {
			return skuPage(sku, form, model);
		}
		redirect.addFlashAttribute("notice", "Stock of " + sku + " adjusted.");
		return "redirect:" + skuUrl(sku);
	}

	@PostMapping("/admin/inventory/sku/safety-stock")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String safetyStock(@RequestParam String sku, @RequestParam String locationId, @RequestParam String safetyStock,
			RedirectAttributes redirect) {
		forms.act(redirect, "Safety stock of " + sku + " saved.", () -> {
			Integer value = parseInt(safetyStock);
			if (value == null) {
				throw BusinessRuleViolation.ofField("INVALID_QUANTITY", "safetyStock", "Safety stock must be a whole number");
			}
			inventory.setSafetyStock(currentStore.id(), sku, parseLocation(locationId), value);
		});
		return "redirect:" + skuUrl(sku);
	}

	@PostMapping("/admin/inventory/sku/reorder-point")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String reorderPoint(@RequestParam String sku, @RequestParam(defaultValue = "") String reorderPoint,
			RedirectAttributes redirect) {
		forms.act(redirect, "Reorder point of " + sku + " saved.", () -> {
			Integer value = reorderPoint.isBlank() ? null : parseInt(reorderPoint);
			if (!reorderPoint.isBlank() && value == null) {
				throw BusinessRuleViolation.ofField("INVALID_QUANTITY", "reorderPoint", "The reorder point must be a whole number");
			}
			inventory.setReorderPoint(currentStore.id(), sku, value);
		});
		return "redirect:" + skuUrl(sku);
	}

	private String skuPage(String sku, AdjustForm form, Model model) {
		SkuStock stock = inventory.stock(currentStore.id(), sku);
		Map<LocationId, List<Bin.Content>> bins = new LinkedHashMap<>();
		for (StockLevel level : stock.levels()) {
			bins.put(level.locationId(), inventory.binsOf(currentStore.id(), sku, level.locationId()));
		}
		model.addAttribute("stock", stock);
		model.addAttribute("bins", bins);
		model.addAttribute("locations", inventory.locations(currentStore.id()));
		model.addAttribute("form", form);
		model.addAttribute("reasons", List.of(MovementReason.ADJUSTED, MovementReason.DAMAGED, MovementReason.RETURNED,
				MovementReason.RECEIVED));
		addMovements(sku, null, model);
		return "inventory/sku";
	}

	private void addMovements(String sku, @Nullable String cursor, Model model) {
		var page = inventory.movements(currentStore.id(), sku, cursor, 25);
		model.addAttribute("sku", sku);
		model.addAttribute("movements", page.items());
		model.addAttribute("movementsNext", page.nextCursor());
	}

	static String skuUrl(String sku) {
		return UriComponentsBuilder.fromPath("/admin/inventory/sku").queryParam("sku", sku).build().encode().toUriString();
	}

	static @Nullable Integer parseInt(String text) {
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	static LocationId parseLocation(String id) {
		try {
			return LocationId.of(id);
		}
		catch (IllegalArgumentException e) {
			throw BusinessRuleViolation.ofField("UNKNOWN_LOCATION", "locationId", "No such location");
		}
	}

	private static MovementReason parseReason(String reason) {
		try {
			return MovementReason.valueOf(reason);
		}
		catch (IllegalArgumentException e) {
			throw BusinessRuleViolation.ofField("INVALID_QUANTITY", "reason", "Choose a reason");
		}
	}

	private static StockSummary.Filter parseFilter(String filter) {
		try {
			return StockSummary.Filter.valueOf(filter);
		}
		catch (IllegalArgumentException e) {
			return StockSummary.Filter.ALL;
		}
	}
}
