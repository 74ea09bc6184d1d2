package dev.shopwright.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The console's one way to submit a form: validate the command, run the change, and on failure put
 * readable per-field messages ({@code fieldErrors}) and a summary ({@code formError}) into the model, so
 * the page re-renders with the merchant's input and what to fix.
 */
@Component
public class ConsoleForms {

	private final Validator validator;

	ConsoleForms(Validator validator) {
		this.validator = validator;
	}

	/**
	 * For one-click actions (a button, then a redirect): runs {@code change} and flashes {@code notice}, or the
	 * refused rule's message as an error; nothing is changed when it is refused.
	 */
	public void act(org.springframework.web.servlet.mvc.support.RedirectAttributes redirect, String notice,
			Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (BusinessRuleViolation ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
	}

	/** Runs {@code change} if {@code command} is valid; returns false (model filled) if anything was refused. */
	public <T> boolean submit(Object command, Supplier<T> change, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (ConstraintViolation<Object> violation : validator.validate(command)) {
			errors.putIfAbsent(violation.getPropertyPath().toString().replaceAll("\\[\\d+\\].*", ""), violation.getMessage());
		}
		if (!errors.isEmpty()) {
			model.addAttribute("fieldErrors", errors);
			model.addAttribute("formError", "Please correct the marked fields.");
			return false;
		}
		try {
			change.get();
			return true;
		}
		catch (BusinessRuleViolation ex) {
			model.addAttribute("fieldErrors", ex.fieldErrors());
			model.addAttribute("formError", ex.getMessage());
			return false;
		}
	}
}
