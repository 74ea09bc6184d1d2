package dev.shopwright.checkout;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A shopper on the storefront without a browser: one cookie jar, the store named by {@code X-Store}, and form posts
 * that carry the CSRF token of the last page rendered, as a browser sends them. Redirects are not followed unless
 * asked, so tests can check where a step leads.
 */
final class StorefrontVisitor {

	record Page(int status, Map<String, String> headers, String body) {

		@Nullable String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}

		@Nullable String location() {
			String location = header("location");
			return location == null ? null : location.replaceFirst("^https?://[^/]+", "");
		}

		boolean isRedirect() {
			return status >= 300 && status < 400;
		}

		/** The text of the element with this id, tags removed and entities decoded; null if there is none. */
		@Nullable String text(String id) {
			Matcher element = Pattern.compile("<(\\w+)\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</\\1>",
					Pattern.DOTALL).matcher(body);
			return element.find() ? unescape(element.group(2).replaceAll("<[^>]*>", " ")).replaceAll("\\s+", " ").strip()
					: null;
		}

		@Override
		public String toString() {
			return "Page[" + status + ", location=" + location() + ", body="
					+ (body.length() > 1500 ? body.substring(0, 1500) + "…" : body) + "]";
		}
	}

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final String base;

	private final String store;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http;

	private @Nullable String csrf;

	StorefrontVisitor(int port, String store) {
		this.base = "http://localhost:" + port;
		this.store = store;
		this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER).build();
	}

	Page get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	/** GET, following redirects until a page answers. */
	Page open(String path) {
		return follow(get(path));
	}

	Page follow(Page page) {
		Page current = page;
		for (int hops = 0; current.isRedirect(); hops++) {
			if (hops == 10) {
				throw new AssertionError("redirect loop: " + current);
			}
			current = get(String.valueOf(current.location()));
		}
		return current;
	}

	/** Posts a form with the CSRF token of the last page rendered (the cart page's when none was yet). */
	Page post(String path, Map<String, String> fields) {
		if (csrf == null) {
			get("/cart");
		}
		Map<String, String> withToken = new LinkedHashMap<>(fields);
		withToken.putIfAbsent("_csrf", String.valueOf(csrf));
		return postRaw(path, withToken, Map.of());
	}

	/** Posts exactly these fields and headers: no CSRF token unless it is among them. */
	Page postRaw(String path, Map<String, String> fields, Map<String, String> headers) {
		String body = fields.entrySet().stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		return send(request);
	}

	/** The product page's "Add to cart" as a browser sends it from this shop: no token, same-origin metadata. */
	Page addToCart(String productId, int quantity) {
		return postRaw("/cart/add", Map.of("product", productId, "quantity", String.valueOf(quantity)),
				Map.of("Sec-Fetch-Site", "same-origin", "Origin", base));
	}

	@Nullable HttpCookie cookie(String name) {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst()
			.orElse(null);
	}

	void setCookie(String name, String value) {
		HttpCookie cookie = new HttpCookie(name, value);
		cookie.setPath("/");
		cookie.setVersion(0);
		cookies.getCookieStore().removeAll();
		cookies.getCookieStore().add(URI.create(base), cookie);
	}

	private Page send(HttpRequest.Builder request) {
		request.timeout(Duration.ofSeconds(60)).header("Accept", "text/html").header("Accept-Language", "en")
			.header("X-Store", store);
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			Map<String, String> headers = new LinkedHashMap<>();
			response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
					String.join("\n", values)));
			Matcher token = CSRF.matcher(response.body());
			if (token.find()) {
				csrf = unescape(token.group(1));
			}
			return new Page(response.statusCode(), headers, response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String unescape(String html) {
		return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
			.replace("&#x27;", "'").replace("&amp;", "&");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
