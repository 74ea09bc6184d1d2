package dev.shopwright.catalog;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A node of the store's category tree; {@code path} lists the ids from the root down to this one. */
public record Category(UUID id, @Nullable UUID parentId, String handle, String name, String description,
		List<UUID> path, int position) {

	public int depth() {
		return path.size() - 1;
	}
}
