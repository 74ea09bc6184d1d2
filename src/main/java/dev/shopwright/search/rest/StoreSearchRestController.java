package dev.shopwright.search.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.platform.CurrentStore;
import dev.shopwright.search.SearchManagement;
import dev.shopwright.search.SearchParameters;
import dev.shopwright.search.SearchRequest;
import dev.shopwright.search.SearchResult;
import dev.shopwright.search.Suggestion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Product search, suggestions and click tracking for storefronts and apps. */
@RestController
@Tag(name = "Store API: search")
class StoreSearchRestController {

	private final SearchManagement search;

	private final CurrentStore currentStore;

	StoreSearchRestController(SearchManagement search, CurrentStore currentStore) {
		this.search = search;
		this.currentStore = currentStore;
	}

	@GetMapping("/api/store/v1/products")
	@Operation(summary = "Search published products with facets", description = """
			Free text in q (stemming per store language, accents folded, typo fallback, synonyms). Filters: category,
			collection (handles; a category includes its subcategories), vendor, type, tag, option.<Name>=<value>;
			repeat a parameter to OR values. minPrice/maxPrice on the lowest variant price. inStock=true keeps
			products with a sellable variant (stock from inventory, or a policy that keeps selling).
			sort=relevance|price_asc|price_desc|newest|best-selling (units sold in the last 90 days),
			limit 1–100 (default 24), cursor from nextCursor. locale: search in that store language first and show
			titles in it where translated. Facet counts apply every filter but their own.""",
			parameters = {
					@Parameter(name = "q", in = ParameterIn.QUERY), @Parameter(name = "category", in = ParameterIn.QUERY),
					@Parameter(name = "collection", in = ParameterIn.QUERY),
					@Parameter(name = "vendor", in = ParameterIn.QUERY), @Parameter(name = "type", in = ParameterIn.QUERY),
					@Parameter(name = "tag", in = ParameterIn.QUERY), @Parameter(name = "minPrice", in = ParameterIn.QUERY),
					@Parameter(name = "maxPrice", in = ParameterIn.QUERY), @Parameter(name = "inStock", in = ParameterIn.QUERY),
					@Parameter(name = "sort", in = ParameterIn.QUERY), @Parameter(name = "limit", in = ParameterIn.QUERY),
					@Parameter(name = "cursor", in = ParameterIn.QUERY), @Parameter(name = "locale", in = ParameterIn.QUERY) })
	SearchResult products(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
		SearchRequest request = SearchParameters.read(params, 24);
		SearchResult result = search.search(currentStore.id(), request);
		if (request.query() != null && request.cursor() == null) {
			search.recordQuery(currentStore.id(), request.query(), result.total());
		}
		return result;
	}

	@GetMapping("/api/store/v1/search/suggest")
	@Operation(summary = "Up to 8 suggestions for what the shopper has typed so far", description = """
			Popular past searches that found products (kind=query, at most 3, searched at least 3 times in 90 days)
			first, then product titles (kind=product, with the handle).""")
	List<Suggestion> suggest(@RequestParam(defaultValue = "") String q) {
		if (q.length() > 100) {
			throw new dev.shopwright.platform.BusinessRuleViolation("INVALID_PARAMETER", 400, "q: at most 100 characters",
					Map.of("q", "at most 100 characters"));
		}
		return search.suggest(currentStore.id(), q, 8);
	}

	record Click(@NotBlank @Size(max = 200) String query, @NotNull UUID productId) {
	}

	@PostMapping("/api/store/v1/search/clicks")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Record that a shopper opened a product from a search result")
	void click(@Valid @RequestBody Click click) {
		search.recordClick(currentStore.id(), click.query(), click.productId());
	}
}
