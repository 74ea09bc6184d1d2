package dev.shopwright.payments.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.shopwright.payments.CaptureMode;
import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.payments.PaymentSettings;
import dev.shopwright.payments.gateway.Gateways;
import dev.shopwright.platform.ConsoleForms;
import dev.shopwright.platform.CurrentStore;

/** The "payment methods" settings: which methods the store offers and when card payments are captured. */
@Controller
class PaymentSettingsAdminController {

	private final PaymentManagement payments;

	private final CurrentStore currentStore;

	private final ConsoleForms forms;

	private final Gateways gateways;

	PaymentSettingsAdminController(PaymentManagement payments, CurrentStore currentStore, ConsoleForms forms,
			Gateways gateways) {
		this.payments = payments;
		this.currentStore = currentStore;
		this.forms = forms;
		this.gateways = gateways;
	}

	@GetMapping("/admin/settings/payments")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	String show(Model model) {
		return page(payments.settings(currentStore.id()), model);
	}

	@PostMapping("/admin/settings/payments")
	@PreAuthorize("hasAuthority('SETTINGS_MANAGE')")
	String save(@RequestParam(defaultValue = "false") boolean cardEnabled,
			@RequestParam(defaultValue = "false") boolean bankTransferEnabled,
			@RequestParam(defaultValue = "false") boolean cashOnDeliveryEnabled,
			@RequestParam(defaultValue = "IMMEDIATE") CaptureMode captureMode, Model model, RedirectAttributes redirect) {
		PaymentSettings settings = new PaymentSettings(cardEnabled, bankTransferEnabled, cashOnDeliveryEnabled, captureMode);
		if (!forms.submit(settings, () -> payments.updateSettings(currentStore.id(), settings), model)) {
			return page(settings, model);
		}
		redirect.addFlashAttribute("notice", "Payment settings saved.");
		return "redirect:/admin/settings/payments";
	}

	private String page(PaymentSettings settings, Model model) {
		model.addAttribute("settings", settings);
		model.addAttribute("captureModes", CaptureMode.values());
		String gateway = gateways.defaultGateway();
		model.addAttribute("gateway", gateway);
		model.addAttribute("circuit", gateways.circuitState(gateway));
		return "payments/settings";
	}
}
