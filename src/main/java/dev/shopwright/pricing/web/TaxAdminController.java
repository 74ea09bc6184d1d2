package dev.shopwright.pricing.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ConsoleForms;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.pricing.DiscountAllocation;
import dev.shopwright.pricing.PriceCalculation;
import dev.shopwright.pricing.PricingManagement;
import dev.shopwright.pricing.TaxRate;
import dev.shopwright.pricing.TaxRounding;
import dev.shopwright.pricing.TaxZone;
import dev.shopwright.pricing.TaxZoneDraft;
import dev.shopwright.shared.Address;
import dev.shopwright.shared.Money;

/** Checkout settings: taxes — rounding, tax classes, zones with rates, and a live calculator. */
@Controller
class TaxAdminController {

	private static final String PATH = "/admin/settings/taxes";

	private final PricingManagement pricing;

	private final CurrentStore currentStore;

	private final ConsoleForms forms;

	TaxAdminController(PricingManagement pricing, CurrentStore currentStore, ConsoleForms forms) {
		this.pricing = pricing;
		this.currentStore = currentStore;
		this.forms = forms;
	}

	/** The zone form; rates are one per line: {@code class, name, percent[, compound]}. */
	record ZoneForm(@Nullable String id, String name, String country, String region, String postcodeFrom,
			String postcodeTo, String postcodePrefix, String rates) {

		static ZoneForm empty() {
			return new ZoneForm(null, "", "", "", "", "", "", "");
		}

		static ZoneForm of(TaxZone zone) {
			StringBuilder rates = new StringBuilder();
			for (TaxRate rate : zone.rates()) {
				rates.append(rate.taxClass()).append(", ").append(rate.name()).append(", ")
					.append(rate.percent().toPlainString()).append(rate.compound() ? ", compound" : "").append('\n');
			}
			return new ZoneForm(zone.id().toString(), zone.name(), zone.country(), nz(zone.region()),
					nz(zone.postcodeFrom()), nz(zone.postcodeTo()), nz(zone.postcodePrefix()), rates.toString().strip());
		}
	}

	/** The calculator; lines are one per line: {@code sku, unit price, quantity[, tax class]}. */
	record PreviewForm(String currency, String lines, String shipping, String shippingTaxClass, String discount,
			String country, String region, String postalCode, boolean taxExempt) {
	}

	@GetMapping(PATH)
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	String page(@RequestParam(required = false) @Nullable UUID edit, Model model) {
		ZoneForm zoneForm = edit == null ? ZoneForm.empty() : ZoneForm.of(pricing.taxZone(currentStore.id(), edit));
		return page(model, zoneForm, null);
	}

	@PostMapping(PATH + "/rounding")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	String rounding(@RequestParam TaxRounding rounding, RedirectAttributes redirect) {
		forms.act(redirect, "Tax rounding saved.", () -> pricing.setTaxRounding(currentStore.id(), rounding));
		return "redirect:" + PATH;
	}

	@PostMapping(PATH + "/classes")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	String createClass(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
			Model model, RedirectAttributes redirect) {
		if (!forms.submit(Map.of(), () -> pricing.createTaxClass(currentStore.id(), code, name), model)) {
			model.addAttribute("classCode", code);
			model.addAttribute("className", name);
			return page(model, ZoneForm.empty(), null);
		}
		redirect.addFlashAttribute("notice", "Tax class " + code.strip() + " created.");
		return "redirect:" + PATH;
	}

	@PostMapping(PATH + "/classes/{id}/delete")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	String deleteClass(@PathVariable UUID id, RedirectAttributes redirect) {
		forms.act(redirect, "Tax class deleted.", () -> pricing.deleteTaxClass(currentStore.id(), id));
		return "redirect:" + PATH;
	}

	@PostMapping(PATH + "/zones")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	String saveZone(@RequestParam(required = false) @Nullable String id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String country, @RequestParam(defaultValue = "") String region,
			@RequestParam(defaultValue = "") String postcodeFrom, @RequestParam(defaultValue = "") String postcodeTo,
			@RequestParam(defaultValue = "") String postcodePrefix, @RequestParam(defaultValue = "") String rates,
			Model model, RedirectAttributes redirect) {
		ZoneForm form = new ZoneForm(id == null || id.isBlank() ? null : id, name, country, region, postcodeFrom,
				postcodeTo, postcodePrefix, rates);
		boolean saved = forms.submit(form, () -> pricing.saveTaxZone(currentStore.id(),
				form.id() == null ? null : UUID.fromString(form.id()), new TaxZoneDraft(name, country, region,
						postcodeFrom, postcodeTo, postcodePrefix, parseRates(rates))), model);
		if (!saved) {
			return page(model, form, null);
		}
		redirect.addFlashAttribute("notice", "Tax zone " + name.strip() + " saved.");
		return "redirect:" + PATH;
	}

	@PostMapping(PATH + "/zones/{id}/delete")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	String deleteZone(@PathVariable UUID id, RedirectAttributes redirect) {
		forms.act(redirect, "Tax zone deleted.", () -> pricing.deleteTaxZone(currentStore.id(), id));
		return "redirect:" + PATH;
	}

	/** The calculator: the breakdown fragment for htmx, the whole page without JavaScript. */
	@PostMapping(PATH + "/preview")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	String preview(@RequestParam(defaultValue = "") String currency, @RequestParam(defaultValue = "") String lines,
			@RequestParam(defaultValue = "") String shipping, @RequestParam(defaultValue = "") String shippingTaxClass,
			@RequestParam(defaultValue = "") String discount, @RequestParam(defaultValue = "") String country,
			@RequestParam(defaultValue = "") String region, @RequestParam(defaultValue = "") String postalCode,
			@RequestParam(defaultValue = "false") boolean taxExempt,
			@RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
		PreviewForm form = new PreviewForm(currency, lines, shipping, shippingTaxClass, discount, country, region,
				postalCode, taxExempt);
		try {
			Currency c = PricingManagement.currency(currency, "currency");
			Money shippingAmount = shipping.isBlank() ? null : money(shipping, c, "shipping");
			List<DiscountAllocation> discounts = discount.isBlank() ? List.of()
					: List.of(new DiscountAllocation("Discount", money(discount, c, "discount"), null));
			model.addAttribute("breakdown", pricing.calculate(currentStore.id(), new PriceCalculation(c,
					parseLines(lines, c), shippingAmount, shippingTaxClass.isBlank() ? null : shippingTaxClass.strip(),
					discounts, new Address(null, null, null, blank(region), blank(postalCode),
							country.isBlank() ? null : country.strip().toUpperCase(java.util.Locale.ROOT)),
					taxExempt)));
		}
		catch (BusinessRuleViolation ex) {
			model.addAttribute("previewError", ex.getMessage() + describe(ex.fieldErrors()));
		}
		model.addAttribute("preview", form);
		if (htmx != null) {
			return "pricing/taxes :: breakdown";
		}
		return page(model, ZoneForm.empty(), form);
	}

	private String page(Model model, ZoneForm zoneForm, @Nullable PreviewForm preview) {
		var store = currentStore.id();
		model.addAttribute("rounding", pricing.taxRounding(store));
		model.addAttribute("roundings", TaxRounding.values());
		model.addAttribute("taxClasses", pricing.taxClasses(store));
		model.addAttribute("zones", pricing.taxZones(store));
		model.addAttribute("zoneForm", zoneForm);
		model.addAttribute("currencies", pricing.currencies(store).stream().map(c -> c.currency().getCurrencyCode()).toList());
		if (!model.containsAttribute("preview")) {
			String currency = pricing.currencies(store).get(0).currency().getCurrencyCode();
			model.addAttribute("preview", preview != null ? preview
					: new PreviewForm(currency, "SKU-1, 0.33, 3\nSKU-2, 19.99, 1", "4.90", "", "", "", "", "", false));
		}
		return "pricing/taxes";
	}

	static List<TaxZoneDraft.Rate> parseRates(String text) {
		List<TaxZoneDraft.Rate> rates = new ArrayList<>();
		String[] rows = text.strip().split("\\R");
		for (int i = 0; i < rows.length; i++) {
			if (rows[i].isBlank()) {
				continue;
			}
			String[] cells = rows[i].split(",");
			if (cells.length < 3) {
				throw BusinessRuleViolation.ofField("INVALID_TAX_ZONE", "rates",
						"line " + (i + 1) + ": write 'class, name, percent' (and ', compound' to tax on tax)");
			}
			rates.add(new TaxZoneDraft.Rate(cells[0].strip(), cells[1].strip(), decimal(cells[2], "rates", i),
					cells.length > 3 && cells[3].strip().equalsIgnoreCase("compound")));
		}
		return rates;
	}

	static List<PriceCalculation.Line> parseLines(String text, Currency currency) {
		List<PriceCalculation.Line> lines = new ArrayList<>();
		String[] rows = text.strip().split("\\R");
		for (int i = 0; i < rows.length; i++) {
			if (rows[i].isBlank()) {
				continue;
			}
			String[] cells = rows[i].split(",");
			if (cells.length < 3) {
				throw BusinessRuleViolation.ofField("INVALID_CALCULATION", "lines",
						"line " + (i + 1) + ": write 'sku, unit price, quantity' (and ', tax class')");
			}
			int quantity;
			try {
				quantity = Integer.parseInt(cells[2].strip());
			}
			catch (NumberFormatException ex) {
				throw BusinessRuleViolation.ofField("INVALID_CALCULATION", "lines", "line " + (i + 1) + ": quantity is not a number");
			}
			lines.add(new PriceCalculation.Line(cells[0].strip(), money(cells[1], currency, "lines"), quantity,
					cells.length > 3 && !cells[3].isBlank() ? cells[3].strip() : null, true));
		}
		if (lines.isEmpty()) {
			throw BusinessRuleViolation.ofField("INVALID_CALCULATION", "lines", "add at least one line");
		}
		return lines;
	}

	private static Money money(String text, Currency currency, String field) {
		try {
			return new Money(decimal(text, field, -1), currency);
		}
		catch (IllegalArgumentException ex) {
			throw BusinessRuleViolation.ofField("INVALID_CALCULATION", field, ex.getMessage());
		}
	}

	private static BigDecimal decimal(String text, String field, int line) {
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			throw BusinessRuleViolation.ofField("INVALID_INPUT", field,
					(line >= 0 ? "line " + (line + 1) + ": " : "") + "'" + text.strip() + "' is not a number");
		}
	}

	private static String describe(Map<String, String> errors) {
		if (errors.isEmpty()) {
			return "";
		}
		Map<String, String> sorted = new LinkedHashMap<>(errors);
		StringBuilder text = new StringBuilder(" (");
		sorted.forEach((field, detail) -> text.append(text.length() > 2 ? "; " : "").append(field).append(": ").append(detail));
		return text.append(')').toString();
	}

	private static @Nullable String blank(String value) {
		return value.isBlank() ? null : value.strip();
	}

	private static String nz(@Nullable String value) {
		return value == null ? "" : value;
	}
}
