package dev.shopwright.search.web;

import java.util.Arrays;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.search.SearchManagement;

/** The search screen: what shoppers search for, what finds nothing, what gets clicked; and the synonyms. */
@Controller
class SearchAdminController {

	private final SearchManagement search;

	private final CurrentStore currentStore;

	SearchAdminController(SearchManagement search, CurrentStore currentStore) {
		this.search = search;
		this.currentStore = currentStore;
	}

	@GetMapping("/admin/search")
	@PreAuthorize("hasAuthority('CATALOG_READ')")
	String show(@RequestParam(defaultValue = "30") int days, Model model) {
		model.addAttribute("report", search.report(currentStore.id(), Math.max(1, Math.min(days, 365))));
		model.addAttribute("synonyms", search.synonyms(currentStore.id()));
		model.addAttribute("indexed", search.indexedProducts(currentStore.id()));
		model.addAttribute("popular", search.popularQueries(currentStore.id()));
		model.addAttribute("bestSellers", search.bestSellers(currentStore.id(), 10));
		return "search/admin";
	}

	@PostMapping("/admin/search/synonyms")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	String addSynonym(@RequestParam String terms, RedirectAttributes redirect) {
		try {
			search.addSynonym(currentStore.id(), Arrays.stream(terms.split(",")).map(String::strip).toList());
			redirect.addFlashAttribute("notice", "Synonyms saved.");
		}
		catch (BusinessRuleViolation ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin/search";
	}

	@PostMapping("/admin/search/synonyms/{id}/delete")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	String deleteSynonym(@PathVariable UUID id, RedirectAttributes redirect) {
		search.deleteSynonym(currentStore.id(), id);
		redirect.addFlashAttribute("notice", "Synonyms deleted.");
		return "redirect:/admin/search";
	}

	@PostMapping("/admin/search/reindex")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	String reindex(RedirectAttributes redirect) {
		int n = search.reindex(currentStore.id());
		redirect.addFlashAttribute("notice", "Search index rebuilt: " + n + " products.");
		return "redirect:/admin/search";
	}
}
