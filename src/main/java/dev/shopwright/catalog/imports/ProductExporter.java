package dev.shopwright.catalog.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.InventoryPolicy;
import dev.shopwright.catalog.Media;
import dev.shopwright.catalog.Product;
import dev.shopwright.catalog.ProductId;
import dev.shopwright.catalog.ProductListing;
import dev.shopwright.catalog.Variant;
import dev.shopwright.catalog.domain.ProductMedia;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;

/**
 * Writes the whole catalog of a store as CSV, page by page, straight to the response: our own format (every
 * field; importing it again gives the same catalog) or Shopify's template (what it can carry).
 */
@Component
class ProductExporter {

	private static final int PAGE = 200;

	private final CatalogManagement catalog;

	private final ProductMedia media;

	private final CatalogLookups lookups;

	ProductExporter(CatalogManagement catalog, ProductMedia media, CatalogLookups lookups) {
		this.catalog = catalog;
		this.media = media;
		this.lookups = lookups;
	}

	/** {@code baseUrl} makes our image paths absolute, so that another shop (or another store) can fetch them. */
	/** Returns how many products were written. */
	int export(StoreId store, ImportFormat format, String baseUrl, OutputStream out) throws IOException {
		if (format == ImportFormat.WOOCOMMERCE) {
			throw new IllegalArgumentException("WooCommerce is an import format only; export SHOPIFY or SHOPWRIGHT");
		}
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		try (CSVPrinter csv = new CSVPrinter(writer, CsvFiles.WRITE_FORMAT)) {
			csv.printRecord(format == ImportFormat.SHOPIFY ? ShopifyFormat.TEMPLATE : ShopwrightFormat.COLUMNS);
			ProductListing listing = new ProductListing(null, null, null, null, null, ProductListing.Sort.TITLE);
			String cursor = null;
			int written = 0;
			do {
				var page = catalog.list(store, listing, cursor, PAGE);
				written += page.items().size();
				List<ProductId> ids = page.items().stream().map(Product::id).toList();
				Map<ProductId, List<Media>> images = media.of(store, ids);
				if (format == ImportFormat.SHOPIFY) {
					for (Product product : page.items()) {
						shopify(csv, product, images.getOrDefault(product.id(), List.of()), baseUrl);
					}
				}
				else {
					Set<UUID> categoryIds = new HashSet<>();
					Set<UUID> relatedIds = new HashSet<>();
					page.items().forEach(p -> {
						categoryIds.addAll(p.categoryIds());
						p.related().forEach(r -> relatedIds.add(r.productId().value()));
					});
					Map<UUID, String> categories = lookups.categoryHandles(store, categoryIds);
					Map<UUID, String> related = lookups.productHandles(store, relatedIds);
					for (Product product : page.items()) {
						own(csv, product, images.getOrDefault(product.id(), List.of()), baseUrl, categories, related);
					}
				}
				csv.flush();
				cursor = page.nextCursor();
			}
			while (cursor != null);
			return written;
		}
	}

	private static void shopify(CSVPrinter csv, Product p, List<Media> images, String baseUrl) throws IOException {
		List<Variant> variants = p.variants();
		int rows = Math.max(variants.size(), images.size());
		for (int i = 0; i < rows; i++) {
			Map<String, String> row = new LinkedHashMap<>();
			ShopifyFormat.TEMPLATE.forEach(column -> row.put(column, ""));
			row.put(ShopifyFormat.HANDLE, p.handle());
			if (i == 0) {
				row.put(ShopifyFormat.TITLE, p.title());
				row.put(ShopifyFormat.BODY, p.descriptionHtml());
				row.put(ShopifyFormat.VENDOR, nullToEmpty(p.vendor()));
				row.put(ShopifyFormat.TYPE, nullToEmpty(p.productType()));
				row.put(ShopifyFormat.TAGS, String.join(", ", p.tags()));
				row.put(ShopifyFormat.PUBLISHED, p.published() ? "TRUE" : "FALSE");
				row.put(ShopifyFormat.GIFT_CARD, "FALSE");
				row.put(ShopifyFormat.SEO_TITLE, nullToEmpty(p.seoTitle()));
				row.put(ShopifyFormat.SEO_DESCRIPTION, nullToEmpty(p.seoDescription()));
				row.put(ShopifyFormat.STATUS, p.status().name().toLowerCase(Locale.ROOT));
				if (p.options().isEmpty()) {
					row.put(ShopifyFormat.optionName(1), "Title");
				}
				for (int n = 0; n < p.options().size(); n++) {
					row.put(ShopifyFormat.optionName(n + 1), p.options().get(n).name());
				}
			}
			if (i < variants.size()) {
				Variant v = variants.get(i);
				if (v.options().isEmpty()) {
					row.put(ShopifyFormat.optionValue(1), "Default Title");
				}
				for (int n = 0; n < v.options().size(); n++) {
					row.put(ShopifyFormat.optionValue(n + 1), v.options().get(n));
				}
				row.put(ShopifyFormat.SKU, nullToEmpty(v.sku()));
				row.put(ShopifyFormat.GRAMS, v.weightGrams() == null ? "" : v.weightGrams().toString());
				row.put(ShopifyFormat.WEIGHT_UNIT, v.weightGrams() == null ? "" : "g");
				// Shopify has no pre-orders: it keeps selling, which is the nearest
				row.put(ShopifyFormat.INVENTORY_POLICY, v.inventoryPolicy() == InventoryPolicy.DENY ? "deny" : "continue");
				row.put(ShopifyFormat.FULFILLMENT_SERVICE, "manual");
				row.put(ShopifyFormat.PRICE, amount(v.price()));
				row.put(ShopifyFormat.COMPARE_AT_PRICE, amount(v.compareAtPrice()));
				row.put(ShopifyFormat.TAXABLE, v.taxable() ? "TRUE" : "FALSE");
				row.put(ShopifyFormat.BARCODE, nullToEmpty(v.barcode()));
				row.put(ShopifyFormat.COST, amount(v.cost()));
			}
			if (i < images.size()) {
				Media image = images.get(i);
				row.put(ShopifyFormat.IMAGE_SRC, imageUrl(image, baseUrl));
				row.put(ShopifyFormat.IMAGE_POSITION, String.valueOf(i + 1));
				row.put(ShopifyFormat.IMAGE_ALT, image.alt());
			}
			CsvFiles.print(csv, row.values());
		}
	}

	private static void own(CSVPrinter csv, Product p, List<Media> images, String baseUrl, Map<UUID, String> categories,
			Map<UUID, String> related) throws IOException {
		boolean first = true;
		for (Variant v : p.variants()) {
			List<String> row = new ArrayList<>();
			if (first) {
				List<Map<String, Object>> imageEntries = images.stream()
					.map(m -> ShopwrightFormat.image(imageUrl(m, baseUrl), m.alt())).toList();
				List<Map<String, String>> relatedEntries = p.related().stream().filter(r -> related.containsKey(r.productId().value()))
					.map(r -> Map.of("handle", related.get(r.productId().value()), "kind", r.kind().name())).toList();
				row.addAll(Arrays.asList(p.handle(), p.title(), p.status().name(), String.valueOf(p.published()),
						nullToEmpty(p.vendor()), nullToEmpty(p.productType()), ShopwrightFormat.write(p.tags()),
						p.descriptionHtml(), nullToEmpty(p.seoTitle()), nullToEmpty(p.seoDescription()),
						ShopwrightFormat.write(p.options()), ShopwrightFormat.write(p.attributes()),
						ShopwrightFormat.write(p.categoryIds().stream().map(categories::get).filter(java.util.Objects::nonNull).toList()),
						ShopwrightFormat.write(relatedEntries), ShopwrightFormat.write(p.translations()),
						ShopwrightFormat.write(imageEntries)));
			}
			else {
				row.add(p.handle());
				for (int i = 1; i < 16; i++) {
					row.add("");
				}
			}
			first = false;
			List<String> options = v.options();
			row.addAll(Arrays.asList(nullToEmpty(v.sku()), nullToEmpty(v.barcode()), options.size() > 0 ? options.get(0) : "",
					options.size() > 1 ? options.get(1) : "", options.size() > 2 ? options.get(2) : "", amount(v.price()),
					amount(v.compareAtPrice()), amount(v.cost()), v.price().currency().getCurrencyCode(), number(v.weightGrams()),
					number(v.lengthMm()), number(v.widthMm()), number(v.heightMm()), String.valueOf(v.taxable()),
					v.inventoryPolicy().name(), number(v.preorderLimit())));
			CsvFiles.print(csv, row);
		}
	}

	/** Stored images by their address on this server; the others by the address they were to be fetched from. */
	private static String imageUrl(Media image, String baseUrl) {
		if (image.url() != null) {
			return baseUrl + image.url();
		}
		return nullToEmpty(image.sourceUrl());
	}

	private static String amount(@Nullable Money money) {
		return money == null ? "" : money.amount().toPlainString();
	}

	private static String number(@Nullable Integer value) {
		return value == null ? "" : value.toString();
	}

	private static String nullToEmpty(@Nullable String value) {
		return value == null ? "" : value;
	}
}
