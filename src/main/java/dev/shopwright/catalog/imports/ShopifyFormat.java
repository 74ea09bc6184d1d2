package dev.shopwright.catalog.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.shopwright.catalog.InventoryPolicy;
import dev.shopwright.catalog.ProductDraft;
import dev.shopwright.catalog.ProductStatus;
import dev.shopwright.catalog.domain.Handles;
import dev.shopwright.catalog.domain.RemoteImages;
import dev.shopwright.shared.Money;

/**
 * Shopify's product CSV: rows share the product's Handle; the first row carries the product, each row with
 * option values, SKU or price is a variant, and rows with only an Image Src add images. Prices are read in the
 * store's default currency; "Variant Grams" is grams (Shopify's own definition), and a "Variant Weight"
 * column, where present, is converted from "Variant Weight Unit" (g, kg, lb, oz).
 */
@Component
class ShopifyFormat implements ProductCsvFormat {

	static final String HANDLE = "Handle";
	static final String TITLE = "Title";
	static final String BODY = "Body (HTML)";
	static final String VENDOR = "Vendor";
	static final String PRODUCT_CATEGORY = "Product Category";
	static final String TYPE = "Type";
	static final String TAGS = "Tags";
	static final String PUBLISHED = "Published";
	static final String SKU = "Variant SKU";
	static final String GRAMS = "Variant Grams";
	static final String WEIGHT = "Variant Weight";
	static final String INVENTORY_TRACKER = "Variant Inventory Tracker";
	static final String INVENTORY_QTY = "Variant Inventory Qty";
	static final String INVENTORY_POLICY = "Variant Inventory Policy";
	static final String FULFILLMENT_SERVICE = "Variant Fulfillment Service";
	static final String PRICE = "Variant Price";
	static final String COMPARE_AT_PRICE = "Variant Compare At Price";
	static final String REQUIRES_SHIPPING = "Variant Requires Shipping";
	static final String TAXABLE = "Variant Taxable";
	static final String BARCODE = "Variant Barcode";
	static final String IMAGE_SRC = "Image Src";
	static final String IMAGE_POSITION = "Image Position";
	static final String IMAGE_ALT = "Image Alt Text";
	static final String GIFT_CARD = "Gift Card";
	static final String SEO_TITLE = "SEO Title";
	static final String SEO_DESCRIPTION = "SEO Description";
	static final String VARIANT_IMAGE = "Variant Image";
	static final String WEIGHT_UNIT = "Variant Weight Unit";
	static final String TAX_CODE = "Variant Tax Code";
	static final String COST = "Cost per item";
	static final String STATUS = "Status";

	static String optionName(int n) {
		return "Option" + n + " Name";
	}

	static String optionValue(int n) {
		return "Option" + n + " Value";
	}

	/** The columns of Shopify's template, in its order; the export writes exactly these. */
	static final List<String> TEMPLATE = List.of(HANDLE, TITLE, BODY, VENDOR, PRODUCT_CATEGORY, TYPE, TAGS, PUBLISHED,
			optionName(1), optionValue(1), optionName(2), optionValue(2), optionName(3), optionValue(3), SKU, GRAMS,
			INVENTORY_TRACKER, INVENTORY_QTY, INVENTORY_POLICY, FULFILLMENT_SERVICE, PRICE, COMPARE_AT_PRICE,
			REQUIRES_SHIPPING, TAXABLE, BARCODE, IMAGE_SRC, IMAGE_POSITION, IMAGE_ALT, GIFT_CARD, SEO_TITLE,
			SEO_DESCRIPTION, VARIANT_IMAGE, WEIGHT_UNIT, TAX_CODE, COST, STATUS);

	private static final List<String> IMPORTED = List.of(HANDLE, TITLE, BODY, VENDOR, TYPE, TAGS, PUBLISHED, optionName(1),
			optionValue(1), optionName(2), optionValue(2), optionName(3), optionValue(3), SKU, GRAMS, WEIGHT,
			INVENTORY_POLICY, PRICE, COMPARE_AT_PRICE, TAXABLE, BARCODE, IMAGE_SRC, IMAGE_POSITION, IMAGE_ALT, SEO_TITLE,
			SEO_DESCRIPTION, VARIANT_IMAGE, COST, STATUS);

	private static final Map<String, String> NOT_IMPORTED = Map.of(
			Columns.normalise(INVENTORY_QTY), "stock belongs to inventory; quantities are not imported by this version",
			Columns.normalise(INVENTORY_TRACKER), "stock tracking belongs to inventory; not imported by this version",
			Columns.normalise(FULFILLMENT_SERVICE), "fulfillment services are not part of the catalog",
			Columns.normalise(REQUIRES_SHIPPING), "Shopwright has no per-variant shipping flag yet",
			Columns.normalise(GIFT_CARD), "gift cards are issued by payments; the rows were imported as ordinary products",
			Columns.normalise(PRODUCT_CATEGORY), "Shopify's product taxonomy has no place in Shopwright; use Type or categories",
			Columns.normalise(TAX_CODE), "tax codes belong to pricing and taxes");

	static final int MAX_DESCRIPTION = 512 * 1024;

	/** Columns read from a product's first row only. */
	private static final List<String> PRODUCT_COLUMNS = List.of(TITLE, BODY, VENDOR, TYPE, TAGS, PUBLISHED, STATUS,
			SEO_TITLE, SEO_DESCRIPTION, optionName(1), optionName(2), optionName(3));

	@Override
	public ImportFormat format() {
		return ImportFormat.SHOPIFY;
	}

	@Override
	public List<String> requiredColumns() {
		return List.of(HANDLE, TITLE);
	}

	@Override
	public @Nullable String notImported(Columns columns, String column) {
		String name = Columns.normalise(column);
		if (IMPORTED.stream().anyMatch(c -> Columns.normalise(c).equals(name))) {
			return null;
		}
		if (name.equals(Columns.normalise(WEIGHT_UNIT))) {
			return columns.has(WEIGHT) ? null
					: "Shopwright keeps weights in grams (from Variant Grams); the display unit is not stored";
		}
		String known = NOT_IMPORTED.get(name);
		if (known != null) {
			return known;
		}
		if (name.matches("option\\d linked to")) {
			return "options linked to metafields are not supported";
		}
		if (name.startsWith("google shopping")) {
			return "Google Shopping fields are not supported yet";
		}
		if (name.contains("metafields.")) {
			return "metafields are not supported yet";
		}
		if (name.startsWith("price /") || name.startsWith("compare at price /") || name.startsWith("included /")) {
			return "market prices belong to pricing";
		}
		return "Shopwright does not know this column";
	}

	@Override
	public Iterator<RowGroup> groups(Columns columns, Iterator<CSVRecord> records) {
		return new ConsecutiveGroups(records, record -> columns.get(record, HANDLE).toLowerCase(Locale.ROOT),
				columns.spelled(HANDLE));
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
		String rawHandle = columns.get(first, HANDLE);
		String handle = Handles.fromTitle(rawHandle);
		if (!handle.equals(rawHandle)) {
			product.warn(line, columns.spelled(HANDLE), "'" + Values.abbreviate(rawHandle) + "' was imported as '" + handle
					+ "' (handles are lowercase letters, digits and dashes)");
		}
		product.handle = handle;
		product.sources.put("handle", line, columns.spelled(HANDLE));

		String title = text(columns, first, TITLE, product, "title");
		String description = null;
		if (columns.has(BODY)) {
			description = columns.raw(first, BODY);
			product.sources.put("descriptionHtml", line, columns.spelled(BODY));
			if (description.length() > MAX_DESCRIPTION) {
				product.error(line, columns.spelled(BODY), "is %,d characters long; at most %,d (512 KB) are accepted"
					.formatted(description.length(), MAX_DESCRIPTION));
			}
		}
		String vendor = text(columns, first, VENDOR, product, "vendor");
		String type = text(columns, first, TYPE, product, "productType");
		List<String> tags = null;
		if (columns.has(TAGS)) {
			tags = splitTags(columns.get(first, TAGS));
			product.sources.put("tags", line, columns.spelled(TAGS));
		}
		Boolean published = null;
		if (!columns.get(first, PUBLISHED).isEmpty()) {
			try {
				published = Values.bool(columns.get(first, PUBLISHED));
			}
			catch (Values.BadValue ex) {
				product.error(line, columns.spelled(PUBLISHED), ex.getMessage());
			}
		}
		ProductStatus status = null;
		String statusText = columns.get(first, STATUS);
		if (!statusText.isEmpty()) {
			switch (statusText.toLowerCase(Locale.ROOT)) {
				case "active" -> status = ProductStatus.ACTIVE;
				case "draft" -> status = ProductStatus.DRAFT;
				case "archived" -> status = ProductStatus.ARCHIVED;
				default -> product.error(line, columns.spelled(STATUS), "'" + Values.abbreviate(statusText)
						+ "' is not active, draft or archived");
			}
		}
		else if (!columns.has(STATUS) && published != null) {
			status = published ? ProductStatus.ACTIVE : ProductStatus.DRAFT; // exports before 2021 had no Status
		}
		product.sources.put("status", line, columns.spelled(STATUS));
		product.sources.put("published", line, columns.spelled(PUBLISHED));
		String seoTitle = text(columns, first, SEO_TITLE, product, "seoTitle");
		String seoDescription = text(columns, first, SEO_DESCRIPTION, product, "seoDescription");

		List<String> optionNames = new ArrayList<>();
		for (int n = 1; n <= 3; n++) {
			String name = columns.get(first, optionName(n));
			if (!name.isEmpty()) {
				optionNames.add(name);
				product.sources.put("options[" + (n - 1) + "]", line, columns.spelled(optionName(n)));
			}
		}
		boolean variantColumns = columns.has(PRICE) || columns.has(SKU) || columns.has(optionValue(1));
		List<ProductDraft.VariantDraft> variants = null;
		if (variantColumns) {
			variants = new ArrayList<>();
			boolean defaultTitleOnly = optionNames.size() == 1 && optionNames.getFirst().equals("Title");
			for (CSVRecord row : group.rows()) {
				if (!isVariantRow(columns, row)) {
					continue;
				}
				if (defaultTitleOnly && !columns.get(row, optionValue(1)).equals("Default Title")) {
					defaultTitleOnly = false;
				}
				variants.add(variant(columns, row, variants.size(), optionNames, product, context));
			}
			if (defaultTitleOnly) {
				// Shopify's way of writing "no options": Option1 Name "Title", value "Default Title"
				optionNames.clear();
				variants = variants.stream().map(v -> new ProductDraft.VariantDraft(v.id(), v.sku(), v.barcode(), v.price(),
						v.compareAtPrice(), v.cost(), List.of(), v.weightGrams(), v.lengthMm(), v.widthMm(), v.heightMm(),
						v.taxable(), v.inventoryPolicy(), v.preorderLimit())).toList();
			}
		}
		images(columns, group, product);
		laterRows(columns, group, PRODUCT_COLUMNS, product);
		if (!product.errors.isEmpty()) {
			return product;
		}
		List<ProductDraft.OptionDraft> options = variants == null ? null
				: optionNames.stream().map(name -> new ProductDraft.OptionDraft(name, null)).toList();
		product.draft = new ProductDraft(title, null, description, vendor, type, tags, status, seoTitle, seoDescription,
				published, options, variants, null, null, null, null);
		return product;
	}

	private static boolean isVariantRow(Columns columns, CSVRecord row) {
		return !columns.get(row, PRICE).isEmpty() || !columns.get(row, SKU).isEmpty()
				|| !columns.get(row, optionValue(1)).isEmpty();
	}

	private ProductDraft.VariantDraft variant(Columns columns, CSVRecord row, int index, List<String> optionNames,
			ParsedProduct product, ReadContext context) {
		int line = CsvFiles.line(row);
		String at = "variants[" + index + "]";
		product.sources.put(at, line, "");
		if (index == 0) {
			product.sources.put("variants", line, columns.spelled(SKU));
		}
		List<String> values = new ArrayList<>();
		for (int n = 1; n <= 3; n++) {
			String value = columns.get(row, optionValue(n));
			if (n <= optionNames.size()) {
				if (value.isEmpty()) {
					product.error(line, columns.spelled(optionValue(n)), "is required: the product has the option '"
							+ optionNames.get(n - 1) + "'");
				}
				values.add(value);
			}
			else if (!value.isEmpty()) {
				product.error(line, columns.spelled(optionValue(n)), "has no option name; give " + optionName(n)
						+ " on the product's first row");
			}
		}
		product.sources.put(at + ".options", line, columns.spelled(optionValue(1)));
		String sku = columns.get(row, SKU);
		product.sources.put(at + ".sku", line, columns.spelled(SKU));
		if (!sku.isEmpty()) {
			ReadContext.SkuOwner earlier = context.claimSku(sku, line, product);
			if (earlier != null) {
				product.error(line, columns.spelled(SKU), "'" + sku + "' is also used by '" + earlier.product() + "' on line "
						+ earlier.line() + "; a SKU belongs to one variant");
			}
		}
		Money price = money(columns, row, PRICE, true, context, product, at + ".price");
		Money compareAt = money(columns, row, COMPARE_AT_PRICE, false, context, product, at + ".compareAtPrice");
		Money cost = money(columns, row, COST, false, context, product, at + ".cost");
		Integer grams = null;
		try {
			if (!columns.get(row, WEIGHT).isEmpty()) {
				product.sources.put(at + ".weightGrams", line, columns.spelled(WEIGHT));
				String unit = columns.get(row, WEIGHT_UNIT);
				if (unit.isEmpty()) {
					product.error(line, columns.spelled(WEIGHT_UNIT), "is required with " + WEIGHT + " (g, kg, lb or oz)");
				}
				else if (!Values.isWeightUnit(unit)) {
					product.error(line, columns.spelled(WEIGHT_UNIT), "'" + Values.abbreviate(unit) + "' is not g, kg, lb or oz");
				}
				else {
					grams = Values.grams(columns.get(row, WEIGHT), unit);
				}
			}
			else if (!columns.get(row, GRAMS).isEmpty()) {
				product.sources.put(at + ".weightGrams", line, columns.spelled(GRAMS));
				grams = Values.grams(columns.get(row, GRAMS), "g");
			}
		}
		catch (Values.BadValue ex) {
			product.error(line, columns.has(WEIGHT) ? columns.spelled(WEIGHT) : columns.spelled(GRAMS), ex.getMessage());
		}
		Boolean taxable = null;
		if (!columns.get(row, TAXABLE).isEmpty()) {
			try {
				taxable = Values.bool(columns.get(row, TAXABLE));
			}
			catch (Values.BadValue ex) {
				product.error(line, columns.spelled(TAXABLE), ex.getMessage());
			}
		}
		InventoryPolicy policy = null;
		String policyText = columns.get(row, INVENTORY_POLICY);
		if (!policyText.isEmpty()) {
			switch (policyText.toLowerCase(Locale.ROOT)) {
				case "deny" -> policy = InventoryPolicy.DENY;
				case "continue" -> policy = InventoryPolicy.CONTINUE;
				default -> product.error(line, columns.spelled(INVENTORY_POLICY), "'" + Values.abbreviate(policyText)
						+ "' is not deny or continue");
			}
		}
		// spreadsheets turn long barcodes into 4.00638E+12; exports guard them with a leading apostrophe
		String barcode = columns.get(row, BARCODE).replaceFirst("^'", "");
		product.sources.put(at + ".barcode", line, columns.spelled(BARCODE));
		return new ProductDraft.VariantDraft(null, sku.isEmpty() ? null : sku, barcode.isEmpty() ? null : barcode,
				price == null ? Money.zero(context.currency) : price, compareAt, cost, values, grams, null, null, null,
				taxable, policy, null);
	}

	private static void images(Columns columns, RowGroup group, ParsedProduct product) {
		record Positioned(int position, int order, ParsedProduct.Image image) {
		}
		List<Positioned> found = new ArrayList<>();
		for (CSVRecord row : group.rows()) {
			int line = CsvFiles.line(row);
			String src = columns.get(row, IMAGE_SRC);
			if (!src.isEmpty()) {
				String problem = RemoteImages.problemWith(src);
				if (problem != null) {
					product.error(line, columns.spelled(IMAGE_SRC), "'" + Values.abbreviate(src) + "' " + problem);
					continue;
				}
				int position = Integer.MAX_VALUE;
				String positionText = columns.get(row, IMAGE_POSITION);
				if (!positionText.isEmpty()) {
					try {
						position = Values.integer(positionText, 1, 10_000);
					}
					catch (Values.BadValue ex) {
						product.error(line, columns.spelled(IMAGE_POSITION), ex.getMessage());
					}
				}
				found.add(new Positioned(position, found.size(),
						new ParsedProduct.Image(src, columns.get(row, IMAGE_ALT), line, columns.spelled(IMAGE_SRC))));
			}
			String variantImage = columns.get(row, VARIANT_IMAGE);
			if (!variantImage.isEmpty()) {
				String problem = RemoteImages.problemWith(variantImage);
				if (problem != null) {
					product.error(line, columns.spelled(VARIANT_IMAGE), "'" + Values.abbreviate(variantImage) + "' " + problem);
					continue;
				}
				product.warn(line, columns.spelled(VARIANT_IMAGE), "images added to the product, not linked to the variant "
						+ "(Shopwright does not link images to variants)");
				found.add(new Positioned(Integer.MAX_VALUE, 100_000 + found.size(),
						new ParsedProduct.Image(variantImage, "", line, columns.spelled(VARIANT_IMAGE))));
			}
		}
		found.sort(Comparator.comparingInt(Positioned::position).thenComparingInt(Positioned::order));
		List<String> seen = new ArrayList<>();
		for (Positioned p : found) {
			if (!seen.contains(p.image().url())) {
				seen.add(p.image().url());
				product.images.add(p.image());
			}
		}
	}

	private static @Nullable Money money(Columns columns, CSVRecord row, String column, boolean required,
			ReadContext context, ParsedProduct product, String field) {
		int line = CsvFiles.line(row);
		product.sources.put(field, line, columns.spelled(column));
		String text = columns.get(row, column);
		if (text.isEmpty()) {
			if (required) {
				product.error(line, columns.spelled(column), "is required for every variant");
			}
			return null;
		}
		try {
			return Values.money(text, context.currency);
		}
		catch (Values.BadValue ex) {
			product.error(line, columns.spelled(column), ex.getMessage());
			return null;
		}
	}

	/** A text field of the first row: null if the file has no such column, so an update leaves it alone. */
	private static @Nullable String text(Columns columns, CSVRecord first, String column, ParsedProduct product,
			String field) {
		if (!columns.has(column)) {
			return null;
		}
		product.sources.put(field, CsvFiles.line(first), columns.spelled(column));
		String value = columns.get(first, column);
		return field.equals("title") && value.isEmpty() ? null : value;
	}

	/** Product columns filled differently on later rows of a product are not used: say so rather than drop them. */
	static void laterRows(Columns columns, RowGroup group, List<String> productColumns, ParsedProduct product) {
		CSVRecord first = group.rows().getFirst();
		for (CSVRecord row : group.rows().subList(1, group.rows().size())) {
			for (String column : productColumns) {
				String value = columns.get(row, column);
				if (!value.isEmpty() && !value.equals(columns.get(first, column))) {
					product.warn(CsvFiles.line(row), columns.spelled(column), "values on later rows of a product not imported "
							+ "(the product's first row counts)");
				}
			}
		}
	}

	static List<String> splitTags(String tags) {
		return java.util.Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
	}
}
