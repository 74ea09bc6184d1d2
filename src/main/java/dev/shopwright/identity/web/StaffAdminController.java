package dev.shopwright.identity.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.shopwright.identity.Role;
import dev.shopwright.identity.StaffManagement;
import dev.shopwright.platform.ConsoleForms;
import dev.shopwright.platform.CurrentStore;

/** Staff and roles of the current store. */
@Controller
class StaffAdminController {

	record AddStaffForm(@NotBlank @Email @Size(max = 320) String email, @NotBlank @Size(max = 120) String name,
			@Size(max = 200) @Nullable String password, @NotNull Role role) {
	}

	private final StaffManagement staff;

	private final CurrentStore currentStore;

	private final ConsoleForms forms;

	StaffAdminController(StaffManagement staff, CurrentStore currentStore, ConsoleForms forms) {
		this.staff = staff;
		this.currentStore = currentStore;
		this.forms = forms;
	}

	@ModelAttribute("roles")
	List<Role> roles() {
		return Arrays.stream(Role.values()).filter(Role::assignable).toList();
	}

	@GetMapping("/admin/staff")
	@PreAuthorize("hasAuthority('STAFF_MANAGE')")
	String list(Model model) {
		model.addAttribute("staff", staff.staffOf(currentStore.id()));
		model.addAttribute("form", new AddStaffForm("", "", "", Role.CATALOG));
		return "identity/staff";
	}

	@PostMapping("/admin/staff")
	@PreAuthorize("hasAuthority('STAFF_MANAGE')")
	String add(@ModelAttribute("form") AddStaffForm form, Model model, RedirectAttributes redirect) {
		if (!forms.submit(form, () -> staff.addStaff(currentStore.id(), form.email(), form.name(),
				form.password() == null || form.password().isBlank() ? null : form.password(), form.role()), model)) {
			model.addAttribute("staff", staff.staffOf(currentStore.id()));
			return "identity/staff";
		}
		redirect.addFlashAttribute("notice", form.email() + " now has the role " + form.role() + ".");
		return "redirect:/admin/staff";
	}

	@PostMapping("/admin/staff/{id}/role")
	@PreAuthorize("hasAuthority('STAFF_MANAGE')")
	String changeRole(@PathVariable UUID id, @RequestParam Role role, RedirectAttributes redirect) {
		forms.act(redirect, "Role changed to " + role + ".", () -> staff.changeRole(currentStore.id(), id, role));
		return "redirect:/admin/staff";
	}

	@PostMapping("/admin/staff/{id}/active")
	@PreAuthorize("hasAuthority('STAFF_MANAGE')")
	String setActive(@PathVariable UUID id, @RequestParam boolean active, RedirectAttributes redirect) {
		forms.act(redirect, active ? "Account activated." : "Account deactivated.",
				() -> staff.setActive(currentStore.id(), id, active));
		return "redirect:/admin/staff";
	}

	@PostMapping("/admin/staff/{id}/remove")
	@PreAuthorize("hasAuthority('STAFF_MANAGE')")
	String remove(@PathVariable UUID id, RedirectAttributes redirect) {
		forms.act(redirect, "Removed from this store.", () -> staff.removeFromStore(currentStore.id(), id));
		return "redirect:/admin/staff";
	}
}
