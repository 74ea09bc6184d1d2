package dev.shopwright.inventory.purchasing.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;

/** Turns the text of console form fields into numbers and dates, collecting a readable error per field. */
final class FormValues {

	final Map<String, String> errors = new LinkedHashMap<>();

	@Nullable
	Integer integer(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			errors.put(field, "must be a whole number");
			return null;
		}
	}

	@Nullable
	BigDecimal decimal(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip().replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			errors.put(field, "must be a number such as 12.50");
			return null;
		}
	}

	@Nullable
	LocalDate date(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "must be a date such as 2026-12-31");
			return null;
		}
	}

	/** True (and the model filled with the errors) when any field did not parse. */
	boolean failed(Model model) {
		if (errors.isEmpty()) {
			return false;
		}
		model.addAttribute("fieldErrors", errors);
		model.addAttribute("formError", "Please correct the marked fields.");
		return true;
	}
}
