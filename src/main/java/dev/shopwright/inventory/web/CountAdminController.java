package dev.shopwright.inventory.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.shopwright.inventory.CountSheet;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.Location;
import dev.shopwright.inventory.LocationId;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ConsoleForms;
import dev.shopwright.platform.CurrentStore;

/**
 * Cycle counts: create a sheet, count blind (the counter never sees the expected figures), review the variances,
 * approve them into COUNTED adjustments. Each save carries the sheet version it was made on.
 */
@Controller
class CountAdminController {

	private final InventoryManagement inventory;

	private final CurrentStore currentStore;

	private final ConsoleForms forms;

	CountAdminController(InventoryManagement inventory, CurrentStore currentStore, ConsoleForms forms) {
		this.inventory = inventory;
		this.currentStore = currentStore;
		this.forms = forms;
	}

	record CountForm(String locationId, String binCode, String skus, String note) {

		static CountForm blank() {
			return new CountForm("", "", "", "");
		}

		@Nullable List<String> skuList() {
			List<String> list = Arrays.stream(skus.split("[\\s,;]+")).filter(s -> !s.isBlank()).toList();
			return list.isEmpty() ? null : list;
		}
	}

	@GetMapping("/admin/inventory/counts")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	String counts(@RequestParam(required = false) @Nullable String cursor, Model model) {
		return listPage(CountForm.blank(), cursor, model);
	}

	@PostMapping("/admin/inventory/counts")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String create(@RequestParam(defaultValue = "") String locationId, @RequestParam(defaultValue = "") String binCode,
			@RequestParam(defaultValue = "") String skus, @RequestParam(defaultValue = "") String note, Model model,
			RedirectAttributes redirect) {
		CountForm form = new CountForm(locationId, binCode, skus, note);
		CountSheet[] created = new CountSheet[1];
		if (!forms.submit(form, () -> {
			if (locationId.isBlank()) {
				throw BusinessRuleViolation.ofField("UNKNOWN_LOCATION", "locationId", "Choose the location to count");
			}
			return created[0] = inventory.createCountSheet(currentStore.id(), StockAdminController.parseLocation(locationId),
					binCode.isBlank() ? null : binCode.strip(), form.skuList(), note.isBlank() ? null : note);
		}, model)) {
			return listPage(form, null, model);
		}
		redirect.addFlashAttribute("notice", "Count #" + created[0].number() + " created.");
		return "redirect:/admin/inventory/counts/" + created[0].id();
	}

	/** The blind count sheet: SKUs and the counted figures entered so far, never the expected ones. */
	@GetMapping("/admin/inventory/counts/{id}")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	String sheet(@PathVariable UUID id, Model model) {
		CountSheet sheet = inventory.countSheet(currentStore.id(), id, true);
		return sheetPage(sheet, entered(sheet), model);
	}

	@PostMapping("/admin/inventory/counts/{id}")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String save(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		Map<String, String> entered = new LinkedHashMap<>();
		params.forEach((key, values) -> {
			if (key.startsWith("counted[") && key.endsWith("]")) {
				entered.put(key.substring(8, key.length() - 1), values.getFirst().strip());
			}
		});
		Integer version = StockAdminController.parseInt(String.valueOf(params.getFirst("version")));
		boolean saved = forms.submit(entered, () -> {
			Map<String, @Nullable Integer> counted = new LinkedHashMap<>();
			entered.forEach((sku, text) -> {
				Integer value = text.isEmpty() ? null : StockAdminController.parseInt(text);
				if (!text.isEmpty() && value == null) {
					throw BusinessRuleViolation.ofField("INVALID_QUANTITY", "counted[" + sku + "]", "Counts are whole numbers");
				}
				counted.put(sku, value);
			});
			return inventory.recordCounts(currentStore.id(), id, version == null ? -1 : version, counted);
		}, model);
		if (!saved) {
			return sheetPage(inventory.countSheet(currentStore.id(), id, true), entered, model);
		}
		redirect.addFlashAttribute("notice", "Counts saved.");
		return "redirect:/admin/inventory/counts/" + id;
	}

	/** The review: expected, counted and variance per line, and the approval. */
	@GetMapping("/admin/inventory/counts/{id}/review")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	String review(@PathVariable UUID id, Model model) {
		CountSheet sheet = inventory.countSheet(currentStore.id(), id, false);
		model.addAttribute("sheet", sheet);
		model.addAttribute("locationName", locationName(sheet.locationId()));
		return "inventory/count-review";
	}

	@PostMapping("/admin/inventory/counts/{id}/approve")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String approve(@PathVariable UUID id, @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
		forms.act(redirect, "Count approved; stock adjusted.", () -> inventory.approveCountSheet(currentStore.id(), id, version));
		return "redirect:/admin/inventory/counts/" + id + "/review";
	}

	@PostMapping("/admin/inventory/counts/{id}/cancel")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String cancel(@PathVariable UUID id, @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
		forms.act(redirect, "Count cancelled.", () -> inventory.cancelCountSheet(currentStore.id(), id, version));
		return "redirect:/admin/inventory/counts/" + id + "/review";
	}

	private String sheetPage(CountSheet sheet, Map<String, String> entered, Model model) {
		model.addAttribute("sheet", sheet);
		model.addAttribute("entered", entered);
		model.addAttribute("locationName", locationName(sheet.locationId()));
		return "inventory/count";
	}

	private static Map<String, String> entered(CountSheet sheet) {
		Map<String, String> entered = new LinkedHashMap<>();
		sheet.lines().forEach(l -> entered.put(l.sku(), l.counted() == null ? "" : l.counted().toString()));
		return entered;
	}

	private String listPage(CountForm form, @Nullable String cursor, Model model) {
		var page = inventory.countSheets(currentStore.id(), cursor, 50);
		Map<LocationId, String> names = new LinkedHashMap<>();
		for (Location l : inventory.locations(currentStore.id())) {
			names.put(l.id(), l.name());
		}
		model.addAttribute("sheets", page.items());
		model.addAttribute("nextCursor", page.nextCursor());
		model.addAttribute("locations", inventory.locations(currentStore.id()));
		model.addAttribute("names", names);
		model.addAttribute("form", form);
		return "inventory/counts";
	}

	private String locationName(LocationId id) {
		return inventory.location(currentStore.id(), id).name();
	}
}
