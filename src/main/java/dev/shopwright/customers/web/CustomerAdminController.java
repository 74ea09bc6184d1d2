package dev.shopwright.customers.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.shopwright.customers.Customer;
import dev.shopwright.customers.CustomerId;
import dev.shopwright.customers.CustomerManagement;
import dev.shopwright.customers.CustomerState;
import dev.shopwright.customers.StaffChanges;
import dev.shopwright.platform.ConsoleForms;
import dev.shopwright.platform.CurrentStore;

/** The console's customer screens: a searchable list, and a customer's details with what staff may change. */
@Controller
class CustomerAdminController {

	record CustomerForm(boolean taxExempt, CustomerState state, @Size(max = 5000) @Nullable String notes,
			@Size(max = 1000) @Nullable String tags) {

		static CustomerForm of(Customer customer) {
			return new CustomerForm(customer.taxExempt(), customer.state(), customer.notes(),
					String.join(", ", customer.tags()));
		}

		StaffChanges changes() {
			List<String> tagList = tags == null ? List.of()
					: Arrays.stream(tags.split(",")).map(String::strip).filter(tag -> !tag.isEmpty()).toList();
			return new StaffChanges(taxExempt, state, notes == null ? "" : notes, tagList);
		}
	}

	private final CustomerManagement customers;

	private final CurrentStore currentStore;

	private final ConsoleForms forms;

	CustomerAdminController(CustomerManagement customers, CurrentStore currentStore, ConsoleForms forms) {
		this.customers = customers;
		this.currentStore = currentStore;
		this.forms = forms;
	}

	@ModelAttribute("canWrite")
	boolean canWrite(@Nullable Authentication authentication) {
		return authentication != null && authentication.getAuthorities().stream()
			.anyMatch(authority -> "CUSTOMERS_WRITE".equals(authority.getAuthority()));
	}

	@ModelAttribute("states")
	CustomerState[] states() {
		return CustomerState.values();
	}

	@GetMapping("/admin/customers")
	@PreAuthorize("hasAuthority('CUSTOMERS_READ')")
	String list(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String cursor,
			Model model) {
		model.addAttribute("q", q);
		model.addAttribute("page", customers.list(currentStore.id(), q, cursor, 50));
		return "customers/admin-list";
	}

	@GetMapping("/admin/customers/{id}")
	@PreAuthorize("hasAuthority('CUSTOMERS_READ')")
	String detail(@PathVariable UUID id, Model model) {
		Customer customer = customers.get(currentStore.id(), new CustomerId(id));
		model.addAttribute("customer", customer);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", CustomerForm.of(customer));
		}
		return "customers/admin-detail";
	}

	@PostMapping("/admin/customers/{id}")
	@PreAuthorize("hasAuthority('CUSTOMERS_WRITE')")
	String update(@PathVariable UUID id, @ModelAttribute("form") CustomerForm form, Model model,
			RedirectAttributes redirect) {
		if (!forms.submit(form, () -> customers.updateByStaff(currentStore.id(), new CustomerId(id), form.changes()),
				model)) {
			return detail(id, model);
		}
		redirect.addFlashAttribute("notice", "Customer saved.");
		return "redirect:/admin/customers/" + id;
	}
}
