package dev.shopwright.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A console user without a browser: one cookie jar (the session), the login form, and form posts that
 * carry the CSRF token the last rendered page held, exactly as a browser would send them. Redirects are
 * not followed unless asked, so tests can check where the console sends them.
 */
final class AdminSession {

	record Page(int status, Map<String, String> headers, String body) {

		@Nullable String header(String name) {
			return headers.get(name.toLowerCase(java.util.Locale.ROOT));
		}

		@Nullable String location() {
			return header("location");
		}

		boolean isRedirect() {
			return status >= 300 && status < 400;
		}

		@Override
		public String toString() {
			return "Page[" + status + ", location=" + location() + ", body=" + abbreviate(body) + "]";
		}
	}

	private static final Pattern CSRF_ELEMENT = Pattern.compile("<(?:input|meta)\\b[^>]*\\bname=\"_csrf\"[^>]*>");

	private static final Pattern CSRF_VALUE = Pattern.compile("\\b(?:value|content)=\"([^\"]+)\"");

	private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>");

	private static final Pattern ATTRIBUTE = Pattern.compile("\\b([a-zA-Z_:-]+)=\"([^\"]*)\"");

	private final String base;

	private final HttpClient http;

	private @Nullable String csrf;

	private AdminSession(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	static AdminSession at(int port) {
		return new AdminSession(port);
	}

	/** Logs in through the console's login form; fails the test if the console does not land on /admin. */
	AdminSession logIn(String email, String password) {
		Page loginPage = get("/admin/login");
		if (loginPage.status() != 200 || csrf == null) {
			throw new AssertionError("no login form with a CSRF token: " + loginPage);
		}
		Page result = post("/admin/login", Map.of("email", email, "password", password));
		if (!result.isRedirect() || !String.valueOf(result.location()).endsWith("/admin")) {
			throw new AssertionError("login as " + email + " failed: " + result);
		}
		csrf = null; // Spring Security issues a new token with the new session
		return this;
	}

	String base() {
		return base;
	}

	Page get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	/** GET as htmx sends it (the HX-Request header), for the fragments a page swaps in. */
	Page getHtmx(String path) {
		return send(HttpRequest.newBuilder(uri(path)).header("HX-Request", "true").GET());
	}

	/** GET, following redirects (within the console) until a page answers. */
	Page open(String path) {
		return follow(get(path));
	}

	/** Posts a form with the session's current CSRF token (fetched from /admin if no page was rendered yet). */
	Page post(String path, Map<String, String> fields) {
		if (csrf == null) {
			get("/admin");
			if (csrf == null) {
				throw new AssertionError("no CSRF token found on /admin");
			}
		}
		Map<String, String> withToken = new LinkedHashMap<>(fields);
		withToken.putIfAbsent("_csrf", csrf);
		return postRaw(path, withToken);
	}

	/** Posts fields that may repeat (several checkboxes of one name), with the session's CSRF token. */
	Page postAll(String path, java.util.List<Map.Entry<String, String>> fields) {
		if (csrf == null) {
			get("/admin");
		}
		java.util.List<Map.Entry<String, String>> withToken = new java.util.ArrayList<>(fields);
		withToken.add(Map.entry("_csrf", String.valueOf(csrf)));
		String body = withToken.stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Posts exactly the given fields: no CSRF token unless it is among them. */
	Page postRaw(String path, Map<String, String> fields) {
		String body = fields.entrySet().stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Posts a multipart form (a file upload) with the session's CSRF token, as a browser submits it. */
	Page postMultipart(String path, dev.shopwright.testing.Multipart form) {
		if (csrf == null) {
			get("/admin");
		}
		form.field("_csrf", String.valueOf(csrf));
		return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", form.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(form.body())));
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

	/** The submittable fields of the form with the given id as the page renders them (values unescaped). */
	static Map<String, String> formFields(String html, String formId) {
		Matcher form = Pattern.compile("<form\\b[^>]*\\bid=\"" + Pattern.quote(formId) + "\"[^>]*>(.*?)</form>",
				Pattern.DOTALL).matcher(html);
		if (!form.find()) {
			throw new AssertionError("no form #" + formId + " in " + abbreviate(html));
		}
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher input = INPUT.matcher(form.group(1));
		while (input.find()) {
			Map<String, String> attributes = attributes(input.group());
			String name = attributes.get("name");
			if (name == null) {
				continue;
			}
			String type = attributes.getOrDefault("type", "text");
			if (type.equals("checkbox") && !input.group().matches("(?s).*\\schecked(?:=\"[^\"]*\")?[\\s/>].*")) {
				continue;
			}
			fields.put(name, attributes.getOrDefault("value", type.equals("checkbox") ? "on" : ""));
		}
		return fields;
	}

	/** The value attribute of the input with the given id, unescaped; null if there is no such input. */
	static @Nullable String inputValue(String html, String id) {
		Matcher input = INPUT.matcher(html);
		while (input.find()) {
			Map<String, String> attributes = attributes(input.group());
			if (id.equals(attributes.get("id"))) {
				return attributes.getOrDefault("value", "");
			}
		}
		return null;
	}

	static String unescape(String html) {
		return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
			.replace("&#x27;", "'").replace("&amp;", "&");
	}

	private static Map<String, String> attributes(String element) {
		Map<String, String> attributes = new LinkedHashMap<>();
		Matcher attribute = ATTRIBUTE.matcher(element);
		while (attribute.find()) {
			attributes.putIfAbsent(attribute.group(1), unescape(attribute.group(2)));
		}
		return attributes;
	}

	private URI uri(String path) {
		return URI.create(path.startsWith("http") ? path : base + path);
	}

	private Page send(HttpRequest.Builder request) {
		request.timeout(Duration.ofSeconds(60)).header("Accept", "text/html,application/xhtml+xml")
			.header("Accept-Language", "en");
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			Map<String, String> headers = new LinkedHashMap<>();
			response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT),
					String.join(",", values)));
			Page page = new Page(response.statusCode(), headers, response.body());
			rememberCsrf(page.body());
			return page;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void rememberCsrf(String body) {
		Matcher element = CSRF_ELEMENT.matcher(body);
		if (element.find()) {
			Matcher value = CSRF_VALUE.matcher(element.group());
			if (value.find()) {
				csrf = unescape(value.group(1));
			}
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String abbreviate(String text) {
		return text.length() > 600 ? text.substring(0, 600) + "…" : text;
	}
}
