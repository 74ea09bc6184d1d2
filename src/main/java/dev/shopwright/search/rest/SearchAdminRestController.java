package dev.shopwright.search.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.platform.CurrentStore;
import dev.shopwright.search.SearchManagement;
import dev.shopwright.search.SearchReport;
import dev.shopwright.search.Synonym;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Search")
class SearchAdminRestController {

	private final SearchManagement search;

	private final CurrentStore currentStore;

	SearchAdminRestController(SearchManagement search, CurrentStore currentStore) {
		this.search = search;
		this.currentStore = currentStore;
	}

	record Synonyms(List<Synonym> items) {
	}

	record NewSynonym(@NotNull @Size(min = 2, max = 20) List<@NotBlank @Size(max = 100) String> terms) {
	}

	@GetMapping("/api/admin/v1/search/synonyms")
	@PreAuthorize("hasAuthority('CATALOG_READ')")
	@Operation(summary = "Synonym groups applied to storefront searches")
	Synonyms synonyms() {
		return new Synonyms(search.synonyms(currentStore.id()));
	}

	@PostMapping("/api/admin/v1/search/synonyms")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a synonym group: every term finds what the others find")
	Synonym addSynonym(@Valid @RequestBody NewSynonym body) {
		return search.addSynonym(currentStore.id(), body.terms());
	}

	@DeleteMapping("/api/admin/v1/search/synonyms/{id}")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a synonym group")
	void deleteSynonym(@PathVariable UUID id) {
		search.deleteSynonym(currentStore.id(), id);
	}

	@PostMapping("/api/admin/v1/search/reindex")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	@Operation(summary = "Rebuild the store's search index from the catalog now")
	Map<String, Object> reindex() {
		return Map.of("indexed", search.reindex(currentStore.id()));
	}

	@GetMapping("/api/admin/v1/search/report")
	@PreAuthorize("hasAuthority('CATALOG_READ')")
	@Operation(summary = "Top queries, zero-result queries and click-through rate")
	SearchReport report(@RequestParam(defaultValue = "30") int days) {
		return search.report(currentStore.id(), Math.max(1, Math.min(days, 365)));
	}
}
