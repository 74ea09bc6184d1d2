package dev.shopwright.storefront;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.Category;
import dev.shopwright.catalog.Collection;
import dev.shopwright.catalog.StorefrontProduct;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.search.SearchManagement;
import dev.shopwright.search.SearchParameters;
import dev.shopwright.search.SearchRequest;
import dev.shopwright.search.SearchResult;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search results, category and collection pages (all one listing with facets), product pages with SEO
 * markup, and the sitemap. Everything server-rendered; the only script is the variant picker's file.
 */
@Controller
class CatalogPagesController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int PAGE_SIZE = 24;

	private final StoreManagement stores;

	private final CatalogManagement catalog;

	private final SearchManagement search;

	private final CurrentStore currentStore;

	private final ProductPages productPages;

	private final ITemplateEngine templates;

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);

	CatalogPagesController(StoreManagement stores, CatalogManagement catalog, SearchManagement search,
			CurrentStore currentStore, ProductPages productPages, ITemplateEngine templates) {
		this.templates = templates;
		this.productPages = productPages;
		this.stores = stores;
		this.catalog = catalog;
		this.search = search;
		this.currentStore = currentStore;
	}

	private Store store() {
		return currentStore.find().flatMap(stores::find)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no store is set up yet"));
	}

	@GetMapping("/search")
	String search(@RequestParam MultiValueMap<String, String> params, HttpServletRequest http, Model model) {
		Store store = store();
		SearchRequest request = read(params).inLanguage(StorefrontLanguage.of(http, store).toLanguageTag());
		SearchResult result = search.search(store.id(), request);
		if (request.query() != null && request.cursor() == null) {
			search.recordQuery(store.id(), request.query(), result.total());
		}
		return listing(store, "/search", params, result, model, request.query() == null ? "Search" : "“" + request.query() + "”",
				List.of(), http);
	}

	@GetMapping("/categories/{handle}")
	String category(@PathVariable String handle, @RequestParam MultiValueMap<String, String> params,
			HttpServletRequest http, Model model) {
		Store store = store();
		Category category = catalog.findCategoryByHandle(store.id(), handle)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no category " + handle));
		SearchRequest request = read(without(params, "category")).inCategory(handle)
			.inLanguage(StorefrontLanguage.of(http, store).toLanguageTag());
		SearchResult result = search.search(store.id(), request);
		model.addAttribute("description", category.description());
		return listing(store, "/categories/" + handle, params, result, model, category.name(),
				catalog.breadcrumbs(store.id(), category.id()), http);
	}

	@GetMapping("/collections/{handle}")
	String collection(@PathVariable String handle, @RequestParam MultiValueMap<String, String> params,
			HttpServletRequest http, Model model) {
		Store store = store();
		Collection collection = catalog.findCollectionByHandle(store.id(), handle).filter(Collection::published)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no collection " + handle));
		SearchRequest request = read(without(params, "collection")).inCollection(handle)
			.inLanguage(StorefrontLanguage.of(http, store).toLanguageTag());
		SearchResult result = search.search(store.id(), request);
		model.addAttribute("description", collection.description());
		return listing(store, "/collections/" + handle, params, result, model, collection.title(), List.of(), http);
	}

	/** Bad filter values on a page are a 400 page, not a 500. */
	private static SearchRequest read(MultiValueMap<String, String> params) {
		try {
			return SearchParameters.read(params, PAGE_SIZE);
		}
		catch (BusinessRuleViolation ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
	}

	private static MultiValueMap<String, String> without(MultiValueMap<String, String> params, String name) {
		MultiValueMap<String, String> copy = new LinkedMultiValueMap<>(params);
		copy.remove(name);
		return copy;
	}

	private String listing(Store store, String path, MultiValueMap<String, String> params, SearchResult result,
			Model model, String heading, List<Category> breadcrumbs, HttpServletRequest http) {
		model.addAttribute("store", store);
		StorefrontLanguage.describe(store, http, base(http), model::addAttribute);
		model.addAttribute("heading", heading);
		model.addAttribute("result", result);
		model.addAttribute("breadcrumbs", breadcrumbs);
		model.addAttribute("q", params.getFirst("q"));
		model.addAttribute("sort", params.getFirst("sort"));
		model.addAttribute("path", path);
		model.addAttribute("links", new FacetLinks(path, params));
		model.addAttribute("sorts", SearchRequest.Sort.values());
		model.addAttribute("categories", catalog.categories(store.id()).stream().filter(c -> c.parentId() == null).toList());
		return "storefront/listing";
	}

	/** Builds the URL that toggles one facet value, keeping every other parameter (and dropping the cursor). */
	public record FacetLinks(String path, MultiValueMap<String, String> params) {

		public String toggle(String name, String value) {
			MultiValueMap<String, String> next = new LinkedMultiValueMap<>(params);
			next.remove("cursor");
			List<String> values = new ArrayList<>(next.getOrDefault(name, List.of()));
			if (!values.remove(value)) {
				values.add(value);
			}
			if (values.isEmpty()) {
				next.remove(name);
			}
			else {
				next.put(name, values);
			}
			return build(next);
		}

		public String price(String min, String max, boolean selected) {
			MultiValueMap<String, String> next = new LinkedMultiValueMap<>(params);
			next.remove("cursor");
			next.remove("minPrice");
			next.remove("maxPrice");
			if (!selected) {
				next.add("minPrice", min);
				if (!max.isEmpty()) {
					next.add("maxPrice", max);
				}
			}
			return build(next);
		}

		public String sort(String sort) {
			MultiValueMap<String, String> next = new LinkedMultiValueMap<>(params);
			next.remove("cursor");
			next.set("sort", sort);
			return build(next);
		}

		public String page(String cursor) {
			MultiValueMap<String, String> next = new LinkedMultiValueMap<>(params);
			next.set("cursor", cursor);
			return build(next);
		}

		private String build(MultiValueMap<String, String> query) {
			return UriComponentsBuilder.fromPath(path).queryParams(query).encode().build().toUriString();
		}
	}

	/**
	 * The page's HTML comes from {@link ProductPages}, rendered once per product, store settings and base URL;
	 * the ETag lets browsers and proxies revalidate with a 304.
	 */
	@GetMapping("/products/{handle}")
	ResponseEntity<byte[]> product(@PathVariable String handle, HttpServletRequest http, HttpServletResponse response) {
		Store store = store();
		String base = base(http);
		Locale language = StorefrontLanguage.of(http, store);
		ProductPages.RenderedPage page = productPages
			.rendered(store, handle, language, base, p -> render(store, p, base, language, http, response))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no product " + handle));
		return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noCache()).eTag(page.etag()).body(page.html());
	}

	private String render(Store store, ProductPages.ProductPage page, String base, Locale language,
			HttpServletRequest http, HttpServletResponse response) {
		StorefrontProduct view = page.product();
		String plainUrl = base + "/products/" + view.handle();
		String canonical = StorefrontLanguage.url(plainUrl, language, store);
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("store", store);
		model.put("language", language);
		model.put("alternates", StorefrontLanguage.alternates(plainUrl, store));
		model.put("languageLinks", StorefrontLanguage.links("/products/" + view.handle(), store, language));
		model.put("product", view);
		model.put("canonical", canonical);
		model.put("plainDescription", plain(view.descriptionHtml()));
		model.put("jsonLd", jsonLd(view, canonical, page));
		model.put("soldOut", page.soldOut());
		model.put("breadcrumbs", page.breadcrumbs());
		model.put("variantsJson", page.variantsJson());
		var exchange = JakartaServletWebApplication.buildApplication(http.getServletContext()).buildExchange(http, response);
		return templates.process("storefront/product", new WebContext(exchange, language, model));
	}

	private static String jsonLd(StorefrontProduct p, String url, ProductPages.ProductPage page) {
		Map<String, Object> ld = new LinkedHashMap<>();
		ld.put("@context", "https://schema.org");
		ld.put("@type", "Product");
		ld.put("name", p.title());
		ld.put("description", plain(p.descriptionHtml()));
		ld.put("url", url);
		if (!p.variants().isEmpty() && p.variants().get(0).sku() != null) {
			ld.put("sku", p.variants().get(0).sku());
		}
		if (p.vendor() != null) {
			ld.put("brand", Map.of("@type", "Brand", "name", p.vendor()));
		}
		List<Map<String, Object>> offers = new ArrayList<>();
		for (StorefrontProduct.Offer offer : p.variants()) {
			Map<String, Object> o = new LinkedHashMap<>();
			o.put("@type", "Offer");
			if (offer.sku() != null) {
				o.put("sku", offer.sku());
			}
			o.put("name", offer.title());
			o.put("price", offer.price().amount().toPlainString());
			o.put("priceCurrency", offer.price().currency().getCurrencyCode());
			o.put("availability", page.availability(offer.id()).schemaOrgUrl());
			o.put("url", UriComponentsBuilder.fromUriString(url).queryParam("variant", offer.id()).build().toUriString());
			offers.add(o);
		}
		ld.put("offers", offers);
		// "</" must not end the script element early
		return JSON.writeValueAsString(ld).replace("</", "<\\/");
	}

	private static String plain(String html) {
		return html.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
	}

	/** The scheme, host and port the page was asked for (no trailing slash). */
	static String base(HttpServletRequest http) {
		return UriComponentsBuilder.newInstance().scheme(http.getScheme()).host(http.getServerName())
			.port(http.getServerPort() == 80 || http.getServerPort() == 443 ? -1 : http.getServerPort()).build().toUriString();
	}

	/**
	 * Every page in every store language: one {@code <url>} per language with the others as
	 * {@code xhtml:link} alternates (how search engines learn the translations of a page).
	 */
	@GetMapping(value = "/sitemap.xml")
	ResponseEntity<String> sitemap(HttpServletRequest http) {
		Store store = store();
		String base = base(http);
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
			.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" ")
			.append("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
		url(xml, store, base + "/", null);
		for (Category c : catalog.categories(store.id())) {
			url(xml, store, base + "/categories/" + c.handle(), null);
		}
		for (Collection c : catalog.collections(store.id())) {
			if (c.published()) {
				url(xml, store, base + "/collections/" + c.handle(), c.updatedAt().toString());
			}
		}
		for (String[] product : search.visibleProductHandles(store.id())) {
			url(xml, store, base + "/products/" + product[0], product[1]);
		}
		xml.append("</urlset>\n");
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml.toString());
	}

	private static void url(StringBuilder xml, Store store, String plainUrl, String lastModified) {
		List<StorefrontLanguage.Alternate> alternates = StorefrontLanguage.alternates(plainUrl, store);
		for (Locale language : StorefrontLanguage.languages(store)) {
			xml.append("  <url><loc>").append(escape(StorefrontLanguage.url(plainUrl, language, store))).append("</loc>");
			if (lastModified != null) {
				xml.append("<lastmod>").append(lastModified, 0, 10).append("</lastmod>");
			}
			for (StorefrontLanguage.Alternate alternate : alternates) {
				xml.append("<xhtml:link rel=\"alternate\" hreflang=\"").append(alternate.hreflang()).append("\" href=\"")
					.append(escape(alternate.href())).append("\"/>");
			}
			xml.append("</url>\n");
		}
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
