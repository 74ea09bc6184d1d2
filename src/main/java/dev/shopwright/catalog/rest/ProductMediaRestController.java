package dev.shopwright.catalog.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.Media;
import dev.shopwright.catalog.ProductId;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A product's images through the Admin API: upload, reference by URL, reorder, describe, delete. */
@RestController
@Tag(name = "Product media")
class ProductMediaRestController {

	record MediaByUrl(@NotBlank @Size(max = 2048) String url, @Nullable @Size(max = 512) String alt) {
	}

	record MediaChange(@Nullable @Size(max = 512) String alt, @Nullable @Min(1) Integer position) {
	}

	private final CatalogManagement catalog;

	private final CurrentStore currentStore;

	ProductMediaRestController(CatalogManagement catalog, CurrentStore currentStore) {
		this.catalog = catalog;
		this.currentStore = currentStore;
	}

	@GetMapping("/api/admin/v1/products/{id}/media")
	@PreAuthorize("hasAuthority('CATALOG_READ')")
	@Operation(summary = "A product's images in position order")
	Page<Media> list(@PathVariable UUID id) {
		return new Page<>(catalog.media(currentStore.id(), new ProductId(id)), null);
	}

	@PostMapping(path = "/api/admin/v1/products/{id}/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	@Operation(summary = "Upload an image (multipart field `file`: JPEG, PNG, GIF or WebP, at most 20 MB; optional `alt`); "
			+ "stored with 160 and 640 px wide thumbnails")
	ResponseEntity<Media> upload(@PathVariable UUID id, @RequestPart("file") MultipartFile file,
			@RequestParam(required = false) @Nullable String alt) {
		if (file.isEmpty()) {
			throw BusinessRuleViolation.ofField("INVALID_IMAGE", "file", "The file is empty.");
		}
		if (file.getSize() > dev.shopwright.catalog.domain.Images.MAX_BYTES) {
			throw new BusinessRuleViolation("IMAGE_TOO_LARGE", 413,
					"The image has %,d bytes; at most 20 MB are accepted.".formatted(file.getSize()));
		}
		byte[] content;
		try {
			content = file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Media media = catalog.addMedia(currentStore.id(), new ProductId(id), content, alt);
		return created(id, media);
	}

	@PostMapping(path = "/api/admin/v1/products/{id}/media", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	@Operation(summary = "Reference an image by URL: recorded as PENDING and fetched in the background; "
			+ "a failed download sets FAILED with the reason (the call itself does not fail)")
	ResponseEntity<Media> addByUrl(@PathVariable UUID id, @Valid @RequestBody MediaByUrl request) {
		Media media = catalog.addMediaFromUrl(currentStore.id(), new ProductId(id), request.url(), request.alt(), null);
		return created(id, media);
	}

	@PatchMapping("/api/admin/v1/products/{id}/media/{mediaId}")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	@Operation(summary = "Change an image's alt text or move it to a position (1 = first)")
	Media update(@PathVariable UUID id, @PathVariable UUID mediaId, @Valid @RequestBody MediaChange change) {
		return catalog.updateMedia(currentStore.id(), new ProductId(id), mediaId, change.alt(), change.position());
	}

	@PostMapping("/api/admin/v1/products/{id}/media/{mediaId}/retry")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	@Operation(summary = "Download a FAILED image again: PENDING at once, fetched in the background (409 MEDIA_NOT_FAILED otherwise)")
	ResponseEntity<Media> retry(@PathVariable UUID id, @PathVariable UUID mediaId) {
		return ResponseEntity.accepted().body(catalog.retryMedia(currentStore.id(), new ProductId(id), mediaId));
	}

	@DeleteMapping("/api/admin/v1/products/{id}/media/{mediaId}")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	@Operation(summary = "Delete an image and its files")
	ResponseEntity<Void> delete(@PathVariable UUID id, @PathVariable UUID mediaId) {
		catalog.deleteMedia(currentStore.id(), new ProductId(id), mediaId);
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<Media> created(UUID product, Media media) {
		return ResponseEntity.created(URI.create("/api/admin/v1/products/" + product + "/media/" + media.id())).body(media);
	}
}
