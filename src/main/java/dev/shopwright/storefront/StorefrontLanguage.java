package dev.shopwright.storefront;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriComponentsBuilder;

import dev.shopwright.platform.CurrentStore;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;

/**
 * The language a catalog page is shown in, one of the store's locales. Every URL has exactly one language, so
 * canonical URLs, hreflang alternates and the sitemap stay right: the default language at the plain URL, another
 * at the same URL with {@code ?lang=de}. The choice is remembered in a cookie; a plain URL asked for with a
 * cookie naming another language is redirected to that language's URL (crawlers send no cookies and see the
 * default). An unknown {@code lang} is ignored.
 */
@Configuration
class StorefrontLanguage implements WebMvcConfigurer {

	static final String PARAMETER = "lang", COOKIE = "sw_lang";

	private static final String ATTRIBUTE = StorefrontLanguage.class.getName();

	private static final List<String> PAGES = List.of("/", "/search", "/categories/**", "/collections/**", "/products/**");

	private final CurrentStore currentStore;

	private final StoreManagement stores;

	StorefrontLanguage(CurrentStore currentStore, StoreManagement stores) {
		this.currentStore = currentStore;
		this.stores = stores;
	}

	/** The store's languages, the default first. */
	static List<Locale> languages(Store store) {
		Set<Locale> all = new LinkedHashSet<>();
		all.add(store.defaultLocale());
		all.addAll(store.locales());
		return List.copyOf(all);
	}

	static Optional<Locale> find(Store store, @Nullable String tag) {
		if (tag == null || tag.isBlank()) {
			return Optional.empty();
		}
		return languages(store).stream().filter(l -> l.toLanguageTag().equalsIgnoreCase(tag.strip())).findFirst();
	}

	/** The language of this request (see the class comment); the store's default when none was chosen. */
	static Locale of(HttpServletRequest request, Store store) {
		Object chosen = request.getAttribute(ATTRIBUTE);
		return chosen instanceof Locale locale ? locale : find(store, request.getParameter(PARAMETER)).orElse(store.defaultLocale());
	}

	/** {@code url} in {@code language}: the plain URL for the default, {@code ?lang=} otherwise. */
	static String url(String url, Locale language, Store store) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(url).replaceQueryParam(PARAMETER);
		if (!language.equals(store.defaultLocale())) {
			builder.queryParam(PARAMETER, language.toLanguageTag());
		}
		return builder.build().toUriString();
	}

	/** A link in the head for each language (and x-default), for search engines; empty for a one-language store. */
	record Alternate(String hreflang, String href) {
	}

	static List<Alternate> alternates(String url, Store store) {
		List<Locale> languages = languages(store);
		if (languages.size() < 2) {
			return List.of();
		}
		List<Alternate> result = new ArrayList<>();
		for (Locale language : languages) {
			result.add(new Alternate(language.toLanguageTag(), url(url, language, store)));
		}
		result.add(new Alternate("x-default", url(url, store.defaultLocale(), store)));
		return result;
	}

	/** The language switcher: this page in each language; {@code lang} is always set, so choosing the default sticks. */
	record LanguageLink(String tag, String label, String href, boolean selected) {
	}

	static List<LanguageLink> links(String pathAndQuery, Store store, Locale current) {
		List<Locale> languages = languages(store);
		if (languages.size() < 2) {
			return List.of();
		}
		return languages.stream().map(l -> new LanguageLink(l.toLanguageTag(), l.getDisplayLanguage(l),
				UriComponentsBuilder.fromUriString(pathAndQuery).replaceQueryParam("cursor")
					.replaceQueryParam(PARAMETER, l.toLanguageTag()).build().toUriString(),
				l.equals(current))).toList();
	}

	/**
	 * Adds the page's language, its canonical URL, its alternates for search engines and the language switcher's
	 * links to a model.
	 */
	static void describe(Store store, HttpServletRequest http, String baseUrl,
			java.util.function.BiConsumer<String, Object> model) {
		Locale language = of(http, store);
		String query = http.getQueryString();
		String here = http.getRequestURI() + (query == null ? "" : "?" + query);
		model.accept("language", language);
		model.accept("languageLinks", links(here, store, language));
		model.accept("alternates", alternates(baseUrl + here, store));
		model.accept("canonical", url(baseUrl + here, language, store));
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
					throws IOException {
				if (!"GET".equals(request.getMethod())) {
					return true;
				}
				Store store = currentStore.find().flatMap(stores::find).orElse(null);
				if (store == null || languages(store).size() < 2) {
					return true;
				}
				String asked = request.getParameter(PARAMETER);
				Optional<Locale> chosen = find(store, asked);
				if (chosen.isPresent()) {
					request.setAttribute(ATTRIBUTE, chosen.get());
					if (!chosen.get().toLanguageTag().equals(cookie(request))) {
						response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, chosen.get().toLanguageTag())
							.path("/").maxAge(Duration.ofDays(365)).sameSite("Lax").build().toString());
					}
					return true;
				}
				response.addHeader(HttpHeaders.VARY, HttpHeaders.COOKIE);
				Optional<Locale> remembered = asked == null ? find(store, cookie(request)) : Optional.empty();
				if (remembered.isPresent() && !remembered.get().equals(store.defaultLocale())) {
					String query = request.getQueryString();
					response.sendRedirect(url(request.getRequestURI() + (query == null ? "" : "?" + query),
							remembered.get(), store));
					return false;
				}
				return true;
			}
		}).addPathPatterns(PAGES);
	}

	private static @Nullable String cookie(HttpServletRequest request) {
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (COOKIE.equals(cookie.getName())) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}
}
