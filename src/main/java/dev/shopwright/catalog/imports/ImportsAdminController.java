package dev.shopwright.catalog.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.CurrentStore;

/**
 * The Imports screen: upload a file, follow the job's progress (the bar refreshes itself every second with
 * htmx while the job runs), read the per-column notes, download the error report; export the catalog.
 */
@Controller
class ImportsAdminController {

	private final Imports imports;

	private final CurrentStore currentStore;

	ImportsAdminController(Imports imports, CurrentStore currentStore) {
		this.imports = imports;
		this.currentStore = currentStore;
	}

	@GetMapping("/admin/imports")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	String list(Model model) {
		model.addAttribute("jobs", imports.recent(currentStore.id(), null, 20).items());
		model.addAttribute("formats", ImportFormat.values());
		if (!model.containsAttribute("selectedFormat")) {
			model.addAttribute("selectedFormat", ImportFormat.SHOPIFY);
		}
		return "catalog/imports";
	}

	@PostMapping("/admin/imports")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	String upload(@RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable ImportFormat format, Model model) {
		model.addAttribute("selectedFormat", format == null ? ImportFormat.SHOPIFY : format);
		if (file == null || file.isEmpty() || format == null) {
			model.addAttribute("formError", file == null || file.isEmpty() ? "Choose a CSV file to import."
					: "Choose the format of the file.");
			return list(model);
		}
		try {
			ImportJob job = imports.start(currentStore.id(), format, String.valueOf(file.getOriginalFilename()),
					file.getInputStream());
			return "redirect:/admin/imports/" + job.id();
		}
		catch (BusinessRuleViolation ex) {
			model.addAttribute("formError", ex.getMessage());
			return list(model);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping("/admin/imports/{id}")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	String job(@PathVariable UUID id, Model model) {
		model.addAttribute("job", imports.get(currentStore.id(), id));
		return "catalog/import-job";
	}

	/** The progress panel alone, polled by the job page while the job runs. */
	@GetMapping("/admin/imports/{id}/progress")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	String progress(@PathVariable UUID id, Model model) {
		model.addAttribute("job", imports.get(currentStore.id(), id));
		return "catalog/import-job :: progress";
	}
}
