package dev.shopwright.fulfillment.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.shopwright.fulfillment.FulfillmentManagement;
import dev.shopwright.fulfillment.FulfillmentProblems;
import dev.shopwright.fulfillment.domain.CarrierSettings;
import dev.shopwright.platform.ConsoleForms;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.Money;
import dev.shopwright.stores.StoreManagement;

/** Carrier settings: enable carriers, table rates per service and zone, webhook secrets, customs defaults. */
@Controller
class CarrierSettingsAdminController {

	private static final String BASE = "/admin/settings/carriers";

	private final FulfillmentManagement fulfillment;

	private final CurrentStore currentStore;

	private final StoreManagement stores;

	private final ConsoleForms forms;

	CarrierSettingsAdminController(FulfillmentManagement fulfillment, CurrentStore currentStore, StoreManagement stores,
			ConsoleForms forms) {
		this.fulfillment = fulfillment;
		this.currentStore = currentStore;
		this.stores = stores;
		this.forms = forms;
	}

	@GetMapping(BASE)
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	String carriers(Model model) {
		model.addAttribute("carriers", fulfillment.carrierSettings(currentStore.id()));
		model.addAttribute("customs", fulfillment.customs(currentStore.id()));
		model.addAttribute("currency", stores.get(currentStore.id()).defaultCurrency().getCurrencyCode());
		return "fulfillment/carriers";
	}

	@PostMapping(BASE + "/{carrier}/enabled")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	String enable(@PathVariable String carrier, @RequestParam(defaultValue = "false") boolean enabled,
			RedirectAttributes redirect) {
		forms.act(redirect, enabled ? "Carrier enabled." : "Carrier disabled.",
				() -> fulfillment.setCarrierEnabled(currentStore.id(), carrier, enabled));
		return "redirect:" + BASE;
	}

	@PostMapping(BASE + "/{carrier}/webhook-secret")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	String rotate(@PathVariable String carrier, RedirectAttributes redirect) {
		forms.act(redirect, "New webhook secret made.", () -> fulfillment.rotateWebhookSecret(currentStore.id(), carrier));
		return "redirect:" + BASE;
	}

	@PostMapping(BASE + "/{carrier}/rates")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	String addRate(@PathVariable String carrier, @RequestParam(defaultValue = "") String service,
			@RequestParam(defaultValue = "") String serviceName, @RequestParam(defaultValue = "") String zone,
			@RequestParam(defaultValue = "") String countries, @RequestParam(defaultValue = "") String maxGrams,
			@RequestParam(defaultValue = "") String price, @RequestParam(defaultValue = "") String transitDays,
			RedirectAttributes redirect) {
		forms.act(redirect, "Rate saved.", () -> {
			if (!service.strip().matches("[a-z0-9-]{1,40}")) {
				throw FulfillmentProblems.invalid("INVALID_RATE", "service", "A service code: lowercase letters, digits, dashes");
			}
			if (serviceName.isBlank() || zone.isBlank()) {
				throw FulfillmentProblems.invalid("INVALID_RATE", "serviceName", "Service name and zone are required");
			}
			List<String> codes = Arrays.stream(countries.toUpperCase().split("[ ,]+")).filter(s -> !s.isBlank()).toList();
			if (codes.stream().anyMatch(c -> !c.matches("[A-Z]{2}"))) {
				throw FulfillmentProblems.invalid("INVALID_RATE", "countries", "Two-letter country codes separated by commas");
			}
			int grams = whole(maxGrams, "maxGrams", 1, 1_000_000);
			int days = whole(transitDays, "transitDays", 0, 60);
			BigDecimal amount;
			try {
				amount = new BigDecimal(price.strip());
			}
			catch (NumberFormatException ex) {
				throw FulfillmentProblems.invalid("INVALID_RATE", "price", "A price such as 4.90");
			}
			if (amount.signum() < 0) {
				throw FulfillmentProblems.invalid("INVALID_RATE", "price", "A price of zero or more");
			}
			Money money = Money.of(amount, stores.get(currentStore.id()).defaultCurrency(), Money.DEFAULT_ROUNDING);
			fulfillment.putRate(currentStore.id(), new CarrierSettings.TableRate(UUID.randomUUID(), carrier, service.strip(),
					serviceName.strip(), zone.strip(), codes, grams, money, days));
		});
		return "redirect:" + BASE;
	}

	@PostMapping(BASE + "/{carrier}/rates/{id}/delete")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	String deleteRate(@PathVariable String carrier, @PathVariable String id, RedirectAttributes redirect) {
		forms.act(redirect, "Rate deleted.", () -> fulfillment.deleteRate(currentStore.id(), FulfillmentAdminController.parseId(id)));
		return "redirect:" + BASE;
	}

	@PostMapping(BASE + "/customs")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	String customs(@RequestParam(defaultValue = "") String defaultHsCode, @RequestParam(defaultValue = "") String originCountry,
			RedirectAttributes redirect) {
		forms.act(redirect, "Customs defaults saved.", () -> fulfillment.setCustoms(currentStore.id(),
				defaultHsCode.isBlank() ? null : defaultHsCode.strip(),
				originCountry.isBlank() ? null : originCountry.strip().toUpperCase()));
		return "redirect:" + BASE;
	}

	private static int whole(String value, String field, int min, int max) {
		try {
			int parsed = Integer.parseInt(value.strip());
			if (parsed >= min && parsed <= max) {
				return parsed;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw FulfillmentProblems.invalid("INVALID_RATE", field, "A whole number from %d to %d".formatted(min, max));
	}
}
