package dev.shopwright.fraud.web;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.shopwright.fraud.FraudManagement;
import dev.shopwright.fraud.FraudSettings;
import dev.shopwright.platform.ConsoleForms;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.Money;
import dev.shopwright.stores.StoreManagement;

/** The fraud screening settings: velocity window and limits, the points of each rule, and the level thresholds. */
@Controller
class FraudSettingsAdminController {

	/** The form as typed; numbers stay boxed so that an empty field is a "required" message, not a 400. */
	record SettingsForm(
			@NotNull @Min(1) @Max(10080) @Nullable Integer windowMinutes,
			@NotNull @Min(1) @Max(1000) @Nullable Integer emailVelocityLimit,
			@NotNull @Min(0) @Max(100) @Nullable Integer emailVelocityPoints,
			@NotNull @Min(1) @Max(1000) @Nullable Integer ipVelocityLimit,
			@NotNull @Min(0) @Max(100) @Nullable Integer ipVelocityPoints,
			@NotNull @Min(1) @Max(1000) @Nullable Integer cardVelocityLimit,
			@NotNull @Min(0) @Max(100) @Nullable Integer cardVelocityPoints,
			@NotNull @Min(0) @Max(100) @Nullable Integer countryMismatchPoints,
			@NotNull @Min(0) @Max(100) @Nullable Integer postcodeMismatchPoints,
			@NotNull @Pattern(regexp = "\\d{1,15}(\\.\\d{1,4})?", message = "enter an amount such as 500.00") @Nullable String highValueAmount,
			@NotNull @Min(0) @Max(100) @Nullable Integer highValuePoints,
			@NotNull @Min(1) @Max(99) @Nullable Integer mediumThreshold,
			@NotNull @Min(2) @Max(100) @Nullable Integer highThreshold) {

		static SettingsForm of(FraudSettings s) {
			return new SettingsForm(s.windowMinutes(), s.emailVelocityLimit(), s.emailVelocityPoints(), s.ipVelocityLimit(),
					s.ipVelocityPoints(), s.cardVelocityLimit(), s.cardVelocityPoints(), s.countryMismatchPoints(),
					s.postcodeMismatchPoints(), s.highValueThreshold().amount().toPlainString(), s.highValuePoints(),
					s.mediumThreshold(), s.highThreshold());
		}

		/** Only called once the form is valid, so every field is present. */
		@SuppressWarnings("NullAway")
		FraudSettings toSettings(Currency currency) {
			return new FraudSettings(windowMinutes, emailVelocityLimit, emailVelocityPoints, ipVelocityLimit,
					ipVelocityPoints, cardVelocityLimit, cardVelocityPoints, countryMismatchPoints, postcodeMismatchPoints,
					Money.of(new BigDecimal(highValueAmount), currency, Money.DEFAULT_ROUNDING), highValuePoints,
					mediumThreshold, highThreshold);
		}
	}

	private final FraudManagement fraud;

	private final CurrentStore currentStore;

	private final ConsoleForms forms;

	private final StoreManagement stores;

	FraudSettingsAdminController(FraudManagement fraud, CurrentStore currentStore, ConsoleForms forms,
			StoreManagement stores) {
		this.fraud = fraud;
		this.currentStore = currentStore;
		this.forms = forms;
		this.stores = stores;
	}

	@GetMapping("/admin/settings/fraud")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	String show(Model model) {
		FraudSettings settings = fraud.settings(currentStore.id());
		return page(SettingsForm.of(settings), settings.highValueThreshold().currency(), model);
	}

	@PostMapping("/admin/settings/fraud")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	String save(@ModelAttribute SettingsForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
		// the threshold is entered in the store's currency (a saved one in an earlier currency is refused, not kept)
		Currency currency = stores.get(currentStore.id()).defaultCurrency();
		if (binding.hasErrors()) { // text in a number field: say which, keep what was typed
			Map<String, String> errors = new LinkedHashMap<>();
			binding.getFieldErrors().forEach(error -> errors.putIfAbsent(error.getField(), "enter a whole number"));
			model.addAttribute("fieldErrors", errors);
			model.addAttribute("formError", "Please correct the marked fields.");
			return page(form, currency, model);
		}
		if (!forms.submit(form, () -> fraud.updateSettings(currentStore.id(), form.toSettings(currency)), model)) {
			return page(form, currency, model);
		}
		redirect.addFlashAttribute("notice", "Fraud settings saved.");
		return "redirect:/admin/settings/fraud";
	}

	private String page(SettingsForm form, Currency currency, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("currency", currency.getCurrencyCode());
		return "fraud/settings";
	}
}
