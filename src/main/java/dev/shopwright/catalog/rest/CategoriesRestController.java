package dev.shopwright.catalog.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.Category;
import dev.shopwright.catalog.Collection;
import dev.shopwright.catalog.ProductId;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The category tree and collections through the Admin API. */
@RestController
@Tag(name = "Categories and collections")
class CategoriesRestController {

	private static final String HANDLE = "[a-z0-9](?:[a-z0-9-]{0,253}[a-z0-9])?";

	record CategoryRequest(@NotBlank @Size(max = 255) String name, @Pattern(regexp = HANDLE) @Nullable String handle,
			@Nullable UUID parentId, @Size(max = 10000) @Nullable String description) {
	}

	/** {@code parentId} is applied only when {@code move} is true (null then means: to the root). */
	record CategoryChange(@Size(min = 1, max = 255) @Nullable String name, @Pattern(regexp = HANDLE) @Nullable String handle,
			@Size(max = 10000) @Nullable String description, @Min(0) @Nullable Integer position,
			@Nullable Boolean move, @Nullable UUID parentId) {
	}

	record CategoryWithBreadcrumbs(Category category, List<Category> breadcrumbs, int productCount) {
	}

	record CollectionRequest(@NotBlank @Size(max = 255) String title, @Pattern(regexp = HANDLE) @Nullable String handle,
			@Size(max = 10000) @Nullable String description, @NotNull Collection.Kind kind, @Nullable Boolean matchAll,
			@Size(max = 20) @Nullable List<Collection.@Valid Rule> rules, @Nullable Boolean published) {
	}

	record ProductIds(@NotEmpty @Size(max = 1000) List<@NotNull UUID> productIds) {
	}

	private final CatalogManagement catalog;

	private final CurrentStore currentStore;

	CategoriesRestController(CatalogManagement catalog, CurrentStore currentStore) {
		this.catalog = catalog;
		this.currentStore = currentStore;
	}

	@GetMapping("/api/admin/v1/categories")
	@PreAuthorize("hasAuthority('CATALOG_READ')")
	@Operation(summary = "The category tree, depth-first (parents before children)")
	Page<Category> categories() {
		return new Page<>(catalog.categories(currentStore.id()), null);
	}

	@GetMapping("/api/admin/v1/categories/{id}")
	@PreAuthorize("hasAuthority('CATALOG_READ')")
	@Operation(summary = "A category with its breadcrumbs and the number of products in its subtree")
	CategoryWithBreadcrumbs category(@PathVariable UUID id) {
		Category category = catalog.findCategory(currentStore.id(), id)
			.orElseThrow(() -> new ResourceNotFound("Category", id.toString()));
		return new CategoryWithBreadcrumbs(category, catalog.breadcrumbs(currentStore.id(), id),
				catalog.productIdsInCategory(currentStore.id(), id).size());
	}

	@PostMapping("/api/admin/v1/categories")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	@Operation(summary = "Create a category, at the root or below a parent")
	ResponseEntity<Category> createCategory(@Valid @RequestBody CategoryRequest request) {
		Category category = catalog.createCategory(currentStore.id(), request.name(), request.handle(), request.parentId(),
				request.description());
		return ResponseEntity.created(URI.create("/api/admin/v1/categories/" + category.id())).body(category);
	}

	@PatchMapping("/api/admin/v1/categories/{id}")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	@Operation(summary = "Rename, re-order or move a category (with its subtree: {\"move\": true, \"parentId\": …})")
	Category updateCategory(@PathVariable UUID id, @Valid @RequestBody CategoryChange change) {
		return catalog.updateCategory(currentStore.id(), id, change.name(), change.handle(), change.description(),
				change.position(), Boolean.TRUE.equals(change.move()), change.parentId());
	}

	@DeleteMapping("/api/admin/v1/categories/{id}")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	@Operation(summary = "Delete a category without subcategories (its products stay, uncategorised there)")
	ResponseEntity<Void> deleteCategory(@PathVariable UUID id) {
		catalog.deleteCategory(currentStore.id(), id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/admin/v1/collections")
	@PreAuthorize("hasAuthority('CATALOG_READ')")
	@Operation(summary = "List collections by title")
	Page<Collection> collections() {
		return new Page<>(catalog.collections(currentStore.id()), null);
	}

	@GetMapping("/api/admin/v1/collections/{id}")
	@PreAuthorize("hasAuthority('CATALOG_READ')")
	@Operation(summary = "Get a collection")
	Collection collection(@PathVariable UUID id) {
		return catalog.findCollection(currentStore.id(), id).orElseThrow(() -> new ResourceNotFound("Collection", id.toString()));
	}

	@GetMapping("/api/admin/v1/collections/{id}/products")
	@PreAuthorize("hasAuthority('CATALOG_READ')")
	@Operation(summary = "The collection's product ids now (rule-based collections are evaluated on read)")
	Page<UUID> collectionProducts(@PathVariable UUID id, @RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(250) int limit) {
		return catalog.collectionProductIds(currentStore.id(), id, cursor, limit);
	}

	@PostMapping("/api/admin/v1/collections")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	@Operation(summary = "Create a manual or rule-based collection")
	ResponseEntity<Collection> createCollection(@Valid @RequestBody CollectionRequest request) {
		Collection collection = save(null, request);
		return ResponseEntity.created(URI.create("/api/admin/v1/collections/" + collection.id())).body(collection);
	}

	@PatchMapping("/api/admin/v1/collections/{id}")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	@Operation(summary = "Change a collection's title, rules or publication (the kind is fixed)")
	Collection updateCollection(@PathVariable UUID id, @Valid @RequestBody CollectionRequest request) {
		return save(id, request);
	}

	@DeleteMapping("/api/admin/v1/collections/{id}")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	@Operation(summary = "Delete a collection (its products stay)")
	ResponseEntity<Void> deleteCollection(@PathVariable UUID id) {
		catalog.deleteCollection(currentStore.id(), id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/admin/v1/collections/{id}/products")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	@Operation(summary = "Add products to a manual collection")
	Map<String, Integer> addProducts(@PathVariable UUID id, @Valid @RequestBody ProductIds request) {
		catalog.addToCollection(currentStore.id(), id, request.productIds().stream().map(ProductId::new).toList());
		return Map.of("added", request.productIds().size());
	}

	@DeleteMapping("/api/admin/v1/collections/{id}/products/{productId}")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	@Operation(summary = "Take a product out of a manual collection")
	ResponseEntity<Void> removeProduct(@PathVariable UUID id, @PathVariable UUID productId) {
		catalog.removeFromCollection(currentStore.id(), id, new ProductId(productId));
		return ResponseEntity.noContent().build();
	}

	private Collection save(@Nullable UUID id, CollectionRequest r) {
		return catalog.saveCollection(currentStore.id(), id, r.title(), r.handle(), r.description(), r.kind(),
				r.matchAll() == null || r.matchAll(), r.rules() == null ? List.of() : r.rules(),
				r.published() == null || r.published());
	}
}
