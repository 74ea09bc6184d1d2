package dev.shopwright.inventory.web;

import java.util.ArrayList;
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

import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.Location;
import dev.shopwright.inventory.LocationId;
import dev.shopwright.inventory.Transfer;
import dev.shopwright.inventory.TransferDraft;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ConsoleForms;
import dev.shopwright.platform.CurrentStore;

/** Transfers: list, create (SKU and quantity per line), ship, receive (all or in parts), cancel. */
@Controller
class TransferAdminController {

	private final InventoryManagement inventory;

	private final CurrentStore currentStore;

	private final ConsoleForms forms;

	TransferAdminController(InventoryManagement inventory, CurrentStore currentStore, ConsoleForms forms) {
		this.inventory = inventory;
		this.currentStore = currentStore;
		this.forms = forms;
	}

	/** The new-transfer form: lines as "SKU quantity", one per line. */
	record TransferForm(String originId, String destinationId, String lines, String note) {

		static TransferForm blank() {
			return new TransferForm("", "", "", "");
		}

		TransferDraft draft() {
			List<TransferDraft.Line> parsed = new ArrayList<>();
			for (String row : lines.split("\\R")) {
				if (row.isBlank()) {
					continue;
				}
				String[] parts = row.strip().split("[\\s,;]+");
				Integer quantity = parts.length == 2 ? StockAdminController.parseInt(parts[1]) : null;
				if (quantity == null) {
					throw BusinessRuleViolation.ofField("INVALID_QUANTITY", "lines", "Each line is a SKU and a quantity: '%s'".formatted(row.strip()));
				}
				parsed.add(new TransferDraft.Line(parts[0], quantity));
			}
			if (originId.isBlank()) {
				throw BusinessRuleViolation.ofField("UNKNOWN_LOCATION", "originId", "Choose where the units come from");
			}
			if (destinationId.isBlank()) {
				throw BusinessRuleViolation.ofField("UNKNOWN_LOCATION", "destinationId", "Choose where the units go");
			}
			return new TransferDraft(StockAdminController.parseLocation(originId), StockAdminController.parseLocation(destinationId),
					parsed, note.isBlank() ? null : note);
		}
	}

	@GetMapping("/admin/inventory/transfers")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	String transfers(@RequestParam(required = false) @Nullable String cursor, Model model) {
		return listPage(TransferForm.blank(), cursor, model);
	}

	@PostMapping("/admin/inventory/transfers")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String create(@RequestParam(defaultValue = "") String originId, @RequestParam(defaultValue = "") String destinationId,
			@RequestParam(defaultValue = "") String lines, @RequestParam(defaultValue = "") String note, Model model,
			RedirectAttributes redirect) {
		TransferForm form = new TransferForm(originId, destinationId, lines, note);
		Transfer[] created = new Transfer[1];
		if (!forms.submit(form, () -> created[0] = inventory.createTransfer(currentStore.id(), form.draft()), model)) {
			return listPage(form, null, model);
		}
		redirect.addFlashAttribute("notice", "Transfer #" + created[0].number() + " created.");
		return "redirect:/admin/inventory/transfers/" + created[0].id();
	}

	@GetMapping("/admin/inventory/transfers/{id}")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	String transfer(@PathVariable UUID id, Model model) {
		model.addAttribute("transfer", inventory.transfer(currentStore.id(), id));
		model.addAttribute("names", names());
		return "inventory/transfer";
	}

	@PostMapping("/admin/inventory/transfers/{id}/ship")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String ship(@PathVariable UUID id, RedirectAttributes redirect) {
		forms.act(redirect, "Transfer shipped.", () -> inventory.shipTransfer(currentStore.id(), id));
		return "redirect:/admin/inventory/transfers/" + id;
	}

	/** Quantities arrive as {@code receive[SKU]=n}; all blank receives everything outstanding. */
	@PostMapping("/admin/inventory/transfers/{id}/receive")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String receive(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		forms.act(redirect, "Units received.", () -> {
			Map<String, Integer> quantities = new LinkedHashMap<>();
			params.forEach((key, values) -> {
				if (key.startsWith("receive[") && key.endsWith("]") && !values.getFirst().isBlank()) {
					Integer quantity = StockAdminController.parseInt(values.getFirst());
					if (quantity == null) {
						throw BusinessRuleViolation.ofField("INVALID_QUANTITY", key, "Quantities are whole numbers");
					}
					if (quantity != 0) {
						quantities.put(key.substring(8, key.length() - 1), quantity);
					}
				}
			});
			String bin = params.getFirst("binCode");
			inventory.receiveTransfer(currentStore.id(), id, quantities, bin == null || bin.isBlank() ? null : bin.strip());
		});
		return "redirect:/admin/inventory/transfers/" + id;
	}

	@PostMapping("/admin/inventory/transfers/{id}/cancel")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String cancel(@PathVariable UUID id, RedirectAttributes redirect) {
		forms.act(redirect, "Transfer cancelled.", () -> inventory.cancelTransfer(currentStore.id(), id));
		return "redirect:/admin/inventory/transfers/" + id;
	}

	private String listPage(TransferForm form, @Nullable String cursor, Model model) {
		var page = inventory.transfers(currentStore.id(), null, cursor, 50);
		model.addAttribute("transfers", page.items());
		model.addAttribute("nextCursor", page.nextCursor());
		model.addAttribute("locations", inventory.locations(currentStore.id()));
		model.addAttribute("names", names());
		model.addAttribute("form", form);
		return "inventory/transfers";
	}

	private Map<LocationId, String> names() {
		Map<LocationId, String> names = new LinkedHashMap<>();
		for (Location l : inventory.locations(currentStore.id())) {
			names.put(l.id(), l.name());
		}
		return names;
	}
}
