package dev.shopwright.catalog;

/** Only ACTIVE products that are published can be seen and bought by shoppers. */
public enum ProductStatus {
	DRAFT, ACTIVE, ARCHIVED
}
