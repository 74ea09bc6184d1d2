package dev.shopwright.platform;

import java.util.Map;

/**
 * A request that breaks a business rule. Answered as problem+json whose {@code type} ends in the stable
 * {@code code} (e.g. {@code STORE_HANDLE_TAKEN}), with the HTTP status given here; the console shows the
 * detail as a form error. Modules subclass it with names that read as the rule.
 */
public class BusinessRuleViolation extends RuntimeException {

	private final String code;
	private final int status;
	private final Map<String, String> fieldErrors;

	public BusinessRuleViolation(String code, int status, String detail) {
		this(code, status, detail, Map.of());
	}

	public BusinessRuleViolation(String code, int status, String detail, Map<String, String> fieldErrors) {
		super(detail);
		this.code = code;
		this.status = status;
		this.fieldErrors = Map.copyOf(fieldErrors);
	}

	/** A 422 for one field whose value is well-formed but not acceptable (a handle already taken). */
	public static BusinessRuleViolation ofField(String code, String field, String detail) {
		return new BusinessRuleViolation(code, 422, detail, Map.of(field, detail));
	}

	public String code() {
		return code;
	}

	public int status() {
		return status;
	}

	public Map<String, String> fieldErrors() {
		return fieldErrors;
	}
}
