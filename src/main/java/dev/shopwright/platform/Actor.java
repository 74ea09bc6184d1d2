package dev.shopwright.platform;

/**
 * Who acts in a request, as recorded by the audit log: a principal (staff user, API token, customer)
 * implements it so that platform code can name the actor without knowing the identity module.
 */
public interface Actor {

	/** {@code staff}, {@code api-token}, {@code customer} or {@code system}. */
	String actorType();

	String actorId();

	/** What a person reading the audit log recognises: an email address, a token's name. */
	String actorName();
}
