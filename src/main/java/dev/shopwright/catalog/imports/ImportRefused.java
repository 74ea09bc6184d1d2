package dev.shopwright.catalog.imports;

import java.util.Map;

import dev.shopwright.platform.BusinessRuleViolation;

/** The uploaded file cannot be imported at all (encoding, header, size); nothing was started. */
class ImportRefused extends BusinessRuleViolation {

	ImportRefused(String code, String detail) {
		super(code, 422, detail, Map.of("file", detail));
	}
}
