package dev.shopwright.platform;

import java.util.Set;

import dev.shopwright.shared.StoreId;

/** Which stores the caller of a request may act on: all of the organisation's, or a listed few. */
public record StoreAccess(boolean allStores, Set<StoreId> storeIds) {

	public StoreAccess {
		storeIds = Set.copyOf(storeIds);
	}

	public static StoreAccess all() {
		return new StoreAccess(true, Set.of());
	}

	public static StoreAccess only(Set<StoreId> storeIds) {
		return new StoreAccess(false, storeIds);
	}

	public boolean permits(StoreId storeId) {
		return allStores || storeIds.contains(storeId);
	}
}
