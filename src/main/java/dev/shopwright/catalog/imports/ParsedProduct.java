package dev.shopwright.catalog.imports;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.shopwright.catalog.ProductDraft;

/** One product as read from its rows of the file: what to write, how to find it again, and what was wrong. */
final class ParsedProduct {

	/** An image to attach, at its place in the product's gallery. */
	record Image(String url, String alt, int line, String column) {
	}

	/** Another product named by handle (own format), linked once every product of the file exists. */
	record RelatedHandle(String handle, dev.shopwright.catalog.Product.RelationKind kind) {
	}

	/** Another product named by one of its SKUs (WooCommerce up-sells and cross-sells), linked at the end likewise. */
	record RelatedSku(String sku, dev.shopwright.catalog.Product.RelationKind kind) {
	}

	/** How the product is named in reports: its handle, or its SKU or name. */
	final String label;

	final int firstLine;

	final int lastLine;

	final int rows;

	final SourceMap sources;

	final List<Issue> errors = new ArrayList<>();

	final List<Issue> warnings = new ArrayList<>();

	final List<Image> images = new ArrayList<>();

	/** Find the existing product by this handle (Shopify, own format) … */
	@Nullable String handle;

	/** … or by any of these SKUs (WooCommerce). */
	List<String> skus = List.of();

	@Nullable ProductDraft draft;

	/** Products to link by handle once the whole file is in (own format), null to leave the links alone. */
	@Nullable List<RelatedHandle> related;

	/** Products to link by SKU once the whole file is in (WooCommerce), null to leave the links alone. */
	@Nullable List<RelatedSku> relatedSkus;

	/** Category handles to resolve to ids (own format), null to leave the categories alone. */
	@Nullable List<String> categoryHandles;

	ParsedProduct(String label, int firstLine, int lastLine, int rows) {
		this.label = label;
		this.firstLine = firstLine;
		this.lastLine = lastLine;
		this.rows = rows;
		this.sources = new SourceMap(firstLine);
	}

	void error(int line, String column, String message) {
		errors.add(new Issue(line, column, message));
	}

	void warn(int line, String column, String message) {
		warnings.add(new Issue(line, column, message));
	}
}
