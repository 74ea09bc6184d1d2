package dev.shopwright.catalog.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
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

import dev.shopwright.catalog.Attribute;
import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.Product;
import dev.shopwright.catalog.ProductDraft;
import dev.shopwright.catalog.ProductId;
import dev.shopwright.catalog.ProductListing;
import dev.shopwright.catalog.ProductStatus;
import dev.shopwright.catalog.Variant;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Products, variants and attributes through the Admin API. */
@RestController
@Tag(name = "Products")
class ProductsRestController {

	record VariantWithProduct(Variant variant, ProductId productId, String productTitle, String productHandle) {
	}

	enum BulkKind {
		PUBLISH, UNPUBLISH, ACTIVATE, ARCHIVE, DRAFT, ADD_TAGS, REMOVE_TAGS, ADJUST_PRICE_AMOUNT, ADJUST_PRICE_PERCENT
	}

	record BulkRequest(@NotEmpty @Size(max = 1000) List<@NotNull UUID> productIds, @NotNull BulkKind action,
			@Nullable List<@NotBlank String> tags, @Nullable BigDecimal amount) {
	}

	record BulkResult(int changed) {
	}

	record AttributeRequest(@NotBlank @Size(max = 63) String code, @NotBlank @Size(max = 120) String name,
			@NotNull Attribute.Type type, @Nullable List<@NotBlank String> choices, @Nullable Boolean facet) {
	}

	private final CatalogManagement catalog;

	private final CurrentStore currentStore;

	ProductsRestController(CatalogManagement catalog, CurrentStore currentStore) {
		this.catalog = catalog;
		this.currentStore = currentStore;
	}

	@GetMapping("/api/admin/v1/products")
	@PreAuthorize("hasAuthority('CATALOG_READ')")
	@Operation(summary = "List products: filter by q (title, handle, SKU, barcode), status, vendor, type, tag")
	Page<Product> list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable ProductStatus status,
			@RequestParam(required = false) @Nullable String vendor,
			@RequestParam(required = false) @Nullable String type, @RequestParam(required = false) @Nullable String tag,
			@RequestParam(defaultValue = "UPDATED") ProductListing.Sort sort,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(250) int limit) {
		return catalog.list(currentStore.id(), new ProductListing(q, status, vendor, type, tag, sort), cursor, limit);
	}

	@PostMapping("/api/admin/v1/products")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	@Operation(summary = "Create a product with its options and variants in one call")
	ResponseEntity<Product> create(@Valid @RequestBody ProductDraft draft) {
		Product product = catalog.create(currentStore.id(), draft);
		return ResponseEntity.created(URI.create("/api/admin/v1/products/" + product.id())).body(product);
	}

	@GetMapping("/api/admin/v1/products/{id}")
	@PreAuthorize("hasAuthority('CATALOG_READ')")
	@Operation(summary = "Get a product with its variants")
	Product get(@PathVariable UUID id) {
		return catalog.get(currentStore.id(), new ProductId(id));
	}

	@PatchMapping("/api/admin/v1/products/{id}")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	@Operation(summary = "Change a product; absent fields stay, a list given (variants, tags …) replaces the list")
	Product update(@PathVariable UUID id, @Valid @RequestBody ProductDraft draft) {
		return catalog.update(currentStore.id(), new ProductId(id), draft);
	}

	@DeleteMapping("/api/admin/v1/products/{id}")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	@Operation(summary = "Delete a product and its variants")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		catalog.delete(currentStore.id(), new ProductId(id));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/admin/v1/products/bulk")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	@Operation(summary = "Publish, archive, tag or reprice many products at once (all or nothing)")
	BulkResult bulk(@Valid @RequestBody BulkRequest request) {
		List<String> tags = request.tags() == null ? List.of() : request.tags();
		CatalogManagement.BulkAction action = switch (request.action()) {
			case PUBLISH -> new CatalogManagement.BulkAction.Publish(true);
			case UNPUBLISH -> new CatalogManagement.BulkAction.Publish(false);
			case ACTIVATE -> new CatalogManagement.BulkAction.SetStatus(ProductStatus.ACTIVE);
			case ARCHIVE -> new CatalogManagement.BulkAction.SetStatus(ProductStatus.ARCHIVED);
			case DRAFT -> new CatalogManagement.BulkAction.SetStatus(ProductStatus.DRAFT);
			case ADD_TAGS -> new CatalogManagement.BulkAction.Tag(requireTags(tags), List.of());
			case REMOVE_TAGS -> new CatalogManagement.BulkAction.Tag(List.of(), requireTags(tags));
			case ADJUST_PRICE_AMOUNT -> new CatalogManagement.BulkAction.AdjustPrice(requireAmount(request.amount()), false);
			case ADJUST_PRICE_PERCENT -> new CatalogManagement.BulkAction.AdjustPrice(requireAmount(request.amount()), true);
		};
		return new BulkResult(catalog.bulk(currentStore.id(), request.productIds().stream().map(ProductId::new).toList(),
				action));
	}

	@GetMapping("/api/admin/v1/variants")
	@PreAuthorize("hasAuthority('CATALOG_READ')")
	@Operation(summary = "Look up a variant by its SKU")
	VariantWithProduct variantBySku(@RequestParam @NotBlank String sku) {
		Product product = catalog.findBySku(currentStore.id(), sku)
			.orElseThrow(() -> new ResourceNotFound("Variant with SKU", sku));
		Variant variant = product.variants().stream().filter(v -> sku.equals(v.sku())).findFirst().orElseThrow();
		return new VariantWithProduct(variant, product.id(), product.title(), product.handle());
	}

	@GetMapping("/api/admin/v1/attributes")
	@PreAuthorize("hasAuthority('CATALOG_READ')")
	@Operation(summary = "List the store's product attributes")
	Page<Attribute> attributes() {
		return new Page<>(catalog.attributes(currentStore.id()), null);
	}

	@PostMapping("/api/admin/v1/attributes")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	@Operation(summary = "Create a typed attribute (TEXT, NUMBER, BOOLEAN, CHOICE)")
	ResponseEntity<Attribute> createAttribute(@Valid @RequestBody AttributeRequest request) {
		Attribute attribute = catalog.createAttribute(currentStore.id(), request.code(), request.name(), request.type(),
				request.choices() == null ? List.of() : request.choices(), request.facet() == null || request.facet());
		return ResponseEntity.created(URI.create("/api/admin/v1/attributes/" + attribute.id())).body(attribute);
	}

	record AttributeUpdate(@Nullable @Size(min = 1, max = 120) String name, @Nullable List<@NotBlank String> choices,
			@Nullable Boolean facet) {
	}

	@PatchMapping("/api/admin/v1/attributes/{id}")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	@Operation(summary = "Rename an attribute, change its choices or whether it is a search filter",
			description = "Code and type cannot change. A choice that products still use cannot be removed (422 ATTRIBUTE_CHOICE_IN_USE).")
	Attribute updateAttribute(@PathVariable UUID id, @Valid @RequestBody AttributeUpdate request) {
		return catalog.updateAttribute(currentStore.id(), id, request.name(), request.choices(), request.facet());
	}

	@DeleteMapping("/api/admin/v1/attributes/{id}")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	@Operation(summary = "Delete an attribute and its values on all products")
	ResponseEntity<Void> deleteAttribute(@PathVariable UUID id) {
		catalog.deleteAttribute(currentStore.id(), id);
		return ResponseEntity.noContent().build();
	}

	private static List<String> requireTags(List<String> tags) {
		if (tags.isEmpty()) {
			throw dev.shopwright.platform.BusinessRuleViolation.ofField("VALIDATION_FAILED", "tags", "name the tags");
		}
		return tags;
	}

	private static BigDecimal requireAmount(@Nullable BigDecimal amount) {
		if (amount == null) {
			throw dev.shopwright.platform.BusinessRuleViolation.ofField("VALIDATION_FAILED", "amount", "is required");
		}
		return amount;
	}
}
