package dev.shopwright.search;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

import dev.shopwright.platform.BusinessRuleViolation;

/**
 * Reads a {@link SearchRequest} from query parameters, the same way for the Store API and the storefront
 * pages: {@code q, category, collection, vendor, type, tag, option.<Name>, minPrice, maxPrice, inStock, sort,
 * limit, cursor, locale} ({@code lang} on storefront pages means the same as {@code locale}). A value that cannot be understood is a 400 naming the parameter.
 */
public final class SearchParameters {

	private SearchParameters() {
	}

	public static SearchRequest read(MultiValueMap<String, String> params, int defaultLimit) {
		Map<String, List<String>> options = new LinkedHashMap<>();
		params.forEach((name, values) -> {
			if (name.startsWith("option.") && name.length() > 7) {
				List<String> kept = values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
				if (!kept.isEmpty()) {
					options.put(name.substring(7), kept);
				}
			}
		});
		BigDecimal min = price(params, "minPrice");
		BigDecimal max = price(params, "maxPrice");
		if (min != null && max != null && min.compareTo(max) > 0) {
			throw invalid("minPrice", "must not be above maxPrice");
		}
		String inStock = first(params, "inStock");
		if (inStock != null && !inStock.equals("true") && !inStock.equals("false")) {
			throw invalid("inStock", "must be true or false");
		}
		String sortText = first(params, "sort");
		SearchRequest.Sort sort;
		try {
			sort = sortText == null ? SearchRequest.Sort.RELEVANCE
					: SearchRequest.Sort.valueOf(sortText.toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw invalid("sort", "must be one of relevance, price_asc, price_desc, newest, best-selling");
		}
		int limit = defaultLimit;
		String limitText = first(params, "limit");
		if (limitText != null) {
			try {
				limit = Integer.parseInt(limitText);
			}
			catch (NumberFormatException ex) {
				throw invalid("limit", "must be a whole number between 1 and " + SearchRequest.MAX_LIMIT);
			}
			if (limit < 1 || limit > SearchRequest.MAX_LIMIT) {
				throw invalid("limit", "must be between 1 and " + SearchRequest.MAX_LIMIT);
			}
		}
		String q = first(params, "q");
		if (q != null && q.length() > 200) {
			throw invalid("q", "must be at most 200 characters");
		}
		return new SearchRequest(q, all(params, "category"), all(params, "collection"), all(params, "vendor"),
				all(params, "type"), all(params, "tag"), options, min, max, "true".equals(inStock), sort, limit,
				first(params, "cursor"), first(params, "locale") != null ? first(params, "locale") : first(params, "lang"));
	}

	private static @Nullable BigDecimal price(MultiValueMap<String, String> params, String name) {
		String text = first(params, name);
		if (text == null) {
			return null;
		}
		try {
			BigDecimal value = new BigDecimal(text);
			if (value.signum() < 0 || value.compareTo(new BigDecimal("1e12")) > 0) {
				throw invalid(name, "must be between 0 and 10^12");
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw invalid(name, "must be a decimal number like 19.99");
		}
	}

	private static @Nullable String first(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static List<String> all(MultiValueMap<String, String> params, String name) {
		List<String> values = params.get(name);
		return values == null ? List.of()
				: values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
	}

	private static BusinessRuleViolation invalid(String field, String detail) {
		return new BusinessRuleViolation("INVALID_PARAMETER", 400, field + ": " + detail, Map.of(field, detail));
	}
}
