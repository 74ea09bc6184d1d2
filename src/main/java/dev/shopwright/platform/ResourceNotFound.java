package dev.shopwright.platform;

/** The record does not exist in the current store (or the caller may not know it exists). */
public class ResourceNotFound extends BusinessRuleViolation {

	public ResourceNotFound(String resource, String id) {
		super("NOT_FOUND", 404, "%s %s was not found".formatted(resource, id));
	}
}
