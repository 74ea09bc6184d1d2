package dev.shopwright.catalog.web;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.shopwright.catalog.domain.MediaStorage;
import dev.shopwright.shared.StoreId;

/**
 * Product images for everyone (storefront, feeds, the console): {@code /media/<storeId>/<productId>/<file>}. A
 * file's name never gets other bytes, so browsers and CDNs may keep it for a year.
 */
@Controller
class MediaFilesController {

	private static final Map<String, MediaType> TYPES = Map.of("jpg", MediaType.IMAGE_JPEG, "png", MediaType.IMAGE_PNG,
			"gif", MediaType.IMAGE_GIF, "webp", MediaType.parseMediaType("image/webp"));

	private final MediaStorage storage;

	MediaFilesController(MediaStorage storage) {
		this.storage = storage;
	}

	@GetMapping("/media/{storeId}/{productId}/{file:[0-9a-f-]+(?:-w[0-9]+)?\\.(?:jpg|png|gif|webp)}")
	ResponseEntity<InputStreamResource> file(@PathVariable UUID storeId, @PathVariable UUID productId,
			@PathVariable String file) {
		String extension = file.substring(file.lastIndexOf('.') + 1);
		return storage.get(new StoreId(storeId), productId + "/" + file)
			.map(stored -> ResponseEntity.ok()
				.contentType(TYPES.get(extension))
				.contentLength(stored.length())
				.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
				.body(new InputStreamResource(stored.content())))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
	}
}
