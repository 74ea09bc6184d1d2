package dev.shopwright.pricing.web;

import java.math.BigDecimal;
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
import dev.shopwright.pricing.ConversionRounding;
import dev.shopwright.pricing.PricingManagement;
import dev.shopwright.shared.Money;

/** Checkout settings: currencies with exchange rates and rounding, price lists, and a price preview. */
@Controller
class CurrencyAdminController {

	private static final String CURRENCIES = "/admin/settings/currencies";

	private static final String PRICE_LISTS = "/admin/settings/price-lists";

	private final PricingManagement pricing;

	private final CurrentStore currentStore;

	private final ConsoleForms forms;

	CurrencyAdminController(PricingManagement pricing, CurrentStore currentStore, ConsoleForms forms) {
		this.pricing = pricing;
		this.currentStore = currentStore;
		this.forms = forms;
	}

	record RateForm(String currency, String rate, String rounding) {
	}

	record PriceForm(String sku, String basePrice, String currency) {
	}

	@GetMapping(CURRENCIES)
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	String currencies(Model model) {
		return currenciesPage(model, new RateForm("", "", ConversionRounding.NONE.name()));
	}

	@PostMapping(CURRENCIES + "/rates")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	String enterRate(@RequestParam(defaultValue = "") String currency, @RequestParam(defaultValue = "") String rate,
			@RequestParam(defaultValue = "NONE") ConversionRounding rounding, Model model, RedirectAttributes redirect) {
		RateForm form = new RateForm(currency, rate, rounding.name());
		if (!forms.submit(form, () -> pricing.enterExchangeRate(currentStore.id(),
				PricingManagement.currency(currency, "currency"), decimal(rate, "rate"), rounding), model)) {
			return currenciesPage(model, form);
		}
		redirect.addFlashAttribute("notice", "Exchange rate for " + currency + " saved.");
		return "redirect:" + CURRENCIES;
	}

	/** Which price a shopper would see: the fragment for htmx, the page without JavaScript. */
	@PostMapping({ CURRENCIES + "/preview", PRICE_LISTS + "/preview" })
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	String preview(@RequestParam(defaultValue = "") String sku, @RequestParam(defaultValue = "") String basePrice,
			@RequestParam(defaultValue = "") String currency,
			@RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
		PriceForm form = new PriceForm(sku, basePrice, currency);
		try {
			var store = pricing.currencies(currentStore.id()).get(0).currency();
			model.addAttribute("presentment", pricing.priceIn(currentStore.id(), sku.strip(),
					money(basePrice, store), PricingManagement.currency(currency, "currency")));
		}
		catch (BusinessRuleViolation ex) {
			model.addAttribute("previewError", ex.getMessage());
		}
		model.addAttribute("priceForm", form);
		if (htmx != null) {
			return "pricing/currencies :: presentment";
		}
		return currenciesPage(model, new RateForm("", "", ConversionRounding.NONE.name()));
	}

	@GetMapping(PRICE_LISTS)
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	String priceLists(Model model) {
		return listsPage(model, "", "");
	}

	@PostMapping(PRICE_LISTS)
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	String createList(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String currency,
			Model model, RedirectAttributes redirect) {
		if (!forms.submit(new RateForm(currency, "", ""), () -> pricing.createPriceList(currentStore.id(), name,
				PricingManagement.currency(currency, "currency")), model)) {
			return listsPage(model, name, currency);
		}
		redirect.addFlashAttribute("notice", "Price list " + name.strip() + " created.");
		return "redirect:" + PRICE_LISTS;
	}

	@PostMapping(PRICE_LISTS + "/{id}/delete")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	String deleteList(@PathVariable UUID id, RedirectAttributes redirect) {
		forms.act(redirect, "Price list deleted.", () -> pricing.deletePriceList(currentStore.id(), id));
		return "redirect:" + PRICE_LISTS;
	}

	@GetMapping(PRICE_LISTS + "/{id}")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	String priceList(@PathVariable UUID id, @RequestParam(required = false) @Nullable String cursor, Model model) {
		return listPage(id, cursor, model, "", "");
	}

	@PostMapping(PRICE_LISTS + "/{id}/prices")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	String setPrice(@PathVariable UUID id, @RequestParam(defaultValue = "") String sku,
			@RequestParam(defaultValue = "") String price, Model model, RedirectAttributes redirect) {
		var list = pricing.priceList(currentStore.id(), id);
		if (!forms.submit(new PriceForm(sku, price, ""), () -> pricing.setPrice(currentStore.id(), id, sku,
				money(price, list.currency())), model)) {
			return listPage(id, null, model, sku, price);
		}
		redirect.addFlashAttribute("notice", "Price of " + sku.strip() + " saved.");
		return "redirect:" + PRICE_LISTS + "/" + id;
	}

	@PostMapping(PRICE_LISTS + "/{id}/prices/remove")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	String removePrice(@PathVariable UUID id, @RequestParam String sku, RedirectAttributes redirect) {
		forms.act(redirect, "Price of " + sku + " removed.", () -> pricing.removePrice(currentStore.id(), id, sku));
		return "redirect:" + PRICE_LISTS + "/" + id;
	}

	private String currenciesPage(Model model, RateForm form) {
		var store = currentStore.id();
		var currencies = pricing.currencies(store);
		model.addAttribute("currencies", currencies);
		model.addAttribute("otherCurrencies", currencies.stream().filter(c -> !c.storeCurrency())
			.map(c -> c.currency().getCurrencyCode()).toList());
		model.addAttribute("roundings", ConversionRounding.values());
		model.addAttribute("rateForm", form);
		model.addAttribute("history", pricing.exchangeRates(store, null, null, 20).items());
		if (!model.containsAttribute("priceForm")) {
			model.addAttribute("priceForm", new PriceForm("SKU-1", "49.00",
					currencies.size() > 1 ? currencies.get(1).currency().getCurrencyCode()
							: currencies.get(0).currency().getCurrencyCode()));
		}
		model.addAttribute("storeCurrency", currencies.get(0).currency().getCurrencyCode());
		return "pricing/currencies";
	}

	private String listsPage(Model model, String name, String currency) {
		var currencies = pricing.currencies(currentStore.id());
		model.addAttribute("lists", pricing.priceLists(currentStore.id()));
		model.addAttribute("otherCurrencies", currencies.stream().filter(c -> !c.storeCurrency())
			.map(c -> c.currency().getCurrencyCode()).toList());
		model.addAttribute("listName", name);
		model.addAttribute("listCurrency", currency);
		return "pricing/price-lists";
	}

	private String listPage(UUID id, @Nullable String cursor, Model model, String sku, String price) {
		model.addAttribute("list", pricing.priceList(currentStore.id(), id));
		model.addAttribute("prices", pricing.prices(currentStore.id(), id, cursor, 100));
		model.addAttribute("sku", sku);
		model.addAttribute("price", price);
		return "pricing/price-list";
	}

	private static Money money(String text, java.util.Currency currency) {
		try {
			return new Money(decimal(text, "price"), currency);
		}
		catch (IllegalArgumentException ex) {
			throw BusinessRuleViolation.ofField("INVALID_PRICE", "price", ex.getMessage());
		}
	}

	private static BigDecimal decimal(String text, String field) {
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			throw BusinessRuleViolation.ofField("INVALID_INPUT", field, "'" + text.strip() + "' is not a number");
		}
	}
}
