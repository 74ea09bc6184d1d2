package dev.shopwright.checkout.shipping;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
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
import dev.shopwright.platform.NavigationItem;
import dev.shopwright.pricing.PricingManagement;
import dev.shopwright.shared.Address;
import dev.shopwright.shared.Money;
import dev.shopwright.stores.StoreManagement;

/** Checkout settings: shipping zones and their methods, with a live quote preview. */
@Controller
class ShippingAdminController {

	private static final String PATH = "/admin/settings/shipping";

	private final ShippingRates shipping;

	private final PricingManagement pricing;

	private final StoreManagement stores;

	private final CurrentStore currentStore;

	private final ConsoleForms forms;

	ShippingAdminController(ShippingRates shipping, PricingManagement pricing, StoreManagement stores,
			CurrentStore currentStore, ConsoleForms forms) {
		this.shipping = shipping;
		this.pricing = pricing;
		this.stores = stores;
		this.currentStore = currentStore;
		this.forms = forms;
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavigationItem shippingNavigation() {
			return new NavigationItem("nav.shipping", PATH, "ORDERS_READ", 843);
		}
	}

	record ZoneForm(String name, String places) {
	}

	/** Tiers one per line: {@code from, to, price} (to may be empty: no upper limit). */
	record MethodForm(String zoneId, String name, String kind, String price, String freeOver, String tiers,
			String minDays, String maxDays, String taxClass) {

		static MethodForm empty() {
			return new MethodForm("", "", ShippingMethodKind.FLAT.name(), "", "", "", "2", "4", "");
		}
	}

	record QuoteForm(String country, String region, String weightGrams, String subtotal, String currency) {
	}

	@GetMapping(PATH)
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	String page(Model model) {
		return page(model, new ZoneForm("", ""), MethodForm.empty());
	}

	@PostMapping(PATH + "/zones")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	String createZone(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String places,
			Model model, RedirectAttributes redirect) {
		ZoneForm form = new ZoneForm(name, places);
		if (!forms.submit(form, () -> shipping.createZone(currentStore.id(), name, split(places)), model)) {
			return page(model, form, MethodForm.empty());
		}
		redirect.addFlashAttribute("notice", "Shipping zone " + name.strip() + " created.");
		return "redirect:" + PATH;
	}

	@PostMapping(PATH + "/zones/{id}/delete")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	String deleteZone(@PathVariable UUID id, RedirectAttributes redirect) {
		forms.act(redirect, "Shipping zone deleted.", () -> shipping.deleteZone(currentStore.id(), id));
		return "redirect:" + PATH;
	}

	@PostMapping(PATH + "/methods")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	String addMethod(@RequestParam(defaultValue = "") String zoneId, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "FLAT") String kind, @RequestParam(defaultValue = "") String price,
			@RequestParam(defaultValue = "") String freeOver, @RequestParam(defaultValue = "") String tiers,
			@RequestParam(defaultValue = "0") String minDays, @RequestParam(defaultValue = "0") String maxDays,
			@RequestParam(defaultValue = "") String taxClass, Model model, RedirectAttributes redirect) {
		MethodForm form = new MethodForm(zoneId, name, kind, price, freeOver, tiers, minDays, maxDays, taxClass);
		if (!forms.submit(form, () -> shipping.saveMethod(currentStore.id(), uuid(zoneId), null, draft(form)), model)) {
			return page(model, new ZoneForm("", ""), form);
		}
		redirect.addFlashAttribute("notice", "Shipping method " + name.strip() + " added.");
		return "redirect:" + PATH;
	}

	@PostMapping(PATH + "/zones/{zoneId}/methods/{id}/delete")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	String deleteMethod(@PathVariable UUID zoneId, @PathVariable UUID id, RedirectAttributes redirect) {
		forms.act(redirect, "Shipping method deleted.", () -> shipping.deleteMethod(currentStore.id(), zoneId, id));
		return "redirect:" + PATH;
	}

	/** The quote preview: the fragment for htmx, the page without JavaScript. */
	@PostMapping(PATH + "/preview")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	String preview(@RequestParam(defaultValue = "") String country, @RequestParam(defaultValue = "") String region,
			@RequestParam(defaultValue = "0") String weightGrams, @RequestParam(defaultValue = "0") String subtotal,
			@RequestParam(defaultValue = "") String currency,
			@RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
		QuoteForm form = new QuoteForm(country, region, weightGrams, subtotal, currency);
		try {
			Currency c = PricingManagement.currency(currency, "currency");
			long grams;
			try {
				grams = Long.parseLong(weightGrams.strip());
			}
			catch (NumberFormatException ex) {
				throw BusinessRuleViolation.ofField("INVALID_QUOTE", "weightGrams", "weight must be whole grams");
			}
			model.addAttribute("quotes", shipping.quote(currentStore.id(), new QuoteRequest(
					new Address(null, null, null, region.isBlank() ? null : region.strip(), null,
							country.strip().toUpperCase(Locale.ROOT)),
					grams, money(subtotal, c, "subtotal"), c, Instant.now())));
		}
		catch (BusinessRuleViolation ex) {
			model.addAttribute("previewError", ex.getMessage());
		}
		model.addAttribute("quoteForm", form);
		if (htmx != null) {
			return "checkout/shipping :: quotes";
		}
		return page(model, new ZoneForm("", ""), MethodForm.empty());
	}

	private String page(Model model, ZoneForm zoneForm, MethodForm methodForm) {
		var store = stores.get(currentStore.id());
		model.addAttribute("zones", shipping.zones(store.id()));
		model.addAttribute("kinds", ShippingMethodKind.values());
		model.addAttribute("zoneForm", zoneForm);
		model.addAttribute("methodForm", methodForm);
		model.addAttribute("storeCurrency", store.defaultCurrency().getCurrencyCode());
		model.addAttribute("currencies", store.currencies().stream().map(Currency::getCurrencyCode).toList());
		model.addAttribute("taxClasses", pricing.taxClasses(store.id()));
		model.addAttribute("timezone", store.timezone().getId());
		if (!model.containsAttribute("quoteForm")) {
			model.addAttribute("quoteForm", new QuoteForm(String.valueOf(store.address().country() == null ? ""
					: store.address().country()), "", "1500", "40.00", store.defaultCurrency().getCurrencyCode()));
		}
		model.addAttribute("canWrite", canWrite());
		return "checkout/shipping";
	}

	private static boolean canWrite() {
		Authentication authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
			.getAuthentication();
		return authentication != null && authentication.getAuthorities().stream()
			.anyMatch(authority -> "SETTINGS_MANAGE".equals(authority.getAuthority()));
	}

	private ShippingMethodDraft draft(MethodForm form) {
		Currency currency = stores.get(currentStore.id()).defaultCurrency();
		ShippingMethodKind kind;
		try {
			kind = ShippingMethodKind.valueOf(form.kind());
		}
		catch (IllegalArgumentException ex) {
			throw BusinessRuleViolation.ofField("INVALID_SHIPPING_METHOD", "kind", "choose a kind");
		}
		List<ShippingTier> tiers = new ArrayList<>();
		String[] rows = form.tiers().strip().split("\\R");
		for (int i = 0; i < rows.length; i++) {
			if (rows[i].isBlank()) {
				continue;
			}
			String[] cells = (rows[i] + " ").split(",");
			if (cells.length != 3) {
				throw BusinessRuleViolation.ofField("INVALID_SHIPPING_METHOD", "tiers",
						"line " + (i + 1) + ": write 'from, to, price' (leave 'to' empty for no limit)");
			}
			tiers.add(new ShippingTier(decimal(cells[0], "tiers"), cells[1].isBlank() ? null : decimal(cells[1], "tiers"),
					money(cells[2], currency, "tiers")));
		}
		return new ShippingMethodDraft(form.name(), kind, form.price().isBlank() ? null : money(form.price(), currency, "price"),
				form.freeOver().isBlank() ? null : money(form.freeOver(), currency, "freeOver"), tiers,
				integer(form.minDays(), "minDays"), integer(form.maxDays(), "maxDays"), form.taxClass());
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw BusinessRuleViolation.ofField("INVALID_SHIPPING_METHOD", "zoneId", "choose a zone");
		}
	}

	private static List<String> split(String places) {
		return Arrays.stream(places.split("[,\\s]+")).filter(p -> !p.isBlank()).toList();
	}

	private static int integer(String text, String field) {
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			throw BusinessRuleViolation.ofField("INVALID_SHIPPING_METHOD", field, "must be a whole number of days");
		}
	}

	private static BigDecimal decimal(String text, String field) {
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			throw BusinessRuleViolation.ofField("INVALID_SHIPPING_METHOD", field, "'" + text.strip() + "' is not a number");
		}
	}

	private static Money money(String text, Currency currency, String field) {
		try {
			return new Money(decimal(text, field), currency);
		}
		catch (IllegalArgumentException ex) {
			throw BusinessRuleViolation.ofField("INVALID_SHIPPING_METHOD", field, ex.getMessage());
		}
	}
}
