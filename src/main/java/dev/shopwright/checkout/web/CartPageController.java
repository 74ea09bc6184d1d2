package dev.shopwright.checkout.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.Media;
import dev.shopwright.catalog.Product;
import dev.shopwright.catalog.ProductId;
import dev.shopwright.catalog.Variant;
import dev.shopwright.checkout.Cart;
import dev.shopwright.checkout.CartStatus;
import dev.shopwright.checkout.CheckoutManagement;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.stores.Store;

/**
 * The storefront cart: lines with image, title and price, quantity change and remove, totals, the currency
 * switcher, and the product page's "Add to cart". Plain forms answered with a redirect (post/redirect/get), so all of
 * it works without JavaScript; with htmx the forms swap the cart in place.
 */
@Controller
class CartPageController {

	/** A cart line with what the page shows beside it: the product's page and a thumbnail (null without one). */
	record LineView(Cart.Line line, @Nullable String handle, @Nullable String image) {
	}

	private final CheckoutManagement checkout;

	private final CatalogManagement catalog;

	private final ShopperCarts carts;

	private final ShopperPage page;

	CartPageController(CheckoutManagement checkout, CatalogManagement catalog, ShopperCarts carts, ShopperPage page) {
		this.checkout = checkout;
		this.catalog = catalog;
		this.carts = carts;
		this.page = page;
	}

	@GetMapping("/cart")
	String cart(HttpServletRequest request, Model model) {
		Store store = page.store(model);
		Optional<Cart> held = page.cart(store, model, request).map(ShopperCarts.Opened::cart);
		// a payment waiting for 3-D Secure holds the cart: say so rather than show it empty
		model.addAttribute("completing", held.filter(c -> c.status() == CartStatus.COMPLETING).isPresent());
		Optional<Cart> cart = held.filter(c -> c.status() == CartStatus.ACTIVE);
		model.addAttribute("cart", cart.orElse(null));
		model.addAttribute("lines", cart.map(c -> views(store, c)).orElse(List.of()));
		model.addAttribute("canCheckout", cart.map(c -> c.lines().stream().anyMatch(Cart.Line::available)).orElse(false));
		return "checkout/storefront/cart";
	}

	/**
	 * Adds the chosen variant from the product page. That page is cached HTML shared by every shopper, so its form
	 * carries no CSRF token; instead this one form only accepts a same-origin request (see {@link SameOrigin}). The
	 * variant is the one whose option values were chosen (works without the page's script), else the one named.
	 */
	@PostMapping("/cart/add")
	String add(@RequestParam String product, @RequestParam(required = false) @Nullable String variant,
			@RequestParam(defaultValue = "1") String quantity, @RequestParam Map<String, String> fields,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		if (!SameOrigin.test(request)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "add to cart from this shop's own pages only");
		}
		Store store = page.store(model);
		Product found = findProduct(store, product)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no product " + product));
		Optional<Variant> chosen = chosenVariant(found, variant, fields);
		if (chosen.isEmpty() || chosen.get().sku() == null) {
			redirect.addFlashAttribute("cartError", page.text("checkout.page.cart.noVariant", found.title()));
			return "redirect:/cart";
		}
		ShopperCarts.Opened opened = carts.forChange(store.id(), page.customer(model), request, response);
		try {
			checkout.addLine(store.id(), opened.id(), opened.access(), chosen.get().sku(), parseQuantity(quantity));
			redirect.addFlashAttribute("cartNotice", page.text("checkout.page.cart.added", found.title()));
		}
		catch (BusinessRuleViolation ex) {
			redirect.addFlashAttribute("cartError", page.refusal(ex));
		}
		return "redirect:/cart";
	}

	@PostMapping("/cart/lines/{lineId}")
	String changeQuantity(@PathVariable UUID lineId, @RequestParam String quantity, HttpServletRequest request,
			Model model, RedirectAttributes redirect) {
		Store store = page.store(model);
		page.cart(store, model, request).ifPresent(opened -> {
			try {
				int wanted = parseQuantity(quantity);
				if (wanted == 0) {
					checkout.removeLine(store.id(), opened.id(), opened.access(), lineId);
				}
				else {
					checkout.changeLine(store.id(), opened.id(), opened.access(), lineId, wanted);
				}
			}
			catch (BusinessRuleViolation ex) {
				redirect.addFlashAttribute("cartError", page.refusal(ex));
				redirect.addFlashAttribute("errorLine", lineId);
			}
		});
		return "redirect:/cart";
	}

	@PostMapping("/cart/lines/{lineId}/remove")
	String remove(@PathVariable UUID lineId, HttpServletRequest request, Model model, RedirectAttributes redirect) {
		Store store = page.store(model);
		page.cart(store, model, request).ifPresent(opened -> {
			try {
				checkout.removeLine(store.id(), opened.id(), opened.access(), lineId);
			}
			catch (BusinessRuleViolation ex) {
				redirect.addFlashAttribute("cartError", page.refusal(ex));
			}
		});
		return "redirect:/cart";
	}

	/** The currency switcher on the cart and checkout pages; back to the page it was used on. */
	@PostMapping("/cart/currency")
	String currency(@RequestParam String currency, @RequestParam(defaultValue = "/cart") String back,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Store store = page.store(model);
		try {
			Currency wanted = Currency.getInstance(currency.strip().toUpperCase(java.util.Locale.ROOT));
			ShopperCarts.Opened opened = carts.forChange(store.id(), page.customer(model), request, response);
			checkout.setCurrency(store.id(), opened.id(), opened.access(), wanted);
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("cartError", page.text("checkout.page.currency.unknown", currency));
		}
		catch (BusinessRuleViolation ex) {
			redirect.addFlashAttribute("cartError", page.refusal(ex));
		}
		return "redirect:" + (back.equals("/cart") || back.matches("/checkout(/[a-z]+)?") ? back : "/cart");
	}

	private Optional<Product> findProduct(Store store, String reference) {
		Optional<Product> product;
		try {
			product = catalog.find(store.id(), ProductId.of(reference));
		}
		catch (IllegalArgumentException ex) {
			product = catalog.findByHandle(store.id(), reference);
		}
		return product.filter(Product::visibleToShoppers);
	}

	static Optional<Variant> chosenVariant(Product product, @Nullable String variantId, Map<String, String> fields) {
		List<String> options = new ArrayList<>();
		for (int i = 1; i <= product.options().size(); i++) {
			String value = fields.get("option" + i);
			if (value == null) {
				options = null;
				break;
			}
			options.add(value);
		}
		if (options != null && !options.isEmpty()) {
			List<String> wanted = options;
			return product.variants().stream().filter(v -> v.options().equals(wanted)).findFirst();
		}
		if (variantId != null && !variantId.isBlank()) {
			return product.variants().stream().filter(v -> v.id().toString().equals(variantId.strip())).findFirst();
		}
		return product.variants().size() == 1 ? Optional.of(product.variants().getFirst()) : Optional.empty();
	}

	/** A quantity typed into a form; anything that is not a whole number is refused as the façade refuses 0. */
	static int parseQuantity(String typed) {
		try {
			return Integer.parseInt(typed.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private List<LineView> views(Store store, Cart cart) {
		return cart.lines().stream().map(line -> {
			ProductId productId = new ProductId(line.productId());
			String handle = catalog.find(store.id(), productId).filter(Product::visibleToShoppers).map(Product::handle)
				.orElse(null);
			String image = catalog.media(store.id(), productId).stream().filter(m -> m.status() == Media.Status.STORED)
				.min(Comparator.comparingInt(Media::position)).map(CartPageController::thumbnail).orElse(null);
			return new LineView(line, handle, image);
		}).toList();
	}

	private static @Nullable String thumbnail(Media media) {
		return media.thumbnailUrls().entrySet().stream().min(Map.Entry.comparingByKey()).map(Map.Entry::getValue)
			.orElse(media.url());
	}

	/**
	 * Same-origin proof for a form that cannot carry a CSRF token: the browser's Fetch Metadata
	 * ({@code Sec-Fetch-Site}), else its {@code Origin}; browsers send one of them with every form post, so a request
	 * with neither is not a browser acting for a shopper on another site.
	 */
	static final class SameOrigin {

		private SameOrigin() {
		}

		static boolean test(HttpServletRequest request) {
			String site = request.getHeader("Sec-Fetch-Site");
			if (site != null) {
				return site.equals("same-origin") || site.equals("none");
			}
			String origin = request.getHeader("Origin");
			if (origin == null) {
				return true;
			}
			try {
				URI uri = URI.create(origin);
				int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
				return request.getServerName().equalsIgnoreCase(uri.getHost()) && request.getServerPort() == port;
			}
			catch (IllegalArgumentException ex) {
				return false; // "null" and other opaque origins
			}
		}
	}
}
