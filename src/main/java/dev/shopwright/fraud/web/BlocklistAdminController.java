package dev.shopwright.fraud.web;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.shopwright.fraud.BlockType;
import dev.shopwright.fraud.FraudManagement;
import dev.shopwright.platform.ConsoleForms;
import dev.shopwright.platform.CurrentStore;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/** The blocklist screen: entries filtered by type, a form to add one, a button to remove one. */
@Controller
class BlocklistAdminController {

	private static final int PAGE_SIZE = 50;

	record BlockForm(@NotNull(message = "choose what to block") @Nullable BlockType type,
			@NotBlank(message = "enter the value to block") @Size(max = 320) String value, @Size(max = 500) String note) {
	}

	private final FraudManagement fraud;

	private final CurrentStore currentStore;

	private final ConsoleForms forms;

	BlocklistAdminController(FraudManagement fraud, CurrentStore currentStore, ConsoleForms forms) {
		this.fraud = fraud;
		this.currentStore = currentStore;
		this.forms = forms;
	}

	@GetMapping("/admin/fraud/blocklist")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	String list(@RequestParam(required = false) @Nullable BlockType type, @RequestParam(required = false) @Nullable String cursor,
			HtmxRequest htmx, Authentication authentication, Model model) {
		page(type, cursor == null || cursor.isBlank() ? null : cursor, new BlockForm(type, "", ""), authentication, model);
		return htmx.isHtmxRequest() && cursor != null ? "fraud/blocklist :: rows" : "fraud/blocklist";
	}

	@PostMapping("/admin/fraud/blocklist")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String add(@RequestParam(required = false) @Nullable BlockType type, @RequestParam(defaultValue = "") String value,
			@RequestParam(defaultValue = "") String note, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		BlockForm form = new BlockForm(type, value, note);
		if (!forms.submit(form, () -> fraud.block(currentStore.id(), type, value, note), model)) {
			page(null, null, form, authentication, model);
			return "fraud/blocklist";
		}
		redirect.addFlashAttribute("notice", "Blocked.");
		return "redirect:/admin/fraud/blocklist";
	}

	@PostMapping("/admin/fraud/blocklist/{id}/remove")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String remove(@PathVariable UUID id, RedirectAttributes redirect) {
		forms.act(redirect, "Removed from the blocklist.", () -> fraud.unblock(currentStore.id(), id));
		return "redirect:/admin/fraud/blocklist";
	}

	private void page(@Nullable BlockType type, @Nullable String cursor, BlockForm form, Authentication authentication,
			Model model) {
		model.addAttribute("page", fraud.blocklist(currentStore.id(), type, cursor, PAGE_SIZE));
		model.addAttribute("type", type);
		model.addAttribute("types", BlockType.values());
		model.addAttribute("form", form);
		model.addAttribute("canWrite", StaffPermissions.holds(authentication, "ORDERS_WRITE"));
	}
}
