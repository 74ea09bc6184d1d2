package dev.shopwright.identity.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.shopwright.identity.IssuedToken;
import dev.shopwright.identity.Role;
import dev.shopwright.identity.StaffManagement;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ConsoleForms;
import dev.shopwright.platform.CurrentStore;

/** Creating (secret shown once) and revoking the current store's API tokens. */
@Controller
class ApiTokensAdminController {

	record TokenForm(@NotBlank @Size(max = 100) String name, @NotNull Role role,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate expiresOn) {
	}

	private final StaffManagement staff;

	private final CurrentStore currentStore;

	private final ConsoleForms forms;

	ApiTokensAdminController(StaffManagement staff, CurrentStore currentStore, ConsoleForms forms) {
		this.staff = staff;
		this.currentStore = currentStore;
		this.forms = forms;
	}

	@ModelAttribute("roles")
	List<Role> roles() {
		return Arrays.stream(Role.values()).filter(Role::assignable).toList();
	}

	@GetMapping("/admin/api-tokens")
	@PreAuthorize("hasAuthority('API_TOKENS_MANAGE')")
	String list(Model model) {
		model.addAttribute("tokens", staff.apiTokensOf(currentStore.id()));
		model.addAttribute("now", java.time.Instant.now());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new TokenForm("", Role.ADMIN, null));
		}
		return "identity/api-tokens";
	}

	@PostMapping("/admin/api-tokens")
	@PreAuthorize("hasAuthority('API_TOKENS_MANAGE')")
	String create(@ModelAttribute("form") TokenForm form, Model model, RedirectAttributes redirect) {
		IssuedToken[] issued = new IssuedToken[1];
		if (!forms.submit(form, () -> issued[0] = staff.createApiToken(currentStore.id(), form.name(), form.role(),
				form.expiresOn() == null ? null : form.expiresOn().atStartOfDay().toInstant(ZoneOffset.UTC)), model)) {
			return list(model);
		}
		redirect.addFlashAttribute("createdSecret", issued[0].secret());
		redirect.addFlashAttribute("createdName", issued[0].token().name());
		return "redirect:/admin/api-tokens";
	}

	@PostMapping("/admin/api-tokens/{id}/revoke")
	@PreAuthorize("hasAuthority('API_TOKENS_MANAGE')")
	String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			staff.revokeApiToken(currentStore.id(), id);
			redirect.addFlashAttribute("notice", "Token revoked; it no longer works.");
		}
		catch (BusinessRuleViolation ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin/api-tokens";
	}
}
