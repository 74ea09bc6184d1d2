package dev.shopwright.inventory.web;


import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.Location;
import dev.shopwright.inventory.LocationDraft;
import dev.shopwright.inventory.LocationId;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ConsoleForms;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.Address;

/** Locations (create, edit, make default, deactivate) and their bins (create, walking order, moves). */
@Controller
class LocationAdminController {

	private final InventoryManagement inventory;

	private final CurrentStore currentStore;

	private final ConsoleForms forms;

	LocationAdminController(InventoryManagement inventory, CurrentStore currentStore, ConsoleForms forms) {
		this.inventory = inventory;
		this.currentStore = currentStore;
		this.forms = forms;
	}

	/** The location form as posted. */
	record LocationForm(String name, String code, String kind, String priority, boolean fulfilsOnline, boolean active,
			String line1, String city, String postalCode, String country) {

		static LocationForm blank() {
			return new LocationForm("", "", "WAREHOUSE", "100", true, true, "", "", "", "");
		}

		static LocationForm of(Location l) {
			return new LocationForm(l.name(), l.code(), l.kind().name(), Integer.toString(l.priority()), l.fulfilsOnline(),
					l.active(), nz(l.address().line1()), nz(l.address().city()), nz(l.address().postalCode()),
					nz(l.address().country()));
		}

		LocationDraft draft() {
			Integer parsedPriority = StockAdminController.parseInt(priority);
			if (parsedPriority == null || parsedPriority < 0 || parsedPriority > 10_000) {
				throw BusinessRuleViolation.ofField("INVALID_LOCATION", "priority", "Priority is a whole number from 0 to 10000");
			}
			if (name.isBlank()) {
				throw BusinessRuleViolation.ofField("INVALID_LOCATION", "name", "Name is required");
			}
			if (!code.isBlank() && !code.matches("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?")) {
				throw BusinessRuleViolation.ofField("INVALID_LOCATION", "code", "1-40 lowercase letters, digits or dashes");
			}
			if (!country.isBlank() && !country.matches("[A-Z]{2}")) {
				throw BusinessRuleViolation.ofField("INVALID_LOCATION", "country", "A two-letter country code, e.g. DE");
			}
			Address address = new Address(blankToNull(line1), null, blankToNull(city), null, blankToNull(postalCode),
					blankToNull(country));
			return new LocationDraft(name.strip(), code.isBlank() ? null : code, Location.Kind.valueOf(kind), parsedPriority,
					fulfilsOnline, active, address);
		}

		private static String nz(String s) {
			return s == null ? "" : s;
		}

		private static String blankToNull(String s) {
			return s.isBlank() ? null : s.strip();
		}
	}

	@GetMapping("/admin/inventory/locations")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	String locations(Model model) {
		return listPage(LocationForm.blank(), model);
	}

	@PostMapping("/admin/inventory/locations")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String code,
			@RequestParam(defaultValue = "WAREHOUSE") String kind, @RequestParam(defaultValue = "100") String priority,
			@RequestParam(defaultValue = "false") boolean fulfilsOnline, @RequestParam(defaultValue = "") String line1,
			@RequestParam(defaultValue = "") String city, @RequestParam(defaultValue = "") String postalCode,
			@RequestParam(defaultValue = "") String country, Model model, RedirectAttributes redirect) {
		LocationForm form = new LocationForm(name, code, kind, priority, fulfilsOnline, true, line1, city, postalCode, country);
		if (!forms.submit(form, () -> inventory.createLocation(currentStore.id(), form.draft()), model)) {
			return listPage(form, model);
		}
		redirect.addFlashAttribute("notice", "Location " + name.strip() + " created.");
		return "redirect:/admin/inventory/locations";
	}

	@GetMapping("/admin/inventory/locations/{id}")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	String location(@PathVariable String id, Model model) {
		Location location = inventory.location(currentStore.id(), StockAdminController.parseLocation(id));
		return locationPage(location, LocationForm.of(location), model);
	}

	@PostMapping("/admin/inventory/locations/{id}")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String update(@PathVariable String id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "WAREHOUSE") String kind,
			@RequestParam(defaultValue = "100") String priority, @RequestParam(defaultValue = "false") boolean fulfilsOnline,
			@RequestParam(defaultValue = "false") boolean active, @RequestParam(defaultValue = "") String line1,
			@RequestParam(defaultValue = "") String city, @RequestParam(defaultValue = "") String postalCode,
			@RequestParam(defaultValue = "") String country, Model model, RedirectAttributes redirect) {
		LocationId locationId = StockAdminController.parseLocation(id);
		Location location = inventory.location(currentStore.id(), locationId);
		LocationForm form = new LocationForm(name, code, kind, priority, fulfilsOnline, active, line1, city, postalCode, country);
		if (!forms.submit(form, () -> inventory.updateLocation(currentStore.id(), locationId, form.draft()), model)) {
			return locationPage(location, form, model);
		}
		redirect.addFlashAttribute("notice", "Location " + name.strip() + " saved.");
		return "redirect:/admin/inventory/locations/" + id;
	}

	@PostMapping("/admin/inventory/locations/{id}/make-default")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String makeDefault(@PathVariable String id, RedirectAttributes redirect) {
		forms.act(redirect, "Default location changed.",
				() -> inventory.makeDefaultLocation(currentStore.id(), StockAdminController.parseLocation(id)));
		return "redirect:/admin/inventory/locations";
	}

	@PostMapping("/admin/inventory/locations/{id}/delete")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String delete(@PathVariable String id, RedirectAttributes redirect) {
		forms.act(redirect, "Location deleted.", () -> inventory.deleteLocation(currentStore.id(), StockAdminController.parseLocation(id)));
		return "redirect:/admin/inventory/locations";
	}

	@PostMapping("/admin/inventory/locations/{id}/bins")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String createBin(@PathVariable String id, @RequestParam(defaultValue = "") String code,
			@RequestParam(defaultValue = "0") String walkOrder, RedirectAttributes redirect) {
		forms.act(redirect, "Bin " + code + " created.", () -> {
			Integer order = StockAdminController.parseInt(walkOrder);
			if (order == null) {
				throw BusinessRuleViolation.ofField("INVALID_WALK_ORDER", "walkOrder", "The walking order is a whole number");
			}
			inventory.createBin(currentStore.id(), StockAdminController.parseLocation(id), code.strip(), order);
		});
		return "redirect:/admin/inventory/locations/" + id;
	}

	@PostMapping("/admin/inventory/locations/{id}/bins/{code}")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String updateBin(@PathVariable String id, @PathVariable String code, @RequestParam(defaultValue = "") String walkOrder,
			RedirectAttributes redirect) {
		forms.act(redirect, "Bin " + code + " saved.", () -> {
			Integer order = StockAdminController.parseInt(walkOrder);
			if (order == null) {
				throw BusinessRuleViolation.ofField("INVALID_WALK_ORDER", "walkOrder", "The walking order is a whole number");
			}
			inventory.setBinWalkOrder(currentStore.id(), StockAdminController.parseLocation(id), code, order);
		});
		return "redirect:/admin/inventory/locations/" + id;
	}

	@PostMapping("/admin/inventory/locations/{id}/bin-moves")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String moveBetweenBins(@PathVariable String id, @RequestParam(defaultValue = "") String sku,
			@RequestParam(defaultValue = "") String fromBin, @RequestParam(defaultValue = "") String toBin,
			@RequestParam(defaultValue = "") String quantity, RedirectAttributes redirect) {
		forms.act(redirect, "Moved " + quantity + " × " + sku + ".", () -> {
			Integer units = StockAdminController.parseInt(quantity);
			if (units == null) {
				throw BusinessRuleViolation.ofField("INVALID_QUANTITY", "quantity", "The quantity is a whole number");
			}
			inventory.moveBetweenBins(currentStore.id(), sku.strip(), StockAdminController.parseLocation(id),
					fromBin.isBlank() ? null : fromBin, toBin.isBlank() ? null : toBin, units);
		});
		return "redirect:/admin/inventory/locations/" + id;
	}

	private String listPage(LocationForm form, Model model) {
		model.addAttribute("locations", inventory.locations(currentStore.id()));
		model.addAttribute("form", form);
		model.addAttribute("kinds", Location.Kind.values());
		return "inventory/locations";
	}

	private String locationPage(Location location, LocationForm form, Model model) {
		model.addAttribute("location", location);
		model.addAttribute("bins", inventory.bins(currentStore.id(), location.id()));
		model.addAttribute("form", form);
		model.addAttribute("kinds", Location.Kind.values());
		return "inventory/location";
	}
}
