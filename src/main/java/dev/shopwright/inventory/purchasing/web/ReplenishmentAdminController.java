package dev.shopwright.inventory.purchasing.web;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.shopwright.inventory.purchasing.PurchaseOrder;
import dev.shopwright.inventory.purchasing.Replenishment;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.CurrentStore;

/** The low-stock list and the reorder suggestions, with the one button that turns them into draft orders. */
@Controller
class ReplenishmentAdminController {

	private final Replenishment replenishment;

	private final CurrentStore currentStore;

	ReplenishmentAdminController(Replenishment replenishment, CurrentStore currentStore) {
		this.replenishment = replenishment;
		this.currentStore = currentStore;
	}

	@GetMapping("/admin/purchasing/low-stock")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	String lowStock(Model model) {
		model.addAttribute("items", replenishment.lowStock(currentStore.id()));
		return "inventory/purchasing/low-stock";
	}

	@GetMapping("/admin/purchasing/suggestions")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	String suggestions(Model model) {
		model.addAttribute("suggestions", replenishment.suggestions(currentStore.id()));
		return "inventory/purchasing/suggestions";
	}

	@PostMapping("/admin/purchasing/suggestions")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String createDrafts(RedirectAttributes redirect) {
		try {
			List<PurchaseOrder> created = replenishment.createDrafts(currentStore.id(), null);
			redirect.addFlashAttribute("notice", created.isEmpty() ? "Nothing to reorder right now."
					: "Created %d draft purchase order%s: %s".formatted(created.size(), created.size() == 1 ? "" : "s",
							String.join(", ", created.stream().map(PurchaseOrder::number).toList())));
			return created.isEmpty() ? "redirect:/admin/purchasing/suggestions" : "redirect:/admin/purchasing/orders?status=DRAFT";
		}
		catch (BusinessRuleViolation ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/admin/purchasing/suggestions";
		}
	}
}
