package dev.shopwright.catalog.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

import dev.shopwright.catalog.InventoryPolicy;
import dev.shopwright.catalog.Product;
import dev.shopwright.catalog.ProductDraft;
import dev.shopwright.catalog.ProductId;
import dev.shopwright.catalog.ProductStatus;
import dev.shopwright.catalog.Variant;
import dev.shopwright.shared.Money;

/**
 * The product editor as the browser posts it: every value as the merchant typed it (so a refused form is shown
 * again unchanged), lists as comma-separated text, the variants grid as indexed fields
 * ({@code variants[1].sku}), option values per variant as {@code variants[1].option0..2}, attributes as
 * {@code attr.<code>}, translations as {@code tr.<locale>.<field>}.
 */
record ProductForm(String title, String handle, String descriptionHtml, String vendor, String productType, String tags,
		String status, boolean published, String seoTitle, String seoDescription, List<OptionRow> options,
		List<VariantRow> variants, List<String> categoryIds, Map<String, String> attributes,
		Map<String, TranslationRow> translations, String related, String upsells) {

	static final int MAX_OPTIONS = 3;

	static final int MAX_VARIANTS = 250;

	private static final Pattern VARIANT_FIELD = Pattern.compile("variants\\[(\\d{1,3})\\]\\.(\\w+)");

	record OptionRow(String name, String values) {

		public boolean named() {
			return !name.isBlank();
		}

		List<String> valueList() {
			return split(values);
		}
	}

	record VariantRow(String id, List<String> options, String sku, String barcode, String price, String compareAtPrice,
			String cost, String weightGrams, String lengthMm, String widthMm, String heightMm, String taxable,
			String inventoryPolicy, String preorderLimit) {

		static VariantRow blank() {
			return new VariantRow("", List.of("", "", ""), "", "", "", "", "", "", "", "", "", "true", "DENY", "");
		}

		VariantRow withOptions(List<String> values) {
			List<String> padded = new ArrayList<>(values);
			while (padded.size() < MAX_OPTIONS) {
				padded.add("");
			}
			return new VariantRow(id, List.copyOf(padded), sku, barcode, price, compareAtPrice, cost, weightGrams, lengthMm,
					widthMm, heightMm, taxable, inventoryPolicy, preorderLimit);
		}

		VariantRow pricedLike(VariantRow other) {
			return new VariantRow(id, options, sku, barcode, other.price, other.compareAtPrice, other.cost, other.weightGrams,
					lengthMm, widthMm, heightMm, other.taxable, other.inventoryPolicy, other.preorderLimit);
		}
	}

	record TranslationRow(String title, String descriptionHtml, String seoTitle, String seoDescription) {

		static TranslationRow blank() {
			return new TranslationRow("", "", "", "");
		}

		public boolean isBlank() {
			return title.isBlank() && descriptionHtml.isBlank() && seoTitle.isBlank() && seoDescription.isBlank();
		}
	}

	static ProductForm blank(List<String> locales) {
		Map<String, TranslationRow> translations = new LinkedHashMap<>();
		locales.forEach(locale -> translations.put(locale, TranslationRow.blank()));
		return new ProductForm("", "", "", "", "", "", "DRAFT", false, "", "", blankOptions(), List.of(VariantRow.blank()),
				List.of(), Map.of(), translations, "", "");
	}

	static ProductForm of(Product p, List<String> locales, Function<ProductId, String> handleOf) {
		List<OptionRow> options = new ArrayList<>();
		p.options().forEach(o -> options.add(new OptionRow(o.name(), String.join(", ", o.values()))));
		while (options.size() < MAX_OPTIONS) {
			options.add(new OptionRow("", ""));
		}
		List<VariantRow> variants = p.variants().stream().map(v -> new VariantRow(v.id().toString(), List.of(), text(v.sku()),
				text(v.barcode()), amount(v.price()), amount(v.compareAtPrice()), amount(v.cost()), text(v.weightGrams()),
				text(v.lengthMm()), text(v.widthMm()), text(v.heightMm()), String.valueOf(v.taxable()),
				v.inventoryPolicy().name(), text(v.preorderLimit())).withOptions(v.options())).toList();
		Map<String, TranslationRow> translations = new LinkedHashMap<>();
		locales.forEach(locale -> {
			Product.Translation t = p.translations().get(locale);
			translations.put(locale, t == null ? TranslationRow.blank()
					: new TranslationRow(text(t.title()), text(t.descriptionHtml()), text(t.seoTitle()), text(t.seoDescription())));
		});
		return new ProductForm(p.title(), p.handle(), p.descriptionHtml(), text(p.vendor()), text(p.productType()),
				String.join(", ", p.tags()), p.status().name(), p.published(), text(p.seoTitle()), text(p.seoDescription()),
				options, variants, p.categoryIds().stream().map(UUID::toString).toList(), p.attributes(), translations,
				handles(p, Product.RelationKind.CROSS_SELL, handleOf), handles(p, Product.RelationKind.UPSELL, handleOf));
	}

	private static String handles(Product p, Product.RelationKind kind, Function<ProductId, String> handleOf) {
		return String.join(", ", p.related().stream().filter(r -> r.kind() == kind).map(r -> handleOf.apply(r.productId())).toList());
	}

	/** Reads the posted editor; unknown or missing fields are blank. */
	static ProductForm parse(MultiValueMap<String, String> params, List<String> locales) {
		List<OptionRow> options = new ArrayList<>();
		for (int i = 0; i < MAX_OPTIONS; i++) {
			options.add(new OptionRow(value(params, "options[" + i + "].name"), value(params, "options[" + i + "].values")));
		}
		int rows = 0;
		for (String key : params.keySet()) {
			Matcher m = VARIANT_FIELD.matcher(key);
			if (m.matches()) {
				rows = Math.max(rows, Integer.parseInt(m.group(1)) + 1);
			}
		}
		rows = Math.min(rows, MAX_VARIANTS);
		List<VariantRow> variants = new ArrayList<>();
		for (int i = 0; i < rows; i++) {
			String at = "variants[" + i + "].";
			List<String> values = new ArrayList<>();
			for (int o = 0; o < MAX_OPTIONS; o++) {
				values.add(value(params, at + "option" + o));
			}
			String taxable = value(params, at + "taxable");
			String policy = value(params, at + "inventoryPolicy");
			variants.add(new VariantRow(value(params, at + "id"), List.copyOf(values), value(params, at + "sku"),
					value(params, at + "barcode"), value(params, at + "price"), value(params, at + "compareAtPrice"),
					value(params, at + "cost"), value(params, at + "weightGrams"), value(params, at + "lengthMm"),
					value(params, at + "widthMm"), value(params, at + "heightMm"), taxable.isEmpty() ? "true" : taxable,
					policy.isEmpty() ? "DENY" : policy, value(params, at + "preorderLimit")));
		}
		Map<String, String> attributes = new LinkedHashMap<>();
		params.forEach((key, list) -> {
			if (key.startsWith("attr.") && !list.isEmpty()) {
				attributes.put(key.substring(5), list.get(0));
			}
		});
		Map<String, TranslationRow> translations = new LinkedHashMap<>();
		for (String locale : locales) {
			String at = "tr." + locale + ".";
			translations.put(locale, new TranslationRow(value(params, at + "title"), value(params, at + "descriptionHtml"),
					value(params, at + "seoTitle"), value(params, at + "seoDescription")));
		}
		List<String> categories = params.getOrDefault("categoryIds", List.of()).stream().filter(s -> !s.isBlank()).toList();
		String status = value(params, "status");
		return new ProductForm(value(params, "title"), value(params, "handle"), value(params, "descriptionHtml"),
				value(params, "vendor"), value(params, "productType"), value(params, "tags"),
				status.isEmpty() ? "DRAFT" : status, params.containsKey("published"), value(params, "seoTitle"),
				value(params, "seoDescription"), options, variants, categories, attributes, translations,
				value(params, "related"), value(params, "upsells"));
	}

	List<OptionRow> namedOptions() {
		return options.stream().filter(OptionRow::named).toList();
	}

	ProductForm withVariants(List<VariantRow> rows) {
		return new ProductForm(title, handle, descriptionHtml, vendor, productType, tags, status, published, seoTitle,
				seoDescription, options, List.copyOf(rows), categoryIds, attributes, translations, related, upsells);
	}

	ProductForm addRow() {
		if (variants.size() >= MAX_VARIANTS) {
			return this;
		}
		List<VariantRow> rows = new ArrayList<>(variants);
		rows.add(variants.isEmpty() ? VariantRow.blank() : VariantRow.blank().pricedLike(variants.getLast()));
		return withVariants(rows);
	}

	ProductForm removeRow(int index) {
		if (index < 0 || index >= variants.size() || variants.size() == 1) {
			return this;
		}
		List<VariantRow> rows = new ArrayList<>(variants);
		rows.remove(index);
		return withVariants(rows);
	}

	/**
	 * One row for every combination of the option values (Size S, M × Color Red, Blue: four rows); rows the
	 * merchant already has for a combination are kept as they are, new ones take the first row's prices.
	 */
	ProductForm generateVariants() {
		List<OptionRow> named = namedOptions();
		if (named.isEmpty()) {
			return this;
		}
		List<List<String>> combinations = new ArrayList<>();
		combinations.add(List.of());
		for (OptionRow option : named) {
			List<String> values = option.valueList();
			if (values.isEmpty()) {
				return this;
			}
			List<List<String>> next = new ArrayList<>();
			for (List<String> prefix : combinations) {
				for (String value : values) {
					List<String> combination = new ArrayList<>(prefix);
					combination.add(value);
					next.add(combination);
				}
			}
			combinations = next;
			if (combinations.size() > MAX_VARIANTS) {
				return this;
			}
		}
		int count = named.size();
		VariantRow template = variants.isEmpty() ? VariantRow.blank() : variants.getFirst();
		List<VariantRow> rows = new ArrayList<>();
		for (List<String> combination : combinations) {
			VariantRow existing = variants.stream()
				.filter(v -> v.options().subList(0, count).equals(combination)).findFirst().orElse(null);
			rows.add(existing != null ? existing
					: VariantRow.blank().pricedLike(template).withOptions(combination));
		}
		return withVariants(rows);
	}

	/**
	 * The catalog's draft, or null with {@code errors} filled when the form itself cannot be read (a price that
	 * is not a number); everything else the catalog checks.
	 */
	@Nullable ProductDraft toDraft(Currency currency, Function<String, @Nullable ProductId> productByReference,
			Map<String, String> errors) {
		List<ProductDraft.OptionDraft> optionDrafts = new ArrayList<>();
		List<Integer> optionSlots = new ArrayList<>();
		for (int i = 0; i < options.size(); i++) {
			OptionRow o = options.get(i);
			if (o.named()) {
				optionDrafts.add(new ProductDraft.OptionDraft(o.name().strip(), o.valueList()));
				optionSlots.add(i);
			}
			else if (!o.values().isBlank()) {
				errors.put("options[" + i + "].name", "give the option a name, or clear its values");
			}
		}
		List<ProductDraft.VariantDraft> variantDrafts = new ArrayList<>();
		for (int i = 0; i < variants.size(); i++) {
			VariantRow v = variants.get(i);
			String at = "variants[" + i + "].";
			List<String> values = new ArrayList<>();
			for (int slot : optionSlots) {
				String value = v.options().get(slot).strip();
				if (value.isEmpty()) {
					errors.put(at + "options", "needs a value for each option");
				}
				values.add(value);
			}
			Money price = money(v.price(), currency, at + "price", true, errors);
			Money compareAt = money(v.compareAtPrice(), currency, at + "compareAtPrice", false, errors);
			Money cost = money(v.cost(), currency, at + "cost", false, errors);
			InventoryPolicy policy;
			try {
				policy = InventoryPolicy.valueOf(v.inventoryPolicy());
			}
			catch (IllegalArgumentException ex) {
				errors.put(at + "inventoryPolicy", "choose DENY, CONTINUE or PREORDER");
				policy = InventoryPolicy.DENY;
			}
			UUID id = null;
			if (!v.id().isBlank()) {
				try {
					id = UUID.fromString(v.id());
				}
				catch (IllegalArgumentException ex) {
					errors.put(at + "id", "is not a variant of this product");
				}
			}
			variantDrafts.add(new ProductDraft.VariantDraft(id, blankToNull(v.sku()), blankToNull(v.barcode()), price, compareAt,
					cost, List.copyOf(values), integer(v.weightGrams(), at + "weightGrams", errors),
					integer(v.lengthMm(), at + "lengthMm", errors), integer(v.widthMm(), at + "widthMm", errors),
					integer(v.heightMm(), at + "heightMm", errors), !"false".equals(v.taxable()), policy,
					integer(v.preorderLimit(), at + "preorderLimit", errors)));
		}
		ProductStatus productStatus;
		try {
			productStatus = ProductStatus.valueOf(status);
		}
		catch (IllegalArgumentException ex) {
			errors.put("status", "choose a status");
			productStatus = null;
		}
		List<UUID> categories = new ArrayList<>();
		for (String id : categoryIds) {
			try {
				categories.add(UUID.fromString(id));
			}
			catch (IllegalArgumentException ex) {
				errors.put("categoryIds", "some categories do not exist in this store");
			}
		}
		Map<String, String> attributeValues = new LinkedHashMap<>();
		attributes.forEach((code, value) -> {
			if (!value.isBlank()) {
				attributeValues.put(code, value.strip());
			}
		});
		Map<String, Product.Translation> translationDrafts = new LinkedHashMap<>();
		translations.forEach((locale, t) -> {
			if (!t.isBlank()) {
				translationDrafts.put(locale, new Product.Translation(blankToNull(t.title()), t.descriptionHtml(),
						blankToNull(t.seoTitle()), blankToNull(t.seoDescription())));
			}
		});
		List<Product.Related> relatedProducts = new ArrayList<>();
		Map<String, Product.RelationKind> kinds = Map.of("related", Product.RelationKind.CROSS_SELL, "upsells",
				Product.RelationKind.UPSELL);
		kinds.forEach((field, kind) -> {
			for (String reference : split(field.equals("related") ? related : upsells)) {
				ProductId target = productByReference.apply(reference);
				if (target == null) {
					errors.put(field, "no product with the handle or id '" + reference + "'");
				}
				else if (relatedProducts.stream().anyMatch(r -> r.productId().equals(target))) {
					errors.put(field, "'" + reference + "' is listed twice: a product is either a cross-sell or an up-sell");
				}
				else {
					relatedProducts.add(new Product.Related(target, kind));
				}
			}
		});
		if (!errors.isEmpty()) {
			return null;
		}
		return new ProductDraft(title, blankToNull(handle), descriptionHtml, vendor, productType, split(tags),
				productStatus, blankToNull(seoTitle) == null ? "" : seoTitle, blankToNull(seoDescription) == null ? "" : seoDescription,
				published, optionDrafts, variantDrafts, attributeValues, categories, translationDrafts, relatedProducts);
	}

	private static @Nullable Money money(String text, Currency currency, String field, boolean required,
			Map<String, String> errors) {
		if (text.isBlank()) {
			if (required) {
				errors.put(field, "is required");
			}
			return null;
		}
		try {
			return new Money(new BigDecimal(text.strip()), currency);
		}
		catch (NumberFormatException ex) {
			errors.put(field, "'" + text.strip() + "' is not an amount such as 19.99");
		}
		catch (IllegalArgumentException ex) {
			errors.put(field, "has more decimal places than " + currency.getCurrencyCode() + " allows");
		}
		return null;
	}

	private static @Nullable Integer integer(String text, String field, Map<String, String> errors) {
		if (text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			errors.put(field, "must be a whole number");
			return null;
		}
	}

	static List<String> split(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
	}

	private static List<OptionRow> blankOptions() {
		List<OptionRow> options = new ArrayList<>();
		for (int i = 0; i < MAX_OPTIONS; i++) {
			options.add(new OptionRow("", ""));
		}
		return options;
	}

	private static String value(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return value == null ? "" : value;
	}

	private static String text(@Nullable Object value) {
		return value == null ? "" : value.toString();
	}

	private static String amount(@Nullable Money money) {
		return money == null ? "" : money.amount().toPlainString();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	static String lower(String s) {
		return s.toLowerCase(Locale.ROOT);
	}
}
