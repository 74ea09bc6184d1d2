package dev.shopwright.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the RFC 9457 problems the API answers with: a stable machine-readable {@code type} and
 * {@code code}, a human {@code detail}, and for validation a list of {@code errors} with the field's
 * JSON pointer and message.
 */
public final class Problems {

	public static final String TYPE_BASE = "https://shopwright.dev/problems/";

	private Problems() {
	}

	public record FieldError(String pointer, String field, String detail) {
	}

	public static ProblemDetail of(int status, String code, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
		problem.setType(URI.create(TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-')));
		problem.setTitle(title);
		problem.setProperty("code", code);
		return problem;
	}

	public static ProblemDetail withFieldErrors(ProblemDetail problem, List<FieldError> errors) {
		problem.setProperty("errors", errors);
		return problem;
	}

	public static List<FieldError> fieldErrors(Map<String, String> errorsByField) {
		return errorsByField.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map(entry -> new FieldError(pointer(entry.getKey()), entry.getKey(), entry.getValue()))
			.toList();
	}

	/** {@code address.country} or {@code variants[0].sku} → {@code /address/country}, {@code /variants/0/sku}. */
	public static String pointer(String fieldPath) {
		if (fieldPath.isEmpty()) {
			return "";
		}
		return "/" + fieldPath.replace("[", ".").replace("]", "").replace("~", "~0").replace("/", "~1").replace('.', '/');
	}
}
