package dev.shopwright.stores;

import dev.shopwright.platform.BusinessRuleViolation;

/** Handles name stores in URLs and headers, so no two stores share one. */
public class StoreHandleTaken extends BusinessRuleViolation {

	StoreHandleTaken(String handle) {
		super("STORE_HANDLE_TAKEN", 422, "The handle '" + handle + "' is used by another store.",
				java.util.Map.of("handle", "is used by another store"));
	}
}
