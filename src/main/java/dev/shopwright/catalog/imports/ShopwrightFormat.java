package dev.shopwright.catalog.imports;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.shopwright.catalog.InventoryPolicy;
import dev.shopwright.catalog.Product;
import dev.shopwright.catalog.ProductDraft;
import dev.shopwright.catalog.ProductStatus;
import dev.shopwright.catalog.domain.RemoteImages;
import dev.shopwright.shared.Money;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shopwright's own complete format: one row per variant, the product's fields on its first row, lists and
 * maps (tags, options, attributes, categories by handle, related products by handle, translations, images) as
 * JSON. Exporting and importing it again gives the same catalog.
 */
@Component
class ShopwrightFormat implements ProductCsvFormat {

	static final String HANDLE = "handle";
	static final String TITLE = "title";
	static final String STATUS = "status";
	static final String PUBLISHED = "published";
	static final String VENDOR = "vendor";
	static final String PRODUCT_TYPE = "product_type";
	static final String TAGS = "tags";
	static final String DESCRIPTION = "description_html";
	static final String SEO_TITLE = "seo_title";
	static final String SEO_DESCRIPTION = "seo_description";
	static final String OPTIONS = "options";
	static final String ATTRIBUTES = "attributes";
	static final String CATEGORIES = "categories";
	static final String RELATED = "related";
	static final String TRANSLATIONS = "translations";
	static final String IMAGES = "images";
	static final String SKU = "sku";
	static final String BARCODE = "barcode";
	static final String PRICE = "price";
	static final String COMPARE_AT_PRICE = "compare_at_price";
	static final String COST = "cost";
	static final String CURRENCY = "currency";
	static final String WEIGHT = "weight_grams";
	static final String LENGTH = "length_mm";
	static final String WIDTH = "width_mm";
	static final String HEIGHT = "height_mm";
	static final String TAXABLE = "taxable";
	static final String INVENTORY_POLICY = "inventory_policy";
	static final String PREORDER_LIMIT = "preorder_limit";

	static final List<String> COLUMNS = List.of(HANDLE, TITLE, STATUS, PUBLISHED, VENDOR, PRODUCT_TYPE, TAGS, DESCRIPTION,
			SEO_TITLE, SEO_DESCRIPTION, OPTIONS, ATTRIBUTES, CATEGORIES, RELATED, TRANSLATIONS, IMAGES, SKU, BARCODE,
			"option1", "option2", "option3", PRICE, COMPARE_AT_PRICE, COST, CURRENCY, WEIGHT, LENGTH, WIDTH, HEIGHT, TAXABLE,
			INVENTORY_POLICY, PREORDER_LIMIT);

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** An image as the "images" column lists it. */
	record ImageEntry(String url, @Nullable String alt) {
	}

	/** A link as the "related" column lists it. */
	record RelatedEntry(String handle, Product.RelationKind kind) {
	}

	@Override
	public ImportFormat format() {
		return ImportFormat.SHOPWRIGHT;
	}

	@Override
	public List<String> requiredColumns() {
		return List.of(HANDLE, TITLE, PRICE);
	}

	@Override
	public @Nullable String notImported(Columns columns, String column) {
		return COLUMNS.contains(Columns.normalise(column)) ? null : "Shopwright does not know this column";
	}

	@Override
	public boolean linksProducts() {
		return true;
	}

	@Override
	public Iterator<RowGroup> groups(Columns columns, Iterator<CSVRecord> records) {
		return new ConsecutiveGroups(records, record -> columns.get(record, HANDLE), columns.spelled(HANDLE));
	}

	@Override
	public ParsedProduct read(Columns columns, RowGroup group, ReadContext context) {
		CSVRecord first = group.rows().getFirst();
		ParsedProduct product = new ParsedProduct(group.key(), group.firstLine(), group.lastLine(), group.rows().size());
		if (group.problem() != null) {
			product.errors.add(group.problem());
			return product;
		}
		int line = CsvFiles.line(first);
		product.handle = columns.get(first, HANDLE);
		product.sources.put("handle", line, HANDLE);
		String title = text(columns, first, TITLE, "title", product);
		if (title != null && title.isEmpty()) {
			title = null;
		}
		String description = null;
		if (columns.has(DESCRIPTION)) {
			description = columns.raw(first, DESCRIPTION);
			product.sources.put("descriptionHtml", line, DESCRIPTION);
			if (description.length() > ShopifyFormat.MAX_DESCRIPTION) {
				product.error(line, DESCRIPTION, "is %,d characters long; at most %,d (512 KB) are accepted"
					.formatted(description.length(), ShopifyFormat.MAX_DESCRIPTION));
			}
		}
		ProductStatus status = null;
		String statusText = columns.get(first, STATUS);
		product.sources.put("status", line, STATUS);
		if (!statusText.isEmpty()) {
			try {
				status = ProductStatus.valueOf(statusText.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				product.error(line, STATUS, "'" + Values.abbreviate(statusText) + "' is not DRAFT, ACTIVE or ARCHIVED");
			}
		}
		Boolean published = bool(columns, first, PUBLISHED, "published", product);
		String vendor = text(columns, first, VENDOR, "vendor", product);
		String type = text(columns, first, PRODUCT_TYPE, "productType", product);
		String seoTitle = text(columns, first, SEO_TITLE, "seoTitle", product);
		String seoDescription = text(columns, first, SEO_DESCRIPTION, "seoDescription", product);
		List<String> tags = json(columns, first, TAGS, "tags", new TypeReference<List<String>>() {
		}, product);
		List<ProductDraft.OptionDraft> options = json(columns, first, OPTIONS, "options",
				new TypeReference<List<ProductDraft.OptionDraft>>() {
				}, product);
		Map<String, String> attributes = json(columns, first, ATTRIBUTES, "attributes",
				new TypeReference<Map<String, String>>() {
				}, product);
		product.categoryHandles = json(columns, first, CATEGORIES, "categoryIds", new TypeReference<List<String>>() {
		}, product);
		List<RelatedEntry> related = json(columns, first, RELATED, "related", new TypeReference<List<RelatedEntry>>() {
		}, product);
		if (related != null) {
			product.related = related.stream().map(r -> new ParsedProduct.RelatedHandle(r.handle(), r.kind())).toList();
		}
		Map<String, Product.Translation> translations = json(columns, first, TRANSLATIONS, "translations",
				new TypeReference<Map<String, Product.Translation>>() {
				}, product);
		List<ImageEntry> images = json(columns, first, IMAGES, "images", new TypeReference<List<ImageEntry>>() {
		}, product);
		if (images != null) {
			for (ImageEntry image : images) {
				String problem = image.url() == null ? "has an image without url" : RemoteImages.problemWith(image.url());
				if (problem != null) {
					product.error(line, IMAGES, "'" + Values.abbreviate(String.valueOf(image.url())) + "' " + problem);
				}
				else {
					product.images.add(new ParsedProduct.Image(image.url(), image.alt() == null ? "" : image.alt(), line,
							IMAGES));
				}
			}
		}
		ShopifyFormat.laterRows(columns, group, COLUMNS.subList(1, COLUMNS.indexOf(SKU)), product);
		int optionCount = options != null ? options.size() : 0;
		List<ProductDraft.VariantDraft> variants = new ArrayList<>();
		for (CSVRecord row : group.rows()) {
			variants.add(variant(columns, row, variants.size(), optionCount, product, context));
		}
		if (!product.errors.isEmpty()) {
			return product;
		}
		product.draft = new ProductDraft(title, null, description, vendor, type, tags, status, seoTitle, seoDescription,
				published, options, variants, attributes, null, translations, null);
		return product;
	}

	private ProductDraft.VariantDraft variant(Columns columns, CSVRecord row, int index, int optionCount,
			ParsedProduct product, ReadContext context) {
		int line = CsvFiles.line(row);
		String at = "variants[" + index + "]";
		product.sources.put(at, line, "");
		if (index == 0) {
			product.sources.put("variants", line, SKU);
		}
		String currency = columns.get(row, CURRENCY);
		if (!currency.isEmpty() && !currency.equalsIgnoreCase(context.currency.getCurrencyCode())) {
			product.error(line, CURRENCY, "prices are in " + currency + ", but the store's currency is "
					+ context.currency.getCurrencyCode() + "; convert them first");
		}
		String sku = columns.get(row, SKU);
		product.sources.put(at + ".sku", line, SKU);
		if (!sku.isEmpty()) {
			ReadContext.SkuOwner earlier = context.claimSku(sku, line, product);
			if (earlier != null) {
				product.error(line, SKU, "'" + sku + "' is also used by '" + earlier.product() + "' on line " + earlier.line()
						+ "; a SKU belongs to one variant");
			}
		}
		List<String> values = new ArrayList<>();
		for (int n = 1; n <= 3; n++) {
			String value = columns.get(row, "option" + n);
			if (n <= optionCount) {
				values.add(value);
			}
			else if (!value.isEmpty()) {
				product.error(line, "option" + n, "has a value, but the product has only " + optionCount + " options");
			}
		}
		product.sources.put(at + ".options", line, "option1");
		String barcode = columns.get(row, BARCODE);
		product.sources.put(at + ".barcode", line, BARCODE);
		Money price = money(columns, row, PRICE, at + ".price", product, context);
		if (price == null && columns.get(row, PRICE).isEmpty()) {
			product.error(line, PRICE, "is required for every variant");
		}
		InventoryPolicy policy = null;
		String policyText = columns.get(row, INVENTORY_POLICY);
		product.sources.put(at + ".inventoryPolicy", line, INVENTORY_POLICY);
		if (!policyText.isEmpty()) {
			try {
				policy = InventoryPolicy.valueOf(policyText.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				product.error(line, INVENTORY_POLICY, "'" + Values.abbreviate(policyText) + "' is not DENY, CONTINUE or PREORDER");
			}
		}
		return new ProductDraft.VariantDraft(null, sku.isEmpty() ? null : sku, barcode.isEmpty() ? null : barcode,
				price == null ? Money.zero(context.currency) : price,
				money(columns, row, COMPARE_AT_PRICE, at + ".compareAtPrice", product, context),
				money(columns, row, COST, at + ".cost", product, context), values,
				integer(columns, row, WEIGHT, at + ".weightGrams", 10_000_000, product),
				integer(columns, row, LENGTH, at + ".lengthMm", 100_000, product),
				integer(columns, row, WIDTH, at + ".widthMm", 100_000, product),
				integer(columns, row, HEIGHT, at + ".heightMm", 100_000, product),
				bool(columns, row, TAXABLE, at + ".taxable", product), policy,
				integer(columns, row, PREORDER_LIMIT, at + ".preorderLimit", Integer.MAX_VALUE, product));
	}

	private static @Nullable String text(Columns columns, CSVRecord row, String column, String field,
			ParsedProduct product) {
		if (!columns.has(column)) {
			return null;
		}
		product.sources.put(field, CsvFiles.line(row), column);
		return columns.get(row, column);
	}

	private static @Nullable Boolean bool(Columns columns, CSVRecord row, String column, String field,
			ParsedProduct product) {
		String text = columns.get(row, column);
		product.sources.put(field, CsvFiles.line(row), column);
		if (text.isEmpty()) {
			return null;
		}
		try {
			return Values.bool(text);
		}
		catch (Values.BadValue ex) {
			product.error(CsvFiles.line(row), column, ex.getMessage());
			return null;
		}
	}

	private static @Nullable Integer integer(Columns columns, CSVRecord row, String column, String field, int max,
			ParsedProduct product) {
		String text = columns.get(row, column);
		product.sources.put(field, CsvFiles.line(row), column);
		if (text.isEmpty()) {
			return null;
		}
		try {
			return Values.integer(text, 0, max);
		}
		catch (Values.BadValue ex) {
			product.error(CsvFiles.line(row), column, ex.getMessage());
			return null;
		}
	}

	private static @Nullable Money money(Columns columns, CSVRecord row, String column, String field,
			ParsedProduct product, ReadContext context) {
		String text = columns.get(row, column);
		product.sources.put(field, CsvFiles.line(row), column);
		if (text.isEmpty()) {
			return null;
		}
		try {
			return Values.money(text, context.currency);
		}
		catch (Values.BadValue ex) {
			product.error(CsvFiles.line(row), column, ex.getMessage());
			return null;
		}
	}

	/** A JSON column: null if the file lacks the column (leave the field alone), empty when the cell is blank. */
	private static <T> @Nullable T json(Columns columns, CSVRecord row, String column, String field,
			TypeReference<T> type, ParsedProduct product) {
		if (!columns.has(column)) {
			return null;
		}
		product.sources.put(field, CsvFiles.line(row), column);
		String text = columns.get(row, column);
		try {
			if (text.isEmpty()) {
				return JSON.readValue(text.isEmpty() && (column.equals(ATTRIBUTES) || column.equals(TRANSLATIONS)) ? "{}" : "[]",
						type);
			}
			return JSON.readValue(text, type);
		}
		catch (JacksonException ex) {
			product.error(CsvFiles.line(row), column, "is not valid JSON of the expected shape: "
					+ Values.abbreviate(ex.getOriginalMessage()));
			return null;
		}
	}

	static String write(Object value) {
		return JSON.writeValueAsString(value);
	}

	static Map<String, Object> image(String url, String alt) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("url", url);
		entry.put("alt", alt);
		return entry;
	}
}
