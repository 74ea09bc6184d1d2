package dev.shopwright.checkout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shopwright.customers.AddressDetails;
import dev.shopwright.customers.CustomerId;
import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.platform.AuditLog;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;

/**
 * The checkout module's façade: carts and their completion into orders, for the Store API and the storefront.
 * <p>
 * <b>Access.</b> Every call after {@link #createCart} names the cart and a {@link CartAccess}: the cart's token (a
 * guest) or the signed-in customer the cart belongs to. A wrong token is answered exactly like an unknown cart (404
 * {@code CART_NOT_FOUND}).
 * <p>
 * <b>Prices.</b> A cart keeps SKUs and quantities only. Every read prices it again from the catalog (ACTIVE,
 * published products only) in the cart's currency through {@code PricingManagement.priceIn}, quotes shipping for the
 * shipping address, and totals it with {@code PricingManagement.calculate}; anything a client says about price is
 * never read. Every method returning a {@link Cart} returns it priced after the change.
 * <p>
 * <b>Changes.</b> Only an ACTIVE cart changes (else 409 {@code CHECKOUT_IN_PROGRESS}, {@code CART_COMPLETED} …).
 * Each change is one guarded SQL statement in a short transaction; adding a SKU twice (two tabs) adds the quantities.
 * <p>
 * <b>Completion</b> ({@link #complete}, {@link #confirm}) is exactly once per cart, whatever the retries or
 * concurrent calls: see docs/checkout.md and ADR 0017.
 * <p>
 * Refusals are {@link CheckoutRefused} (or another {@code BusinessRuleViolation}) with stable codes listed in
 * docs/checkout.md.
 */
@Service
public class CheckoutManagement {

	/** Most units of one SKU a cart may hold. */
	public static final int MAX_LINE_QUANTITY = 99;

	/** Most distinct SKUs a cart may hold. */
	public static final int MAX_LINES = 100;

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String TOKEN_PREFIX = "sct_";

	/** How long a checkout's stage must stand still before staff may resolve it by hand. */
	public static final java.time.Duration STALLED_AFTER = java.time.Duration.ofMinutes(1);

	private final Carts carts;

	private final CartPricing pricing;

	private final InventoryManagement inventory;

	private final StoreManagement stores;

	private final TransactionTemplate transactions;

	private final Validator validator;

	private final CheckoutCompletion completion;

	private final AuditLog auditLog;

	private final RecoveryMail recoveryMail;

	CheckoutManagement(Carts carts, CartPricing pricing, InventoryManagement inventory, StoreManagement stores,
			TransactionTemplate transactions, Validator validator, CheckoutCompletion completion, AuditLog auditLog,
			RecoveryMail recoveryMail) {
		this.recoveryMail = recoveryMail;
		this.completion = completion;
		this.auditLog = auditLog;
		this.carts = carts;
		this.pricing = pricing;
		this.inventory = inventory;
		this.stores = stores;
		this.transactions = transactions;
		this.validator = validator;
	}

	// ---- carts -------------------------------------------------------------------------------------------------

	/**
	 * Opens an empty cart in {@code currency} (the store's currency when null; it must be one of the store's) for a
	 * signed-in {@code customer} (null: a guest). The token in the result is shown only here.
	 */
	public CreatedCart createCart(StoreId store, @Nullable CustomerId customer, @Nullable Currency currency,
			@Nullable String email) {
		Currency chosen = currency == null ? stores.get(store).defaultCurrency() : requireStoreCurrency(store, currency);
		String cleanEmail = email == null ? null : validEmail(email);
		CartId id = CartId.random();
		String token = newToken();
		carts.insert(store, id, hash(token), customer, chosen, cleanEmail);
		return new CreatedCart(cart(store, id, new CartAccess(token, customer)), token);
	}

	/** The cart priced now. */
	public Cart cart(StoreId store, CartId id, CartAccess access) {
		return priced(authorized(store, id, access)).cart();
	}

	/**
	 * Adds {@code quantity} units of the SKU (a line per SKU: adding it again adds to its line). Refused: 422
	 * {@code UNKNOWN_SKU} (no such SKU, or its product is not for sale), {@code INVALID_QUANTITY} (not 1–99),
	 * {@code LINE_QUANTITY_LIMIT} (the line would pass 99), {@code CART_TOO_LARGE} (more than 100 SKUs); 409
	 * {@code OUT_OF_STOCK} when a SKU that may not be oversold has fewer units available online than the line would
	 * hold.
	 */
	public Cart addLine(StoreId store, CartId id, CartAccess access, String sku, int quantity) {
		requireQuantity(quantity);
		Carts.Row row = authorized(store, id, access);
		String cleanSku = sku.strip();
		CartPricing.Sellable sellable = pricing.sellable(store, cleanSku).orElseThrow(() -> CheckoutRefused.field(
				"UNKNOWN_SKU", "sku", "No product for sale has the SKU '" + cleanSku + "'"));
		transactions.executeWithoutResult(tx -> {
			lockActive(row);
			boolean newLine = carts.lines(store, id).stream().noneMatch(l -> l.sku().equals(cleanSku));
			if (newLine && carts.lineCount(store, id) >= MAX_LINES) {
				throw CheckoutRefused.field("CART_TOO_LARGE", "sku", "A cart holds at most " + MAX_LINES + " SKUs");
			}
			int total = carts.addToLine(store, id, new Carts.LineRow(UUID.randomUUID(), cleanSku,
					sellable.product().id().value(), sellable.variant().id().value(), sellable.product().title(),
					sellable.product().options().isEmpty() ? null : sellable.variant().title(), quantity));
			if (total > MAX_LINE_QUANTITY) {
				throw CheckoutRefused.field("LINE_QUANTITY_LIMIT", "quantity",
						"A line holds at most " + MAX_LINE_QUANTITY + " units; it would hold " + total);
			}
			requireStock(store, sellable, total);
		});
		return cart(store, id, access);
	}

	/** Sets a line's quantity (1–99; to take a line out use {@link #removeLine}); the stock rules of addLine apply. */
	public Cart changeLine(StoreId store, CartId id, CartAccess access, UUID lineId, int quantity) {
		requireQuantity(quantity);
		Carts.Row row = authorized(store, id, access);
		transactions.executeWithoutResult(tx -> {
			lockActive(row);
			Carts.LineRow line = carts.line(store, id, lineId).orElseThrow(() -> CheckoutRefused.lineNotFound(lineId));
			carts.setLineQuantity(store, id, lineId, quantity);
			if (quantity > line.quantity()) {
				pricing.sellable(store, line.sku()).ifPresent(s -> requireStock(store, s, quantity));
			}
		});
		return cart(store, id, access);
	}

	public Cart removeLine(StoreId store, CartId id, CartAccess access, UUID lineId) {
		Carts.Row row = authorized(store, id, access);
		transactions.executeWithoutResult(tx -> {
			lockActive(row);
			if (!carts.deleteLine(store, id, lineId)) {
				throw CheckoutRefused.lineNotFound(lineId);
			}
		});
		return cart(store, id, access);
	}

	/** The address the order confirmation goes to; 422 {@code INVALID_EMAIL}. */
	public Cart setEmail(StoreId store, CartId id, CartAccess access, String email) {
		String clean = validEmail(email);
		change(store, id, access, () -> carts.setEmail(store, id, clean));
		return cart(store, id, access);
	}

	/**
	 * Where the goods go (and so which taxes and shipping methods apply). Line 1, city and an ISO country are
	 * required: 422 {@code INVALID_ADDRESS} naming each field. A chosen shipping method that does not serve the new
	 * address is no longer applied (the cart's {@code shipping} is null until one is chosen again).
	 */
	public Cart setShippingAddress(StoreId store, CartId id, CartAccess access, AddressDetails address) {
		AddressDetails clean = validAddress(address);
		change(store, id, access, () -> carts.setAddress(store, id, Carts.AddressKind.SHIPPING, clean));
		return cart(store, id, access);
	}

	/** The billing address (the shipping address is used when none is given); rules as for the shipping address. */
	public Cart setBillingAddress(StoreId store, CartId id, CartAccess access, AddressDetails address) {
		AddressDetails clean = validAddress(address);
		change(store, id, access, () -> carts.setAddress(store, id, Carts.AddressKind.BILLING, clean));
		return cart(store, id, access);
	}

	/** Bills to the shipping address again ("same as shipping"): the billing address is removed. */
	public Cart useShippingAddressForBilling(StoreId store, CartId id, CartAccess access) {
		change(store, id, access, () -> carts.clearAddress(store, id, Carts.AddressKind.BILLING));
		return cart(store, id, access);
	}

	/**
	 * A shopper signed in with a guest cart: the cart becomes the customer's, and the customer's other open carts
	 * (from another browser, or an earlier visit) are folded into it — a SKU in both gets the quantities added, capped
	 * at {@link #MAX_LINE_QUANTITY} and, for a SKU that may not be oversold, at what is available online (as adding
	 * refuses more); a SKU no longer for sale is left out; at most {@link #MAX_LINES} SKUs. Those carts become MERGED.
	 * The guest cart keeps its own email and addresses and takes the email of an absorbed cart when it has none.
	 * One transaction with every cart involved locked, so two tabs signing in at once merge once. A cart of another
	 * customer is 404 {@code CART_NOT_FOUND}; a cart that is no longer ACTIVE is returned as it is.
	 */
	public Cart adoptGuestCart(StoreId store, CartId id, String guestToken, CustomerId customer) {
		Carts.Row guest = authorized(store, id, CartAccess.guest(guestToken));
		CartAccess access = new CartAccess(guestToken, customer);
		if (guest.customer() != null && !guest.customer().equals(customer)) {
			throw CheckoutRefused.cartNotFound(id);
		}
		if (guest.status() != CartStatus.ACTIVE) {
			return cart(store, id, access);
		}
		transactions.executeWithoutResult(tx -> {
			lockActive(guest);
			Map<String, Carts.LineRow> held = new LinkedHashMap<>();
			carts.lines(store, id).forEach(line -> held.put(line.sku(), line));
			boolean hasEmail = guest.email() != null;
			for (Carts.Row other : carts.otherActiveCartsOf(store, customer, id)) {
				for (Carts.LineRow line : carts.lines(store, other.id())) {
					Carts.LineRow mine = held.get(line.sku());
					if (mine == null && held.size() >= MAX_LINES) {
						continue;
					}
					int before = mine == null ? 0 : mine.quantity();
					int after = pricing.sellable(store, line.sku())
						.map(sellable -> cappedQuantity(store, sellable, before + line.quantity())).orElse(before);
					if (after <= before) {
						continue;
					}
					if (mine == null) {
						Carts.LineRow added = new Carts.LineRow(UUID.randomUUID(), line.sku(), line.productId(),
								line.variantId(), line.title(), line.variantTitle(), after);
						carts.addToLine(store, id, added);
						held.put(line.sku(), added);
					}
					else {
						carts.setLineQuantity(store, id, mine.id(), after);
						held.put(line.sku(), new Carts.LineRow(mine.id(), mine.sku(), mine.productId(), mine.variantId(),
								mine.title(), mine.variantTitle(), after));
					}
				}
				if (!hasEmail && other.email() != null) {
					hasEmail = carts.setEmail(store, id, other.email());
				}
				carts.markMerged(store, other.id(), id);
			}
			carts.adopt(store, id, customer);
		});
		return cart(store, id, access);
	}

	/** {@code wanted} units, at most a line's limit and, where overselling is denied, what is available online. */
	private int cappedQuantity(StoreId store, CartPricing.Sellable sellable, int wanted) {
		int capped = Math.min(wanted, MAX_LINE_QUANTITY);
		return sellable.deniesOverselling()
				? Math.min(capped, Math.max(0, inventory.availableOnline(store, sellable.variant().sku()))) : capped;
	}

	/**
	 * The shipping methods for the cart's shipping address, weight and subtotal, cheapest first; empty when the
	 * store does not ship there. 422 {@code SHIPPING_ADDRESS_REQUIRED} before an address is set.
	 */
	public List<ShippingOption> shippingOptions(StoreId store, CartId id, CartAccess access) {
		Carts.Row row = authorized(store, id, access);
		if (row.shippingAddress() == null) {
			throw CheckoutRefused.field("SHIPPING_ADDRESS_REQUIRED", "shippingAddress",
					"Set the shipping address first: the options depend on it");
		}
		return priced(row).options().stream().map(CartPricing::option).toList();
	}

	/** Chooses one of {@link #shippingOptions}; 422 {@code UNKNOWN_SHIPPING_OPTION} for any other id. */
	public Cart chooseShippingOption(StoreId store, CartId id, CartAccess access, UUID optionId) {
		List<ShippingOption> options = shippingOptions(store, id, access);
		if (options.stream().noneMatch(o -> o.id().equals(optionId))) {
			throw CheckoutRefused.field("UNKNOWN_SHIPPING_OPTION", "id",
					"Not one of the shipping options for this cart's address: " + optionId);
		}
		change(store, id, access, () -> carts.setShippingMethod(store, id, optionId));
		return cart(store, id, access);
	}

	/** Shows and charges the cart in another of the store's currencies (422 {@code CURRENCY_NOT_ENABLED}). */
	public Cart setCurrency(StoreId store, CartId id, CartAccess access, Currency currency) {
		requireStoreCurrency(store, currency);
		change(store, id, access, () -> carts.setCurrency(store, id, currency));
		return cart(store, id, access);
	}

	// ---- completion --------------------------------------------------------------------------------------------

	/**
	 * Checks out the cart, exactly once: freezes its lines, prices and addresses, reserves the stock (409
	 * {@code INSUFFICIENT_STOCK} naming the short lines), takes the payment (402 {@code PAYMENT_DECLINED} with the
	 * gateway's {@code reason}; the cart is open again) and places the order. A card that needs 3-D Secure gives
	 * {@code REQUIRES_ACTION} with the challenge's URL; finish with {@link #confirm} once the shopper is back.
	 * <p>
	 * Only one completion of a cart runs: a concurrent one gets 409 {@code CHECKOUT_IN_PROGRESS}, a later one the
	 * order already placed ({@code ALREADY_PLACED}). Other refusals: 422 {@code CART_EMPTY},
	 * {@code CHECKOUT_INCOMPLETE} (email, shipping address or option missing), {@code PAYMENT_METHOD_NOT_OFFERED},
	 * {@code PAYMENT_DETAILS_REQUIRED}; 409 {@code LINES_UNAVAILABLE}; 503 {@code CHECKOUT_BUSY} (too many at once,
	 * nothing done) or {@code PAYMENT_PENDING} (the gateway has not answered; it finishes by itself).
	 *
	 * @param channel {@code PlaceOrder.STORE_API} or {@code PlaceOrder.ONLINE_STORE} (the storefront)
	 * @param clientAddress the shopper's IP address, kept on the order for fraud screening
	 */
	public CheckoutResult complete(StoreId store, CartId id, CartAccess access, CheckoutPayment payment, String channel,
			@Nullable String clientAddress) {
		if (!channel.equals(dev.shopwright.orders.PlaceOrder.STORE_API)
				&& !channel.equals(dev.shopwright.orders.PlaceOrder.ONLINE_STORE)) {
			throw new IllegalArgumentException("checkout places orders of the store_api or online_store channel only");
		}
		return completion.complete(authorized(store, id, access), payment, channel, clientAddress);
	}

	/**
	 * Finishes a completion that waits for 3-D Secure: places the order once the challenge passed (PLACED),
	 * reopens the cart when it failed (402 {@code PAYMENT_DECLINED}), or says it still waits (REQUIRES_ACTION).
	 * Calling it again after the order exists gives ALREADY_PLACED. The reconciler does the same for a shopper who
	 * never comes back.
	 */
	public CheckoutResult confirm(StoreId store, CartId id, CartAccess access) {
		return completion.confirm(authorized(store, id, access));
	}

	// ---- staff -------------------------------------------------------------------------------------------------

	/** The store's carts for staff, most recently changed first, optionally of one status (keyset paged). */
	public Page<CartSummary> carts(StoreId store, @Nullable CartStatus status, @Nullable String cursor, int limit) {
		return carts.list(store, status, cursor, limit);
	}

	/**
	 * Staff finish a checkout that stalled (its stage has not moved for {@link #STALLED_AFTER}) now, as the
	 * reconciler would: the order is placed when a payment holds money for it, else the stock is released and the
	 * cart reopened. 409 {@code NOTHING_TO_RESOLVE} for a cart that is not COMPLETING, {@code CHECKOUT_IN_PROGRESS}
	 * while it is still moving.
	 */
	public CartStatus resolveStalled(StoreId store, CartId id) {
		Carts.Row row = carts.find(store, id).orElseThrow(() -> CheckoutRefused.cartNotFound(id));
		if (row.status() != CartStatus.COMPLETING) {
			throw new CheckoutRefused("NOTHING_TO_RESOLVE", 409, "The cart is " + row.status() + ", not in a checkout");
		}
		if (row.stageAt() != null && row.stageAt().isAfter(java.time.Instant.now().minus(STALLED_AFTER))) {
			throw CheckoutRefused.inProgress();
		}
		completion.resolve(row);
		CartStatus after = carts.find(store, id).map(Carts.Row::status).orElseThrow();
		auditLog.record(store, "checkout.resolved", "cart", id.toString(),
				"Resolved a stalled checkout (order " + row.orderId() + ", stage " + row.stage() + "): cart now " + after);
		return after;
	}

	// ---- abandoned checkouts -----------------------------------------------------------------------------------

	/** Checkouts the shoppers left (see {@link AbandonedCheckouts}), most recently abandoned first, keyset paged. */
	public Page<AbandonedCheckout> abandonedCheckouts(StoreId store, AbandonedListing listing, @Nullable String cursor,
			int limit) {
		Page<Carts.AbandonedRow> rows = carts.abandonedList(store, listing, cursor, limit);
		return new Page<>(rows.items().stream().map(this::abandoned).toList(), rows.nextCursor());
	}

	public AbandonedCheckout abandonedCheckout(StoreId store, CartId id) {
		return carts.abandoned(store, id).map(this::abandoned).orElseThrow(() -> CheckoutRefused.cartNotFound(id));
	}

	/**
	 * Sends the recovery mail of an abandoned checkout with the link that restores the cart. Once per abandonment:
	 * another send is 409 {@code RECOVERY_ALREADY_SENT} unless {@code again} (staff deliberately re-send). 409
	 * {@code NOT_ABANDONED} when the cart is not (or no longer) abandoned. Counting and sending are one transaction:
	 * a mail server that refuses leaves nothing counted, and two clicks send once.
	 */
	public AbandonedCheckout sendRecoveryMail(StoreId store, CartId id, boolean again) {
		AbandonedCheckout checkout = abandonedCheckout(store, id);
		transactions.executeWithoutResult(tx -> {
			if (!carts.countRecoveryMail(store, id, again)) {
				AbandonedCheckout now = abandonedCheckout(store, id);
				throw now.status() != CartStatus.ABANDONED
						? new CheckoutRefused("NOT_ABANDONED", 409, "The checkout is " + now.status() + ", not abandoned")
						: new CheckoutRefused("RECOVERY_ALREADY_SENT", 409, "The recovery mail went out "
								+ now.recoverySentAt() + "; send it again deliberately to repeat it");
			}
			recoveryMail.send(store, checkout);
		});
		AbandonedCheckout sent = abandonedCheckout(store, id);
		auditLog.record(store, "checkout.recovery-sent", "cart", id.toString(),
				"Recovery mail " + sent.recoverySends() + " to " + sent.email());
		return sent;
	}

	/**
	 * The shopper opened the recovery link: the abandoned cart is ACTIVE again (prices, stock and shipping are
	 * worked out afresh on every read) with a new token for this browser, returned once. Opening it again gives
	 * another token (the link is the key). 409 {@code NOT_RECOVERABLE} when the cart has become an order or was
	 * merged meanwhile; 404 for a cart never abandoned.
	 */
	public CreatedCart recoverAbandoned(StoreId store, CartId id, @Nullable CustomerId customer) {
		String token = newToken();
		if (!carts.reopenAbandoned(store, id, hash(token))) {
			Carts.Row row = carts.find(store, id).orElseThrow(() -> CheckoutRefused.cartNotFound(id));
			throw new CheckoutRefused("NOT_RECOVERABLE", 409, "The checkout is " + row.status()
					+ " and cannot be opened again");
		}
		return new CreatedCart(cart(store, id, new CartAccess(token, customer)), token);
	}

	/** Hours after abandonment at which the recovery mail goes out by itself; empty: only when staff send it. */
	public java.util.OptionalInt automaticRecoveryHours(StoreId store) {
		return carts.autoSendHours(store);
	}

	/** Sets (1–720) or turns off (null) the automatic recovery mail; 422 {@code VALIDATION_FAILED}. */
	public void setAutomaticRecoveryHours(StoreId store, @Nullable Integer hours) {
		if (hours != null && (hours < 1 || hours > 720)) {
			throw CheckoutRefused.field("VALIDATION_FAILED", "autoSendAfterHours", "must be between 1 and 720 hours");
		}
		carts.setAutoSendHours(store, hours);
		auditLog.record(store, "checkout.recovery-settings", "store", store.toString(),
				hours == null ? "Automatic recovery mail off" : "Automatic recovery mail after " + hours + " h");
	}

	private AbandonedCheckout abandoned(Carts.AbandonedRow a) {
		Carts.Row row = a.row();
		dev.shopwright.shared.Money value = priced(row).cart().totals().total();
		return new AbandonedCheckout(row.id(), row.status(), java.util.Objects.requireNonNullElse(row.email(), ""),
				row.customer(), value, a.lines(), a.units(), java.util.Objects.requireNonNull(a.abandonedAt()),
				row.updatedAt(), a.recoverySentAt(), a.recoverySends(), a.recoveredAt(),
				a.recoveredAt() != null && row.status() == CartStatus.COMPLETED, row.orderId());
	}

	// ---- internals ---------------------------------------------------------------------------------------------

	CartPricing.Priced priced(Carts.Row row) {
		return pricing.price(row, carts.lines(row.store(), row.id()));
	}

	/** The cart if the caller may see it; a wrong token and an unknown cart are the same 404. */
	Carts.Row authorized(StoreId store, CartId id, CartAccess access) {
		Carts.Row row = carts.find(store, id).orElseThrow(() -> CheckoutRefused.cartNotFound(id));
		boolean owner = access.customer() != null && access.customer().equals(row.customer());
		boolean holdsToken = access.token() != null && MessageDigest.isEqual(hash(access.token()), row.tokenHash());
		if (!owner && !holdsToken) {
			throw CheckoutRefused.cartNotFound(id);
		}
		return row;
	}

	private void change(StoreId store, CartId id, CartAccess access, java.util.function.BooleanSupplier update) {
		Carts.Row row = authorized(store, id, access);
		transactions.executeWithoutResult(tx -> {
			lockActive(row);
			update.getAsBoolean();
		});
	}

	/**
	 * The shopper is back at a cart that was abandoned (the storefront read it with the browser's cookie): it is
	 * ACTIVE again, as it was. Any other cart is returned unchanged. (A change through the API reopens it the same way.)
	 */
	public Cart resume(StoreId store, CartId id, CartAccess access) {
		Carts.Row row = authorized(store, id, access);
		if (row.status() == CartStatus.ABANDONED) {
			carts.resumeAbandoned(store, id);
		}
		return cart(store, id, access);
	}

	private void lockActive(Carts.Row row) {
		// a change of an abandoned cart is its shopper coming back: it is open again (the caller proved access)
		if (!carts.lockActive(row.store(), row.id()) && !(carts.resumeAbandoned(row.store(), row.id())
				&& carts.lockActive(row.store(), row.id()))) {
			throw CheckoutRefused.notActive(carts.find(row.store(), row.id()).map(Carts.Row::status)
				.orElse(CartStatus.ABANDONED));
		}
	}

	private void requireStock(StoreId store, CartPricing.Sellable sellable, int quantity) {
		if (!sellable.deniesOverselling()) {
			return;
		}
		int available = inventory.availableOnline(store, sellable.variant().sku());
		if (available < quantity) {
			throw new CheckoutRefused("OUT_OF_STOCK", 409, "Only %d of %s can be bought now; the cart would hold %d"
				.formatted(Math.max(available, 0), sellable.variant().sku(), quantity),
					Map.of("quantity", "at most " + Math.max(available, 0) + " available"));
		}
	}

	private static void requireQuantity(int quantity) {
		if (quantity < 1 || quantity > MAX_LINE_QUANTITY) {
			throw CheckoutRefused.field("INVALID_QUANTITY", "quantity", "must be between 1 and " + MAX_LINE_QUANTITY);
		}
	}

	private Currency requireStoreCurrency(StoreId store, Currency currency) {
		List<Currency> enabled = stores.get(store).currencies();
		if (!enabled.contains(currency)) {
			throw CheckoutRefused.field("CURRENCY_NOT_ENABLED", "currency", currency.getCurrencyCode()
					+ " is not one of the store's currencies " + enabled);
		}
		return currency;
	}

	private static String validEmail(String email) {
		String clean = email.strip();
		if (clean.length() > 254 || !EMAIL.matcher(clean).matches()) {
			throw CheckoutRefused.field("INVALID_EMAIL", "email", "'" + email + "' is not an email address");
		}
		return clean;
	}

	private AddressDetails validAddress(AddressDetails details) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (ConstraintViolation<AddressDetails> violation : validator.validate(details)) {
			errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
		}
		var a = details.address();
		Predicate<@Nullable String> blank = s -> s == null || s.isBlank();
		if (blank.test(a.line1())) {
			errors.putIfAbsent("address.line1", "is required");
		}
		if (blank.test(a.city())) {
			errors.putIfAbsent("address.city", "is required");
		}
		if (a.country() == null || !COUNTRIES.contains(a.country())) {
			errors.putIfAbsent("address.country", "must be an ISO 3166-1 alpha-2 code such as DE");
		}
		if (!errors.isEmpty()) {
			throw new CheckoutRefused("INVALID_ADDRESS", 422, "The address is not complete: " + errors.keySet(), errors);
		}
		return details;
	}

	private static String newToken() {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
	}

	static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
