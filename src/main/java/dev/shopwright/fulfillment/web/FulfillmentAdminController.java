package dev.shopwright.fulfillment.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.shopwright.fulfillment.FulfillmentManagement;
import dev.shopwright.fulfillment.FulfillmentOrder;
import dev.shopwright.fulfillment.FulfillmentProblems;
import dev.shopwright.fulfillment.PackingScan;
import dev.shopwright.fulfillment.Parcel;
import dev.shopwright.fulfillment.ShipOrder;
import dev.shopwright.fulfillment.Shipment;
import dev.shopwright.fulfillment.ShipmentStatus;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.Location;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ConsoleForms;
import dev.shopwright.platform.CurrentStore;

/**
 * The warehouse's screens: the fulfilment queue (ready, on hold, partially fulfilled, late), a fulfilment order
 * (re-allocate, cancel lines), pick-list batches, the packing station (scan field answered through htmx, then
 * weight, dimensions and the label), and shipments with their tracking timeline.
 */
@Controller
class FulfillmentAdminController {

	private static final String BASE = "/admin/fulfillment";

	private final FulfillmentManagement fulfillment;

	private final InventoryManagement inventory;

	private final CurrentStore currentStore;

	private final ConsoleForms forms;

	FulfillmentAdminController(FulfillmentManagement fulfillment, InventoryManagement inventory,
			CurrentStore currentStore, ConsoleForms forms) {
		this.fulfillment = fulfillment;
		this.inventory = inventory;
		this.currentStore = currentStore;
		this.forms = forms;
	}

	@GetMapping(BASE)
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	String queue(@RequestParam(defaultValue = "READY") String filter, @RequestParam(required = false) @Nullable String location,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		FulfillmentOrder.Queue queue = parseQueue(filter);
		UUID locationId = location == null || location.isBlank() ? null : parseId(location);
		model.addAttribute("page", fulfillment.queue(currentStore.id(), queue, locationId, blankToNull(cursor), 50));
		model.addAttribute("filter", queue.name());
		model.addAttribute("filters", FulfillmentOrder.Queue.values());
		model.addAttribute("location", locationId == null ? "" : locationId.toString());
		model.addAttribute("locations", fulfillingLocations());
		return "fulfillment/queue";
	}

	@GetMapping(BASE + "/orders/{id}")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	String fulfillmentOrder(@PathVariable String id, Model model) {
		FulfillmentOrder fo = fulfillment.fulfillmentOrder(currentStore.id(), parseId(id));
		model.addAttribute("fo", fo);
		model.addAttribute("locations", fulfillingLocations().stream().filter(l -> !l.id().value().equals(fo.locationId())).toList());
		model.addAttribute("shipments", fulfillment.shipmentsOfOrder(currentStore.id(), UUID.fromString(fo.orderId()))
			.stream().filter(s -> s.fulfillmentOrderId().equals(fo.id())).toList());
		return "fulfillment/order";
	}

	@PostMapping(BASE + "/orders/{id}/reallocate")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String reallocate(@PathVariable String id, @RequestParam(defaultValue = "") String locationId,
			@RequestParam(required = false) @Nullable List<String> lineIds, RedirectAttributes redirect) {
		forms.act(redirect, "Lines moved.", () -> fulfillment.reallocate(currentStore.id(), parseId(id),
				parseId(locationId), lineIds == null ? null : lineIds.stream().map(FulfillmentAdminController::parseId).toList()));
		return "redirect:" + BASE + "/orders/" + id;
	}

	@PostMapping(BASE + "/orders/{id}/cancel-lines")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String cancelLines(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
		forms.act(redirect, "Lines cancelled.", () -> {
			Map<UUID, Integer> quantities = new LinkedHashMap<>();
			form.forEach((name, values) -> {
				if (name.startsWith("cancel-") && !values.get(0).isBlank() && !values.get(0).equals("0")) {
					quantities.put(parseId(name.substring("cancel-".length())), parseQuantity(values.get(0), "lines"));
				}
			});
			fulfillment.cancelLines(currentStore.id(), parseId(id), quantities);
		});
		return "redirect:" + BASE + "/orders/" + id;
	}

	// --- pick lists ---

	@GetMapping(BASE + "/pick-lists")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	String pickLists(@RequestParam(required = false) @Nullable String cursor, Model model) {
		model.addAttribute("page", fulfillment.pickLists(currentStore.id(), blankToNull(cursor), 20));
		model.addAttribute("locations", fulfillingLocations());
		return "fulfillment/pick-lists";
	}

	@PostMapping(BASE + "/pick-lists")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String createPickList(@RequestParam(defaultValue = "") String locationId,
			@RequestParam(required = false) @Nullable List<String> fulfillmentOrderIds, RedirectAttributes redirect) {
		List<UUID> ids = new ArrayList<>();
		UUID[] created = new UUID[1];
		forms.act(redirect, "Pick list created.", () -> {
			if (fulfillmentOrderIds != null) {
				fulfillmentOrderIds.forEach(value -> ids.add(parseId(value)));
			}
			created[0] = fulfillment.createPickList(currentStore.id(), parseId(locationId), ids).id();
		});
		return created[0] == null ? "redirect:" + BASE + "/pick-lists" : "redirect:" + BASE + "/pick-lists/" + created[0];
	}

	@GetMapping(BASE + "/pick-lists/{id}")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	String pickList(@PathVariable String id, Model model) {
		var pickList = fulfillment.pickList(currentStore.id(), parseId(id));
		model.addAttribute("pickList", pickList);
		model.addAttribute("orders", pickList.fulfillmentOrderIds().stream()
			.map(fo -> fulfillment.fulfillmentOrder(currentStore.id(), fo)).toList());
		return "fulfillment/pick-list";
	}

	@GetMapping(BASE + "/pick-lists/{id}/pdf")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	ResponseEntity<byte[]> pickListPdf(@PathVariable String id) {
		return pdf(fulfillment.pickListPdf(currentStore.id(), parseId(id)));
	}

	// --- packing station ---

	@GetMapping(BASE + "/packing/{id}")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	String packing(@PathVariable String id, Model model) {
		PackingScan state = fulfillment.packing(currentStore.id(), parseId(id));
		return packingPage(state, null, model);
	}

	/** One scan; with htmx the answer is the station's fragment (feedback, lines, the field ready for the next scan). */
	@PostMapping(BASE + "/packing/{id}/scan")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String scan(@PathVariable String id, @RequestParam(defaultValue = "") String code,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		UUID foId = parseId(id);
		PackingScan result;
		if (code.isBlank()) {
			result = fulfillment.packing(currentStore.id(), foId);
			model.addAttribute("scanMessage", "Scan or type a SKU or barcode.");
			model.addAttribute("scanOk", false);
		}
		else {
			try {
				result = fulfillment.scan(currentStore.id(), foId, code);
				model.addAttribute("scanMessage", result.message());
				model.addAttribute("scanOk", result.outcome() == PackingScan.Outcome.PACKED);
				model.addAttribute("scanOutcome", result.outcome().name());
			}
			catch (BusinessRuleViolation ex) {
				result = fulfillment.packing(currentStore.id(), foId);
				model.addAttribute("scanMessage", ex.getMessage());
				model.addAttribute("scanOk", false);
			}
		}
		packingPage(result, null, model);
		return htmx != null ? "fulfillment/packing :: station" : "fulfillment/packing";
	}

	@PostMapping(BASE + "/packing/{id}/reset")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String resetPacking(@PathVariable String id, RedirectAttributes redirect) {
		forms.act(redirect, "Packing started over.", () -> fulfillment.resetPacking(currentStore.id(), parseId(id)));
		return "redirect:" + BASE + "/packing/" + id;
	}

	/** The packed box is weighed and measured: buy the label and ship. */
	@PostMapping(BASE + "/packing/{id}/ship")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String ship(@PathVariable String id, @RequestParam(defaultValue = "") String weightGrams,
			@RequestParam(defaultValue = "") String lengthCm, @RequestParam(defaultValue = "") String widthCm,
			@RequestParam(defaultValue = "") String heightCm, @RequestParam(defaultValue = "") String carrierService,
			@RequestParam(defaultValue = "CHEAPEST") String strategy, Model model, RedirectAttributes redirect) {
		UUID foId = parseId(id);
		Shipment[] shipped = new Shipment[1];
		ShipForm form = new ShipForm(weightGrams, lengthCm, widthCm, heightCm, carrierService, strategy);
		boolean ok = forms.submit(form, () -> shipped[0] = fulfillment.ship(currentStore.id(), foId, form.command()), model);
		if (!ok) {
			return packingPage(fulfillment.packing(currentStore.id(), foId), form, model);
		}
		redirect.addFlashAttribute("notice", "Shipped with " + shipped[0].serviceName() + ", tracking " + shipped[0].trackingNumber() + ".");
		return "redirect:" + BASE + "/shipments/" + shipped[0].id();
	}

	/** The ship form as posted; "carrier:service" or empty for rate shopping. */
	record ShipForm(String weightGrams, String lengthCm, String widthCm, String heightCm, String carrierService,
			String strategy) {

		static ShipForm blank() {
			return new ShipForm("", "", "", "", "", "CHEAPEST");
		}

		ShipOrder command() {
			Parcel parcel = new Parcel(number(weightGrams, "weightGrams", 1_000_000), number(lengthCm, "lengthCm", 500),
					number(widthCm, "widthCm", 500), number(heightCm, "heightCm", 500));
			String carrier = null;
			String service = null;
			if (!carrierService.isBlank()) {
				String[] parts = carrierService.split(":", 2);
				carrier = parts[0];
				service = parts.length == 2 ? parts[1] : null;
			}
			ShipOrder.Strategy chosen = "FASTEST".equals(strategy) ? ShipOrder.Strategy.FASTEST : ShipOrder.Strategy.CHEAPEST;
			return new ShipOrder(carrier, service, chosen, parcel, null, null);
		}

		private static int number(String value, String field, int max) {
			try {
				int parsed = Integer.parseInt(value.strip());
				if (parsed >= 1 && parsed <= max) {
					return parsed;
				}
			}
			catch (NumberFormatException ex) {
				// answered below
			}
			throw FulfillmentProblems.invalid("INVALID_PARCEL", field, "A whole number from 1 to " + max);
		}
	}

	private String packingPage(PackingScan state, @Nullable ShipForm form, Model model) {
		model.addAttribute("state", state);
		model.addAttribute("fo", state.order());
		model.addAttribute("form", form == null ? ShipForm.blank() : form);
		model.addAttribute("carriers", fulfillment.carrierSettings(currentStore.id()).stream()
			.filter(FulfillmentManagement.CarrierSetting::enabled).toList());
		return "fulfillment/packing";
	}

	// --- shipments ---

	@GetMapping(BASE + "/shipments")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	String shipments(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		ShipmentStatus filter = null;
		if (status != null && !status.isBlank()) {
			try {
				filter = ShipmentStatus.valueOf(status);
			}
			catch (IllegalArgumentException ex) {
				filter = null;
			}
		}
		model.addAttribute("page", fulfillment.shipments(currentStore.id(), filter, blankToNull(cursor), 50));
		model.addAttribute("status", filter == null ? "" : filter.name());
		model.addAttribute("statuses", ShipmentStatus.values());
		return "fulfillment/shipments";
	}

	@GetMapping(BASE + "/shipments/{id}")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	String shipment(@PathVariable String id, Model model) {
		model.addAttribute("shipment", fulfillment.shipment(currentStore.id(), parseId(id)));
		return "fulfillment/shipment";
	}

	@GetMapping(BASE + "/shipments/{id}/label")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	ResponseEntity<byte[]> label(@PathVariable String id) {
		return pdf(fulfillment.labelPdf(currentStore.id(), parseId(id)));
	}

	@GetMapping(BASE + "/shipments/{id}/packing-slip")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	ResponseEntity<byte[]> packingSlip(@PathVariable String id) {
		return pdf(fulfillment.packingSlipPdf(currentStore.id(), parseId(id)));
	}

	// --- helpers ---

	private List<Location> fulfillingLocations() {
		return inventory.locations(currentStore.id()).stream().filter(l -> l.active() && l.fulfilsOnline()).toList();
	}

	private static ResponseEntity<byte[]> pdf(byte[] body) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(body);
	}

	private static FulfillmentOrder.Queue parseQueue(String value) {
		try {
			return FulfillmentOrder.Queue.valueOf(value);
		}
		catch (IllegalArgumentException ex) {
			return FulfillmentOrder.Queue.READY;
		}
	}

	static UUID parseId(String value) {
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new dev.shopwright.platform.ResourceNotFound("Record", value);
		}
	}

	private static int parseQuantity(String value, String field) {
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw FulfillmentProblems.invalid("INVALID_QUANTITY", field, "Quantities are whole numbers");
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
