package dev.shopwright.inventory.purchasing.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.purchasing.PurchaseOrder;
import dev.shopwright.inventory.purchasing.PurchaseOrderDraft;
import dev.shopwright.inventory.purchasing.PurchaseOrderLine;
import dev.shopwright.inventory.purchasing.PurchaseOrderStatus;
import dev.shopwright.inventory.purchasing.Purchasing;
import dev.shopwright.inventory.purchasing.Receipt;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ConsoleForms;
import dev.shopwright.platform.CurrentStore;

/**
 * Purchase orders in the console: the list by status, the editor of a draft, sending, the PDF, cancelling, and the
 * receiving screen that takes a barcode scanner's input (a barcode and Enter receives one unit, through htmx).
 */
@Controller
class PurchaseOrderAdminController {

	private static final String BASE = "/admin/purchasing/orders";

	private final Purchasing purchasing;

	private final InventoryManagement inventory;

	private final CurrentStore currentStore;

	private final ConsoleForms forms;

	PurchaseOrderAdminController(Purchasing purchasing, InventoryManagement inventory, CurrentStore currentStore,
			ConsoleForms forms) {
		this.purchasing = purchasing;
		this.inventory = inventory;
		this.currentStore = currentStore;
		this.forms = forms;
	}

	@GetMapping(BASE)
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	String list(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable UUID supplierId,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		PurchaseOrderStatus filter = parseStatus(status);
		var page = purchasing.purchaseOrders(currentStore.id(), filter, supplierId, cursor, 50);
		model.addAttribute("supplierId", supplierId);
		model.addAttribute("orders", page.items());
		model.addAttribute("nextCursor", page.nextCursor());
		model.addAttribute("status", filter == null ? "" : filter.name());
		model.addAttribute("statuses", PurchaseOrderStatus.values());
		model.addAttribute("suppliers", purchasing.allSuppliers(currentStore.id()));
		model.addAttribute("locations", inventory.locations(currentStore.id()));
		return "inventory/purchasing/orders";
	}

	@PostMapping(BASE)
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String create(@RequestParam(required = false) @Nullable UUID supplierId,
			@RequestParam(required = false) @Nullable UUID locationId, RedirectAttributes redirect) {
		if (supplierId == null) {
			redirect.addFlashAttribute("error", "Choose a supplier for the new purchase order.");
			return "redirect:" + BASE;
		}
		try {
			PurchaseOrder order = purchasing.createPurchaseOrder(currentStore.id(),
					new PurchaseOrderDraft(supplierId, locationId, null, null, List.of()));
			redirect.addFlashAttribute("notice", order.number() + " created as a draft: add its lines.");
			return "redirect:" + BASE + "/" + order.id();
		}
		catch (BusinessRuleViolation ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:" + BASE;
		}
	}

	@GetMapping(BASE + "/{id}")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	String show(@PathVariable UUID id, Model model) {
		return orderPage(purchasing.purchaseOrder(currentStore.id(), id), Map.of("sku", "", "quantity", "1", "unitCost", ""),
				model);
	}

	@PostMapping(BASE + "/{id}")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String updateHeader(@PathVariable UUID id, @RequestParam UUID supplierId,
			@RequestParam(required = false) @Nullable UUID locationId, @RequestParam(defaultValue = "") String note,
			@RequestParam(defaultValue = "") String expectedOn, Model model, RedirectAttributes redirect) {
		PurchaseOrder order = purchasing.purchaseOrder(currentStore.id(), id);
		FormValues values = new FormValues();
		PurchaseOrderDraft draft = new PurchaseOrderDraft(supplierId, locationId, note, values.date("expectedOn", expectedOn),
				draftLines(order));
		if (values.failed(model)
				|| !forms.submit(draft, () -> purchasing.updatePurchaseOrder(currentStore.id(), id, draft), model)) {
			return orderPage(order, Map.of("sku", "", "quantity", "1", "unitCost", ""), model);
		}
		redirect.addFlashAttribute("notice", order.number() + " saved.");
		return "redirect:" + BASE + "/" + id;
	}

	@PostMapping(BASE + "/{id}/lines")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String addLine(@PathVariable UUID id, @RequestParam(defaultValue = "") String sku,
			@RequestParam(defaultValue = "") String quantity, @RequestParam(defaultValue = "") String unitCost, Model model,
			RedirectAttributes redirect) {
		PurchaseOrder order = purchasing.purchaseOrder(currentStore.id(), id);
		FormValues values = new FormValues();
		Integer units = values.integer("quantity", quantity);
		BigDecimal cost = values.decimal("unitCost", unitCost);
		if (sku.isBlank()) {
			values.errors.put("sku", "is required");
		}
		if (units == null && !values.errors.containsKey("quantity")) {
			values.errors.put("quantity", "is required");
		}
		Map<String, String> typed = Map.of("sku", sku, "quantity", quantity, "unitCost", unitCost);
		if (values.failed(model)) {
			return orderPage(order, typed, model);
		}
		List<PurchaseOrderDraft.Line> lines = new ArrayList<>(draftLines(order));
		lines.removeIf(line -> line.sku().equalsIgnoreCase(sku.strip()));
		lines.add(new PurchaseOrderDraft.Line(sku.strip(), units, cost));
		PurchaseOrderDraft draft = new PurchaseOrderDraft(order.supplierId(), order.locationId().value(), order.note(),
				order.expectedOn(), lines);
		if (!forms.submit(draft, () -> purchasing.updatePurchaseOrder(currentStore.id(), id, draft), model)) {
			model.addAttribute("fieldErrors", lineErrors(model, lines.size() - 1));
			return orderPage(order, typed, model);
		}
		redirect.addFlashAttribute("notice", "Line " + sku.strip() + " saved.");
		return "redirect:" + BASE + "/" + id;
	}

	@PostMapping(BASE + "/{id}/lines/remove")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String removeLine(@PathVariable UUID id, @RequestParam String sku, RedirectAttributes redirect) {
		PurchaseOrder order = purchasing.purchaseOrder(currentStore.id(), id);
		List<PurchaseOrderDraft.Line> lines = new ArrayList<>(draftLines(order));
		lines.removeIf(line -> line.sku().equals(sku));
		forms.act(redirect, "Line " + sku + " removed.", () -> purchasing.updatePurchaseOrder(currentStore.id(), id,
				new PurchaseOrderDraft(order.supplierId(), order.locationId().value(), order.note(), order.expectedOn(), lines)));
		return "redirect:" + BASE + "/" + id;
	}

	@PostMapping(BASE + "/{id}/send")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String send(@PathVariable UUID id, RedirectAttributes redirect) {
		forms.act(redirect, "Purchase order sent; the supplier is emailed the PDF.",
				() -> purchasing.send(currentStore.id(), id));
		return "redirect:" + BASE + "/" + id;
	}

	@PostMapping(BASE + "/{id}/cancel")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String cancel(@PathVariable UUID id, RedirectAttributes redirect) {
		forms.act(redirect, "Purchase order cancelled; what had not arrived is no longer incoming.",
				() -> purchasing.cancel(currentStore.id(), id));
		return "redirect:" + BASE + "/" + id;
	}

	@PostMapping(BASE + "/{id}/delete")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		boolean[] deleted = new boolean[1];
		forms.act(redirect, "Draft deleted.", () -> {
			purchasing.deletePurchaseOrder(currentStore.id(), id);
			deleted[0] = true;
		});
		return deleted[0] ? "redirect:" + BASE : "redirect:" + BASE + "/" + id;
	}

	@GetMapping(BASE + "/{id}/pdf")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
		PurchaseOrder order = purchasing.purchaseOrder(currentStore.id(), id);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(order.number() + ".pdf").build().toString())
			.body(purchasing.pdf(currentStore.id(), id));
	}

	@GetMapping(BASE + "/{id}/receive")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	String receiving(@PathVariable UUID id, Model model) {
		model.addAttribute("order", purchasing.purchaseOrder(currentStore.id(), id));
		return "inventory/purchasing/receive";
	}

	/**
	 * One scan (or typed code) at the receiving screen: receives {@code quantity} units of the line it matches. With
	 * htmx it answers the screen's receiving fragment (lines, the result, and the input ready for the next scan).
	 */
	@PostMapping(BASE + "/{id}/scan")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String scan(@PathVariable UUID id, @RequestParam(defaultValue = "") String code,
			@RequestParam(defaultValue = "1") String quantity, @RequestParam(defaultValue = "") String binCode,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect) {
		FormValues values = new FormValues();
		Integer units = values.integer("quantity", quantity);
		String message;
		boolean ok = false;
		if (code.isBlank()) {
			message = "Scan or type a barcode, SKU or supplier code.";
		}
		else if (units == null || units < 1) {
			message = "Quantity must be a whole number of at least 1.";
		}
		else {
			try {
				purchasing.receive(currentStore.id(), id, new Receipt(List.of(new Receipt.Line(code.strip(), units,
						binCode.isBlank() ? null : binCode.strip())), null));
				message = "Received %d × %s".formatted(units, code.strip());
				ok = true;
			}
			catch (BusinessRuleViolation ex) {
				message = ex.getMessage();
			}
		}
		if (htmx == null) {
			redirect.addFlashAttribute(ok ? "notice" : "error", message);
			return "redirect:" + BASE + "/" + id + "/receive";
		}
		model.addAttribute("order", purchasing.purchaseOrder(currentStore.id(), id));
		model.addAttribute("scanMessage", message);
		model.addAttribute("scanOk", ok);
		model.addAttribute("lastBin", binCode);
		return "inventory/purchasing/receive :: receiving";
	}

	private String orderPage(PurchaseOrder order, Map<String, String> lineForm, Model model) {
		model.addAttribute("order", order);
		model.addAttribute("lineForm", lineForm);
		model.addAttribute("suppliers", purchasing.allSuppliers(currentStore.id()));
		model.addAttribute("locations", inventory.locations(currentStore.id()));
		return "inventory/purchasing/order";
	}

	private static List<PurchaseOrderDraft.Line> draftLines(PurchaseOrder order) {
		return order.lines()
			.stream()
			.map((PurchaseOrderLine line) -> new PurchaseOrderDraft.Line(line.sku(), line.quantity(), line.unitCost().amount()))
			.toList();
	}

	/** The refused line's errors, named like the add-line form's fields ({@code lines[3].unitCost} → {@code unitCost}). */
	@SuppressWarnings("unchecked")
	private static Map<String, String> lineErrors(Model model, int index) {
		Map<String, String> errors = (Map<String, String>) model.getAttribute("fieldErrors");
		Map<String, String> renamed = new java.util.LinkedHashMap<>();
		if (errors != null) {
			errors.forEach((field, error) -> renamed.put(field.replace("lines[" + index + "].", ""), error));
		}
		return renamed;
	}

	private static @Nullable PurchaseOrderStatus parseStatus(@Nullable String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return PurchaseOrderStatus.valueOf(status);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
