package dev.shopwright.platform;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who acts in a request, as recorded by the audit log and the stock ledger: a principal (staff user, API
 * token, customer) implements it so that platform code can name the actor without knowing the identity module.
 */
public interface Actor {

	/** {@code staff}, {@code api-token}, {@code customer} or {@code system}. */
	String actorType();

	String actorId();

	/** What a person reading the audit log recognises: an email address, a token's name. */
	String actorName();

	/** The authenticated principal of the current request, or {@link #SYSTEM} outside one (jobs, listeners). */
	static Actor current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
			return actor;
		}
		return SYSTEM;
	}

	Actor SYSTEM = new Actor() {
		public String actorType() {
			return "system";
		}

		public String actorId() {
			return "system";
		}

		public String actorName() {
			return "Shopwright";
		}
	};
}
