package dev.shopwright.catalog.domain;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.shopwright.catalog.events.ProductDeleted;

/** A deleted product's image files go once the deletion has committed (the rows went with the product). */
@Component
class MediaCleanup {

	private final MediaLibrary library;

	MediaCleanup(MediaLibrary library) {
		this.library = library;
	}

	@ApplicationModuleListener
	void on(ProductDeleted deleted) {
		library.deleteFilesOf(deleted.storeId(), deleted.productId());
	}
}
