package dev.shopwright.inventory.web;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.Reservation;
import dev.shopwright.inventory.ReservationId;
import dev.shopwright.platform.ConsoleForms;
import dev.shopwright.platform.CurrentStore;

/** Reservations held for carts, checkouts and orders; staff can release a stuck one. */
@Controller
class ReservationAdminController {

	private final InventoryManagement inventory;

	private final CurrentStore currentStore;

	private final ConsoleForms forms;

	ReservationAdminController(InventoryManagement inventory, CurrentStore currentStore, ConsoleForms forms) {
		this.inventory = inventory;
		this.currentStore = currentStore;
		this.forms = forms;
	}

	@GetMapping("/admin/inventory/reservations")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	String reservations(@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String reference,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		Reservation.Status chosen = null;
		try {
			chosen = status.isBlank() ? null : Reservation.Status.valueOf(status);
		}
		catch (IllegalArgumentException e) {
			// an unknown status filter shows all
		}
		var page = inventory.reservations(currentStore.id(), chosen, reference.isBlank() ? null : reference.strip(), cursor, 50);
		model.addAttribute("reservations", page.items());
		model.addAttribute("nextCursor", page.nextCursor());
		model.addAttribute("status", chosen == null ? "" : chosen.name());
		model.addAttribute("reference", reference);
		model.addAttribute("statuses", Reservation.Status.values());
		return "inventory/reservations";
	}

	@PostMapping("/admin/inventory/reservations/{id}/release")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String release(@PathVariable UUID id, RedirectAttributes redirect) {
		forms.act(redirect, "Reservation released.", () -> inventory.release(currentStore.id(), new ReservationId(id)));
		return "redirect:/admin/inventory/reservations";
	}
}
