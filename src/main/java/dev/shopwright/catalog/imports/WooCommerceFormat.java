package dev.shopwright.catalog.imports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
 * WooCommerce's product exporter: one row per product, plus one row per variation that names its parent by
 * SKU or {@code id:N}. Variations may come anywhere in the file, so the file is read into memory to group
 * them. A variable product's variation attributes become options; its other attributes go to catalog
 * attributes of the same code, where the store has them. "Sale price" is the price and "Regular price" the
 * compare-at price while the sale runs.
 */
@Component
class WooCommerceFormat implements ProductCsvFormat {

	static final String ID = "ID";
	static final String TYPE = "Type";
	static final String SKU = "SKU";
	static final String GTIN = "GTIN, UPC, EAN, or ISBN";
	static final String NAME = "Name";
	static final String PUBLISHED = "Published";
	static final String DESCRIPTION = "Description";
	static final String SALE_STARTS = "Date sale price starts";
	static final String SALE_ENDS = "Date sale price ends";
	static final String TAX_STATUS = "Tax status";
	static final String BACKORDERS = "Backorders allowed?";
	static final String SALE_PRICE = "Sale price";
	static final String REGULAR_PRICE = "Regular price";
	static final String CATEGORIES = "Categories";
	static final String TAGS = "Tags";
	static final String IMAGES = "Images";
	static final String PARENT = "Parent";
	static final String BRANDS = "Brands";
	static final String UPSELLS = "Upsells";
	static final String CROSS_SELLS = "Cross-sells";

	private static final Set<String> IMPORTED = Set.of(ID, TYPE, SKU, GTIN, NAME, PUBLISHED, DESCRIPTION, SALE_STARTS,
			SALE_ENDS, TAX_STATUS, BACKORDERS, SALE_PRICE, REGULAR_PRICE, CATEGORIES, TAGS, IMAGES, PARENT, BRANDS, UPSELLS,
			CROSS_SELLS)
		.stream().map(Columns::normalise).collect(java.util.stream.Collectors.toSet());

	private static final Map<String, String> NOT_IMPORTED = Map.ofEntries(
			Map.entry("short description", "Shopwright has no short description; put it into the description"),
			Map.entry("is featured?", "featured products are not supported yet; use a tag"),
			Map.entry("visibility in catalog", "catalog visibility (search only, hidden) is not supported; use Published"),
			Map.entry("tax class", "tax classes belong to pricing and taxes"),
			Map.entry("in stock?", "stock belongs to inventory; not imported by this version"),
			Map.entry("stock", "stock belongs to inventory; quantities are not imported by this version"),
			Map.entry("low stock amount", "stock alerts belong to inventory; not imported by this version"),
			Map.entry("sold individually?", "purchase limits are not supported yet"),
			Map.entry("allow customer reviews?", "reviews belong to support"),
			Map.entry("purchase note", "purchase notes are not supported"),
			Map.entry("shipping class", "shipping classes belong to fulfillment"),
			Map.entry("download limit", "downloadable products are not supported"),
			Map.entry("download expiry days", "downloadable products are not supported"),
			Map.entry("grouped products", "grouped products are not supported"),
			Map.entry("external url", "external (affiliate) products are not supported"),
			Map.entry("button text", "external (affiliate) products are not supported"),
			Map.entry("position", "WooCommerce's menu order is not kept"));

	@Override
	public ImportFormat format() {
		return ImportFormat.WOOCOMMERCE;
	}

	@Override
	public List<String> requiredColumns() {
		return List.of(TYPE, SKU, NAME);
	}

	/** Up-sells and cross-sells may name products further down the file. */
	@Override
	public boolean linksProducts() {
		return true;
	}

	@Override
	public @Nullable String notImported(Columns columns, String column) {
		String name = Columns.normalise(column);
		if (IMPORTED.contains(name) || name.matches("attribute \\d+ (name|value\\(s\\))")
				|| name.matches("(weight|length|width|height) \\(.*\\)")) {
			return null;
		}
		String known = NOT_IMPORTED.get(name);
		if (known != null) {
			return known;
		}
		if (name.matches("attribute \\d+ visible")) {
			return "whether an attribute is shown on the product page is not kept";
		}
		if (name.matches("attribute \\d+ global")) {
			return "global attributes are matched by name; the flag is not kept";
		}
		if (name.matches("attribute \\d+ default")) {
			return "default variations are not kept";
		}
		if (name.startsWith("download ")) {
			return "downloadable products are not supported";
		}
		if (name.startsWith("meta:")) {
			return "custom fields (meta) are not imported";
		}
		return "Shopwright does not know this column";
	}

	@Override
	public Iterator<RowGroup> groups(Columns columns, Iterator<CSVRecord> records) {
		List<CSVRecord> all = new ArrayList<>();
		records.forEachRemaining(record -> {
			if (!CsvFiles.blank(record)) {
				all.add(record);
			}
		});
		Map<String, List<CSVRecord>> byParentRow = new LinkedHashMap<>();
		Map<String, String> parentById = new HashMap<>();
		Map<String, String> parentBySku = new HashMap<>();
		TreeMap<Integer, RowGroup> ordered = new TreeMap<>();
		for (CSVRecord record : all) {
			if (types(columns.get(record, TYPE)).contains("variation")) {
				continue;
			}
			String key = "line:" + CsvFiles.line(record);
			byParentRow.put(key, new ArrayList<>(List.of(record)));
			String id = columns.get(record, ID);
			if (!id.isEmpty()) {
				parentById.putIfAbsent(id, key);
			}
			String sku = columns.get(record, SKU);
			if (!sku.isEmpty()) {
				parentBySku.putIfAbsent(sku, key);
			}
		}
		for (CSVRecord record : all) {
			if (!types(columns.get(record, TYPE)).contains("variation")) {
				continue;
			}
			String parent = columns.get(record, PARENT);
			String key = parent.toLowerCase(Locale.ROOT).startsWith("id:") ? parentById.get(parent.substring(3).strip())
					: parentBySku.get(parent);
			if (key == null) {
				String detail = parent.isEmpty() ? "is empty; a variation names its parent by SKU or id:N"
						: "'" + Values.abbreviate(parent) + "' is not a product of this file; a variation needs its parent "
								+ "product in the same file";
				ordered.put(CsvFiles.line(record), new RowGroup(label(columns, record), List.of(record),
						new Issue(CsvFiles.line(record), columns.spelled(PARENT), detail)));
			}
			else {
				byParentRow.get(key).add(record);
			}
		}
		// WooCommerce's exporter names linked products by SKU, or by id:N when they have none: N stands for the
		// product's SKU, or for a variable product's variation SKUs (only variants carry SKUs here)
		Map<String, List<String>> skusById = new HashMap<>();
		byParentRow.values().forEach(rows -> {
			String id = columns.get(rows.getFirst(), ID);
			List<String> skus = (rows.size() == 1 ? rows : rows.subList(1, rows.size())).stream()
				.map(row -> columns.get(row, SKU)).filter(sku -> !sku.isEmpty()).toList();
			if (!id.isEmpty() && !skus.isEmpty()) {
				skusById.put(id, skus);
			}
		});
		byParentRow.values().forEach(rows -> ordered.put(CsvFiles.line(rows.getFirst()),
				new RowGroup(label(columns, rows.getFirst()), rows, null, skusById)));
		return ordered.values().iterator();
	}

	private static String label(Columns columns, CSVRecord record) {
		String sku = columns.get(record, SKU);
		return !sku.isEmpty() ? sku : !columns.get(record, NAME).isEmpty() ? columns.get(record, NAME)
				: "(line " + CsvFiles.line(record) + ")";
	}

	@Override
	public ParsedProduct read(Columns columns, RowGroup group, ReadContext context) {
		ParsedProduct product = new ParsedProduct(group.key(), group.firstLine(), group.lastLine(), group.rows().size());
		if (group.problem() != null) {
			product.errors.add(group.problem());
			return product;
		}
		CSVRecord parent = group.rows().getFirst();
		int line = CsvFiles.line(parent);
		Set<String> types = types(columns.get(parent, TYPE));
		boolean variable = types.contains("variable");
		if (!types.contains("simple") && !variable) {
			String type = columns.get(parent, TYPE);
			product.error(line, columns.spelled(TYPE), type.isEmpty() ? "is empty (simple, variable or variation)"
					: "'" + Values.abbreviate(type) + "' products are not supported; Shopwright imports simple and variable "
							+ "products with their variations");
			return product;
		}
		String title = columns.get(parent, NAME);
		product.sources.put("title", line, columns.spelled(NAME));
		String description = null;
		if (columns.has(DESCRIPTION)) {
			description = wooText(columns.raw(parent, DESCRIPTION));
			product.sources.put("descriptionHtml", line, columns.spelled(DESCRIPTION));
			if (description.length() > ShopifyFormat.MAX_DESCRIPTION) {
				product.error(line, columns.spelled(DESCRIPTION), "is %,d characters long; at most %,d (512 KB) are accepted"
					.formatted(description.length(), ShopifyFormat.MAX_DESCRIPTION));
			}
		}
		ProductStatus status = null;
		Boolean published = null;
		String publishedText = columns.get(parent, PUBLISHED);
		product.sources.put("status", line, columns.spelled(PUBLISHED));
		product.sources.put("published", line, columns.spelled(PUBLISHED));
		switch (publishedText) {
			case "" -> {
			}
			case "1" -> {
				status = ProductStatus.ACTIVE;
				published = true;
			}
			case "0" -> { // private: exists, but shoppers do not see it
				status = ProductStatus.ACTIVE;
				published = false;
			}
			case "-1" -> {
				status = ProductStatus.DRAFT;
				published = false;
			}
			default -> product.error(line, columns.spelled(PUBLISHED), "'" + Values.abbreviate(publishedText)
					+ "' is not 1 (published), 0 (private) or -1 (draft)");
		}
		List<String> tags = null;
		if (columns.has(TAGS)) {
			tags = ShopifyFormat.splitTags(columns.get(parent, TAGS));
			product.sources.put("tags", line, columns.spelled(TAGS));
		}
		String productType = null;
		if (columns.has(CATEGORIES)) {
			List<String> categories = ShopifyFormat.splitTags(columns.get(parent, CATEGORIES));
			productType = categories.isEmpty() ? "" : categories.getFirst().replace("\\,", ",");
			product.sources.put("productType", line, columns.spelled(CATEGORIES));
			if (categories.size() > 1) {
				product.warn(line, columns.spelled(CATEGORIES), "only the first category was imported, as the product type; "
						+ "assign the others as categories in Shopwright");
			}
		}
		String vendor = null;
		if (columns.has(BRANDS)) {
			List<String> brands = ShopifyFormat.splitTags(columns.get(parent, BRANDS));
			vendor = brands.isEmpty() ? "" : brands.getFirst();
			product.sources.put("vendor", line, columns.spelled(BRANDS));
			if (brands.size() > 1) {
				product.warn(line, columns.spelled(BRANDS), "only the first brand was imported, as the vendor");
			}
		}
		images(columns, parent, columns.spelled(IMAGES), product);
		related(columns, group, parent, product);

		List<Attribute> attributes = attributes(columns, parent);
		List<String> optionNames = new ArrayList<>();
		List<ProductDraft.VariantDraft> variants = new ArrayList<>();
		Shared shared = shared(columns, parent, product);
		if (variable) {
			String parentSku = columns.get(parent, SKU);
			if (!parentSku.isEmpty()) {
				product.warn(line, columns.spelled(SKU), "SKUs of variable (parent) products not imported — in Shopwright "
						+ "only variants carry SKUs");
			}
			LinkedHashSet<String> used = new LinkedHashSet<>();
			List<CSVRecord> variations = group.rows().subList(1, group.rows().size());
			for (CSVRecord variation : variations) {
				attributes(columns, variation).stream().filter(a -> !a.value().isEmpty()).forEach(a -> used.add(a.name()));
			}
			attributes.stream().map(Attribute::name).filter(used::contains).forEach(optionNames::add);
			used.stream().filter(name -> !optionNames.contains(name)).forEach(optionNames::add);
			if (optionNames.size() > 3) {
				product.error(line, attributes.isEmpty() ? columns.spelled(TYPE) : attributes.getFirst().valueColumn(),
						"the variations vary by " + optionNames.size() + " attributes (" + String.join(", ", optionNames)
								+ "); Shopwright allows at most 3 options");
				return product;
			}
			if (variations.isEmpty()) {
				product.error(line, columns.spelled(TYPE), "a variable product needs at least one variation row");
			}
			for (CSVRecord variation : variations) {
				variants.add(variation(columns, variation, variants.size(), optionNames, shared, product, context));
			}
		}
		else {
			variants.add(variant(columns, parent, 0, List.of(), shared, product, context));
		}
		Map<String, String> catalogAttributes = new LinkedHashMap<>();
		for (Attribute attribute : attributes) {
			if (optionNames.contains(attribute.name()) || attribute.value().isEmpty()) {
				continue;
			}
			String code = attributeCode(attribute.name());
			if (context.attributeCodes.contains(code)) {
				catalogAttributes.put(code, String.join(", ", ShopifyFormat.splitTags(attribute.value())));
				product.sources.put("attributes." + code, line, attribute.valueColumn());
			}
			else {
				product.warn(line, attribute.valueColumn(), "values not imported — the store has no product attribute '"
						+ code + "'; create it and import again");
			}
		}
		if (!product.errors.isEmpty()) {
			return product;
		}
		product.skus = variants.stream().map(ProductDraft.VariantDraft::sku).filter(java.util.Objects::nonNull).toList();
		if (product.skus.isEmpty() && !title.isEmpty()) {
			product.handle = Handles.fromTitle(title); // nothing else names it again on a second import
		}
		List<ProductDraft.OptionDraft> options = optionNames.stream().map(name -> {
			Attribute declared = attributes.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
			return new ProductDraft.OptionDraft(name, declared == null ? null : ShopifyFormat.splitTags(declared.value()));
		}).toList();
		product.draft = new ProductDraft(title.isEmpty() ? null : title, null, description, vendor, productType, tags,
				status, null, null, published, options, variants, catalogAttributes.isEmpty() ? null : catalogAttributes,
				null, null, null);
		return product;
	}

	/** Up-sells and cross-sells by SKU or id:N, linked by SKU once every product of the file is written. */
	private static void related(Columns columns, RowGroup group, CSVRecord parent, ParsedProduct product) {
		if (!columns.has(UPSELLS) && !columns.has(CROSS_SELLS)) {
			return;
		}
		int line = CsvFiles.line(parent);
		List<ParsedProduct.RelatedSku> related = new ArrayList<>();
		for (String column : List.of(UPSELLS, CROSS_SELLS)) {
			if (!columns.has(column)) {
				continue;
			}
			product.sources.put("related", line, columns.spelled(column));
			var kind = column.equals(UPSELLS) ? dev.shopwright.catalog.Product.RelationKind.UPSELL
					: dev.shopwright.catalog.Product.RelationKind.CROSS_SELL;
			for (String reference : ShopifyFormat.splitTags(columns.get(parent, column))) {
				if (!reference.toLowerCase(Locale.ROOT).startsWith("id:")) {
					related.add(new ParsedProduct.RelatedSku(reference, kind));
					continue;
				}
				List<String> skus = group.skusByFileId().get(reference.substring(3).strip());
				if (skus == null) {
					product.warn(line, columns.spelled(column), "'" + Values.abbreviate(reference)
							+ "' is not a product with a SKU in this file; that link was not imported");
				}
				else {
					related.add(new ParsedProduct.RelatedSku(skus.getFirst(), kind));
				}
			}
		}
		product.relatedSkus = related;
	}

	/** Values a variation takes from its parent when its own cell is empty. */
	private record Shared(@Nullable Integer weight, @Nullable Integer length, @Nullable Integer width,
			@Nullable Integer height, @Nullable Boolean taxable, @Nullable InventoryPolicy policy) {
	}

	private Shared shared(Columns columns, CSVRecord parent, ParsedProduct product) {
		return new Shared(measure(columns, parent, "Weight", product, null), measure(columns, parent, "Length", product, null),
				measure(columns, parent, "Width", product, null), measure(columns, parent, "Height", product, null),
				taxable(columns, parent, product, null), policy(columns, parent, product, null));
	}

	private ProductDraft.VariantDraft variation(Columns columns, CSVRecord row, int index, List<String> optionNames,
			Shared shared, ParsedProduct product, ReadContext context) {
		int line = CsvFiles.line(row);
		Map<String, Attribute> values = new HashMap<>();
		attributes(columns, row).forEach(a -> values.putIfAbsent(a.name(), a));
		List<String> options = new ArrayList<>();
		for (String name : optionNames) {
			Attribute attribute = values.get(name);
			if (attribute == null || attribute.value().isEmpty()) {
				product.error(line, attribute == null ? columns.spelled(PARENT) : attribute.valueColumn(), "leaves '" + name
						+ "' open (any " + name + "); Shopwright needs a value for every option");
				options.add("");
			}
			else {
				options.add(attribute.value());
				product.sources.put("variants[" + index + "].options", line, attribute.valueColumn());
			}
		}
		String image = columns.get(row, IMAGES);
		if (!image.isEmpty()) {
			product.warn(line, columns.spelled(IMAGES), "variation images added to the product, not linked to the variation "
					+ "(Shopwright does not link images to variants)");
			images(columns, row, columns.spelled(IMAGES), product);
		}
		if (!columns.get(row, DESCRIPTION).isEmpty()) {
			product.warn(line, columns.spelled(DESCRIPTION), "variation descriptions not imported (variants have no description)");
		}
		String published = columns.get(row, PUBLISHED);
		if (!published.isEmpty() && !published.equals("1")) {
			product.warn(line, columns.spelled(PUBLISHED), "disabled variations imported as ordinary variants (Shopwright "
					+ "has no disabled variants)");
		}
		return variant(columns, row, index, options, shared, product, context);
	}

	private ProductDraft.VariantDraft variant(Columns columns, CSVRecord row, int index, List<String> options,
			Shared shared, ParsedProduct product, ReadContext context) {
		int line = CsvFiles.line(row);
		String at = "variants[" + index + "]";
		product.sources.put(at, line, "");
		if (index == 0) {
			product.sources.put("variants", line, columns.spelled(SKU));
		}
		String sku = columns.get(row, SKU);
		product.sources.put(at + ".sku", line, columns.spelled(SKU));
		if (!sku.isEmpty()) {
			ReadContext.SkuOwner earlier = context.claimSku(sku, line, product);
			if (earlier != null) {
				product.error(line, columns.spelled(SKU), "'" + sku + "' is also used by '" + earlier.product() + "' on line "
						+ earlier.line() + "; a SKU belongs to one variant");
			}
		}
		String barcode = columns.get(row, GTIN);
		product.sources.put(at + ".barcode", line, columns.spelled(GTIN));
		Money regular = price(columns, row, REGULAR_PRICE, context, product, at + ".compareAtPrice");
		Money sale = price(columns, row, SALE_PRICE, context, product, at + ".price");
		Money price;
		Money compareAt = null;
		if (sale != null && saleRunsToday(columns, row, product)) {
			price = sale;
			compareAt = regular != null && regular.compareTo(sale) > 0 ? regular : null;
		}
		else if (regular != null) {
			price = regular;
			product.sources.put(at + ".price", line, columns.spelled(REGULAR_PRICE));
		}
		else {
			if (sale == null) {
				product.error(line, columns.spelled(REGULAR_PRICE), "is required: the product needs a price");
			}
			price = Money.zero(context.currency);
		}
		Integer weight = measure(columns, row, "Weight", product, shared.weight());
		String weightColumn = columns.startingWith("Weight (");
		if (weightColumn != null) {
			product.sources.put(at + ".weightGrams", line, weightColumn);
		}
		return new ProductDraft.VariantDraft(null, sku.isEmpty() ? null : sku, barcode.isEmpty() ? null : barcode, price,
				compareAt, null, options, weight, measure(columns, row, "Length", product, shared.length()),
				measure(columns, row, "Width", product, shared.width()), measure(columns, row, "Height", product, shared.height()),
				taxable(columns, row, product, shared.taxable()), policy(columns, row, product, shared.policy()), null);
	}

	/** A sale with dates counts only while it runs; outside its dates the regular price applies. */
	private boolean saleRunsToday(Columns columns, CSVRecord row, ParsedProduct product) {
		LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
		LocalDate starts = date(columns, row, SALE_STARTS, product);
		LocalDate ends = date(columns, row, SALE_ENDS, product);
		if ((starts != null && today.isBefore(starts)) || (ends != null && today.isAfter(ends))) {
			product.warn(CsvFiles.line(row), columns.spelled(SALE_PRICE), "sale prices not in effect today not imported "
					+ "(scheduled sales belong to pricing); the regular price was imported");
			return false;
		}
		return true;
	}

	private static @Nullable LocalDate date(Columns columns, CSVRecord row, String column, ParsedProduct product) {
		String text = columns.get(row, column);
		if (text.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(text.length() >= 10 ? text.substring(0, 10) : text);
		}
		catch (DateTimeParseException ex) {
			product.error(CsvFiles.line(row), columns.spelled(column), "'" + Values.abbreviate(text)
					+ "' is not a date like 2026-11-23");
			return null;
		}
	}

	private static @Nullable Money price(Columns columns, CSVRecord row, String column, ReadContext context,
			ParsedProduct product, String field) {
		String text = columns.get(row, column);
		if (text.isEmpty()) {
			return null;
		}
		product.sources.put(field, CsvFiles.line(row), columns.spelled(column));
		try {
			return Values.money(text, context.currency);
		}
		catch (Values.BadValue ex) {
			product.error(CsvFiles.line(row), columns.spelled(column), ex.getMessage());
			return null;
		}
	}

	/** A weight (in grams) or length (in mm) from a column like "Weight (kg)" or "Length (in)". */
	private static @Nullable Integer measure(Columns columns, CSVRecord row, String quantity, ParsedProduct product,
			@Nullable Integer inherited) {
		String column = columns.startingWith(quantity + " (");
		if (column == null) {
			return inherited;
		}
		String text = columns.get(row, column);
		if (text.isEmpty()) {
			return inherited;
		}
		String unit = column.substring(column.indexOf('(') + 1, column.lastIndexOf(')') > 0 ? column.lastIndexOf(')')
				: column.length());
		try {
			return quantity.equals("Weight") ? Values.grams(text, unit) : Values.millimetres(text, unit);
		}
		catch (Values.BadValue ex) {
			product.error(CsvFiles.line(row), column, ex.getMessage());
			return null;
		}
	}

	private static @Nullable Boolean taxable(Columns columns, CSVRecord row, ParsedProduct product,
			@Nullable Boolean inherited) {
		String text = columns.get(row, TAX_STATUS).toLowerCase(Locale.ROOT);
		return switch (text) {
			case "", "parent" -> inherited;
			case "taxable" -> true;
			case "none", "shipping" -> false; // "shipping": only the shipping is taxed, not the goods
			default -> {
				product.error(CsvFiles.line(row), columns.spelled(TAX_STATUS), "'" + Values.abbreviate(text)
						+ "' is not taxable, shipping or none");
				yield null;
			}
		};
	}

	private static @Nullable InventoryPolicy policy(Columns columns, CSVRecord row, ParsedProduct product,
			@Nullable InventoryPolicy inherited) {
		String text = columns.get(row, BACKORDERS).toLowerCase(Locale.ROOT);
		return switch (text) {
			case "" -> inherited;
			case "0", "no" -> InventoryPolicy.DENY;
			case "1", "yes", "notify" -> InventoryPolicy.CONTINUE;
			default -> {
				product.error(CsvFiles.line(row), columns.spelled(BACKORDERS), "'" + Values.abbreviate(text)
						+ "' is not 0, 1 or notify");
				yield null;
			}
		};
	}

	private static void images(Columns columns, CSVRecord row, String column, ParsedProduct product) {
		for (String url : columns.get(row, IMAGES).split(",")) {
			String src = url.strip();
			if (src.isEmpty() || product.images.stream().anyMatch(i -> i.url().equals(src))) {
				continue;
			}
			String problem = RemoteImages.problemWith(src);
			if (problem != null) {
				product.error(CsvFiles.line(row), column, "'" + Values.abbreviate(src) + "' " + problem);
			}
			else {
				product.images.add(new ParsedProduct.Image(src, "", CsvFiles.line(row), column));
			}
		}
	}

	/** "Attribute 1 name" / "Attribute 1 value(s)" pairs of a row, in column order. */
	private record Attribute(String name, String value, String valueColumn) {
	}

	private static List<Attribute> attributes(Columns columns, CSVRecord row) {
		List<Attribute> attributes = new ArrayList<>();
		for (int n = 1; columns.has("Attribute " + n + " name"); n++) {
			String name = columns.get(row, "Attribute " + n + " name");
			if (!name.isEmpty()) {
				attributes.add(new Attribute(name, columns.get(row, "Attribute " + n + " value(s)"),
						columns.spelled("Attribute " + n + " value(s)")));
			}
		}
		return attributes;
	}

	static String attributeCode(String name) {
		String code = Handles.fromTitle(name).replace('-', '_');
		return Character.isLetter(code.charAt(0)) ? code : "a_" + code;
	}

	static Set<String> types(String type) {
		Set<String> types = new LinkedHashSet<>();
		Arrays.stream(type.toLowerCase(Locale.ROOT).split(",")).map(String::strip).filter(t -> !t.isEmpty())
			.forEach(types::add);
		return types;
	}

	/** WooCommerce writes line breaks inside text as the two characters \n. */
	private static String wooText(String text) {
		return text.replace("\\n", "\n");
	}
}
