package dev.shopwright.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.shopwright.shared.Money;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;

/**
 * On the first start with demo data, fills the demo store with an outdoor-apparel catalog (about 150 products
 * with sizes and colours, categories and collections) through the façade, so that search indexes it like any
 * merchant's catalog. Runs only while the demo store has no products.
 */
@Component
@Order(10)
class DemoCatalog implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

	private static final String[] VENDORS = { "Northwind", "Fjellrev", "Cascade Co.", "Alpenglow", "Tidewater" };

	private static final String[] COLOURS = { "Black", "Navy", "Forest", "Rust", "Sand" };

	private static final String[] ADJECTIVES = { "Alpine", "Coastal", "Summit", "Trail", "Urban", "Glacier" };

	/** name, type, category, base price, sized?, description */
	private static final String[][] KINDS = {
			{ "Rain Jacket", "Jacket", "jackets", "149", "y", "A <b>waterproof</b>, breathable shell with taped seams and a stowable hood." },
			{ "Down Jacket", "Jacket", "jackets", "229", "y", "Light 700-fill down that packs into its own pocket; warm on cold summits." },
			{ "Fleece Pullover", "Fleece", "tops", "79", "y", "Recycled polyester fleece, soft against the skin and quick to dry." },
			{ "Merino T-Shirt", "T-Shirt", "tops", "59", "y", "Fine merino wool tee that resists odour on multi-day hikes." },
			{ "Organic Tee", "T-Shirt", "tops", "29", "y", "Organic cotton crew-neck tee for everyday wear." },
			{ "Hiking Shorts", "Shorts", "bottoms", "55", "y", "Stretch nylon shorts with a water-repellent finish." },
			{ "Trekking Pants", "Pants", "bottoms", "95", "y", "Durable, zip-off trekking pants with articulated knees." },
			{ "Daypack 22L", "Backpack", "backpacks", "89", "n", "A 22-litre daypack with a ventilated back panel and hydration sleeve." },
			{ "Expedition Pack 60L", "Backpack", "backpacks", "249", "n", "Adjustable 60-litre pack for long trips; carries heavy loads comfortably." },
			{ "Two-Person Tent", "Tent", "tents", "329", "n", "Freestanding two-person tent, 1.9 kg, with two doors and vestibules." },
			{ "Wool Beanie", "Hat", "accessories", "25", "n", "Ribbed crème-coloured beanie knitted from soft merino." },
			{ "Trail Socks", "Socks", "accessories", "18", "n", "Cushioned merino socks for long days on the trail." } };

	private final CatalogManagement catalog;

	private final StoreManagement stores;

	private final boolean demo;

	DemoCatalog(CatalogManagement catalog, StoreManagement stores, @Value("${shopwright.demo.enabled:true}") boolean demo) {
		this.catalog = catalog;
		this.stores = stores;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo && !args.containsOption("demo")) {
			return;
		}
		Store store = stores.findByReference("demo").orElse(null);
		if (store == null || !catalog.list(store.id(), ProductListing.all(), null, 1).items().isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		var id = store.id();
		Category clothing = catalog.createCategory(id, "Clothing", "clothing", null, "Clothes for the outdoors.");
		Category gear = catalog.createCategory(id, "Gear", "gear", null, "Packs, tents and more.");
		Map<String, Category> categories = Map.of(
				"jackets", catalog.createCategory(id, "Jackets", "jackets", clothing.id(), "Shells, down and insulated jackets."),
				"tops", catalog.createCategory(id, "Tops", "tops", clothing.id(), "Tees, fleeces and base layers."),
				"bottoms", catalog.createCategory(id, "Bottoms", "bottoms", clothing.id(), "Shorts and trousers."),
				"backpacks", catalog.createCategory(id, "Backpacks", "backpacks", gear.id(), "Daypacks and expedition packs."),
				"tents", catalog.createCategory(id, "Tents", "tents", gear.id(), "Shelter for every season."),
				"accessories", catalog.createCategory(id, "Accessories", "accessories", gear.id(), "Hats, socks and small things."));
		List<ProductId> created = new ArrayList<>();
		int n = 0;
		for (String edition : new String[] { "", " Pro" }) {
		for (String adjective : ADJECTIVES) {
			for (String[] kind : KINDS) {
				if (created.size() >= 150) {
					break;
				}
				n++;
				String vendor = VENDORS[n % VENDORS.length];
				boolean sized = kind[4].equals("y");
				BigDecimal price = new BigDecimal(kind[3]).multiply(edition.isEmpty() ? BigDecimal.ONE : new BigDecimal("1.4")).setScale(0, java.math.RoundingMode.HALF_UP).add(BigDecimal.valueOf((n % 4) * 5)).subtract(new BigDecimal("0.10"));
				List<String> colours = List.of(COLOURS[n % 5], COLOURS[(n + 2) % 5]);
				List<String> sizes = sized ? List.of("S", "M", "L", "XL") : List.of();
				String sku = "NW-" + String.format("%03d", n);
				List<ProductDraft.VariantDraft> variants = new ArrayList<>();
				for (String colour : colours) {
					if (sized) {
						for (String size : sizes) {
							// the largest size of the second colour is not made: the picker disables that combination
							if (colour.equals(colours.get(1)) && size.equals("XL")) {
								continue;
							}
							variants.add(ProductDraft.VariantDraft.priced(sku + "-" + colour.substring(0, 3).toUpperCase() + "-" + size,
									Money.of(price.toPlainString(), "EUR"), size, colour));
						}
					}
					else {
						variants.add(ProductDraft.VariantDraft.priced(sku + "-" + colour.substring(0, 3).toUpperCase(),
								Money.of(price.toPlainString(), "EUR"), colour));
					}
				}
				List<ProductDraft.OptionDraft> options = sized
						? List.of(new ProductDraft.OptionDraft("Size", sizes), new ProductDraft.OptionDraft("Color", colours))
						: List.of(new ProductDraft.OptionDraft("Color", colours));
				List<String> tags = new ArrayList<>(List.of(adjective.toLowerCase(), kind[1].toLowerCase()));
				if (n % 5 == 0) {
					tags.add("sale");
				}
				if (kind[5].contains("merino")) {
					tags.add("merino");
				}
				ProductDraft draft = new ProductDraft(adjective + " " + kind[0] + edition, null,
						"<p>" + kind[5] + "</p><p>Designed by " + vendor + " for " + adjective.toLowerCase() + " adventures.</p>",
						vendor, kind[1], tags, ProductStatus.ACTIVE, null, null, true, options, variants, null,
						List.of(categories.get(kind[2]).id()), null, null);
				created.add(catalog.create(id, draft).id());
			}
		}
		}
		catalog.saveCollection(id, null, "Summer Sale", "summer-sale", "Reduced for the season.", Collection.Kind.RULE, true,
				List.of(new Collection.Rule(Collection.Field.TAG, Collection.Operator.EQUALS, "sale")), true);
		catalog.saveCollection(id, null, "Under 50", "under-50", "Good gear that costs little.", Collection.Kind.RULE, true,
				List.of(new Collection.Rule(Collection.Field.PRICE, Collection.Operator.LESS_THAN, "50")), true);
		Collection picks = catalog.saveCollection(id, null, "Staff Picks", "staff-picks", "What we take on our own trips.",
				Collection.Kind.MANUAL, true, List.of(), true);
		catalog.addToCollection(id, picks.id(), created.subList(0, 12));
		log.info("Demo catalog: {} products in store 'demo' in {} ms", created.size(), (System.nanoTime() - started) / 1_000_000);
	}

}
