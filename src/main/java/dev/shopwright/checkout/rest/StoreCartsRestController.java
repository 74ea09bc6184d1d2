package dev.shopwright.checkout.rest;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.shopwright.checkout.Cart;
import dev.shopwright.checkout.CartAccess;
import dev.shopwright.checkout.CartId;
import dev.shopwright.checkout.CheckoutManagement;
import dev.shopwright.checkout.CheckoutPayment;
import dev.shopwright.checkout.CheckoutRefused;
import dev.shopwright.checkout.CheckoutResult;
import dev.shopwright.checkout.CreatedCart;
import dev.shopwright.checkout.ShippingOption;
import dev.shopwright.customers.AddressDetails;
import dev.shopwright.customers.CustomerPrincipal;
import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderStatus;
import dev.shopwright.orders.PaymentState;
import dev.shopwright.orders.PlaceOrder;
import dev.shopwright.payments.CardInput;
import dev.shopwright.payments.PaymentMethod;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.platform.web.Problems;
import dev.shopwright.pricing.PricingManagement;
import dev.shopwright.shared.Address;
import dev.shopwright.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Carts through the Store API. A guest proves the cart is theirs with {@code X-Cart-Token} (from the 201 of
 * {@code POST /carts}); a signed-in customer (customer bearer token) reaches their own carts without it. Prices in
 * requests are never read: anything but SKU and quantity is ignored.
 */
@RestController
@RequestMapping("/api/store/v1/carts")
@Tag(name = "Store API: carts")
class StoreCartsRestController {

	static final String TOKEN_HEADER = "X-Cart-Token";

	static final String PROBLEM = "#/components/schemas/Problem";

	@JsonIgnoreProperties(ignoreUnknown = true)
	record NewCart(@Size(max = 3) @Nullable String currency, @Size(max = 254) @Nullable String email) {
	}

	/** The cart with its token, shown only in this response. */
	record CartWithToken(@Schema(description = "Send as X-Cart-Token with every later call; shown only once") String token,
			@JsonUnwrapped Cart cart) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record LineBody(@NotBlank @Size(max = 255) String sku, @NotNull Integer quantity) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record QuantityBody(@NotNull Integer quantity) {
	}

	record EmailBody(@NotBlank @Size(max = 254) String email) {
	}

	record AddressBody(@Size(max = 100) @Nullable String firstName, @Size(max = 100) @Nullable String lastName,
			@Size(max = 200) @Nullable String company, @Size(max = 40) @Nullable String phone,
			@Valid @NotNull Address address) {

		AddressDetails details() {
			return new AddressDetails(firstName, lastName, company, phone, address);
		}
	}

	record OptionBody(@NotNull UUID id) {
	}

	record CurrencyBody(@NotBlank @Size(max = 3) String currency) {
	}

	record CardBody(@NotBlank @Size(max = 30) String number, @NotNull @Min(1) @Max(12) Integer expMonth,
			@NotNull @Min(2000) @Max(2200) Integer expYear, @Size(max = 4) @Nullable String cvc) {
	}

	record PaymentBody(
			@Schema(description = "card, bank_transfer or cash_on_delivery (those the store offers)") @NotBlank @Size(max = 40) String method,
			@Schema(description = "Sandbox or direct card entry; never stored") @Valid @Nullable CardBody card,
			@Schema(description = "A token from the payment provider's own form, instead of card") @Size(max = 255) @Nullable String gatewayToken,
			@Schema(description = "Where 3-D Secure sends the shopper back to") @Size(max = 2000) @Nullable String returnUrl) {
	}

	record CompleteBody(@Valid @NotNull PaymentBody payment) {
	}

	/** What a completion came to: the order placed, or the 3-D Secure step the shopper must take first. */
	record Completion(CheckoutResult.Outcome outcome, CartId cartId, OrderId orderId, @Nullable String orderNumber,
			@Nullable OrderStatus status, @Nullable PaymentState paymentState, Order.@Nullable Totals totals,
			@Nullable String nextActionUrl) {

		static Completion of(CheckoutResult result) {
			Order order = result.order();
			return new Completion(result.outcome(), result.cartId(), result.orderId(),
					order == null ? null : order.number(), order == null ? null : order.status(),
					order == null ? null : order.paymentState(), order == null ? null : order.totals(),
					result.nextActionUrl());
		}
	}

	private final CheckoutManagement checkout;

	private final CurrentStore currentStore;

	StoreCartsRestController(CheckoutManagement checkout, CurrentStore currentStore) {
		this.checkout = checkout;
		this.currentStore = currentStore;
	}

	static CartAccess access(@Nullable String token, @Nullable CustomerPrincipal customer) {
		return new CartAccess(token, customer == null ? null : customer.customerId());
	}

	@PostMapping
	@Operation(summary = "Open a cart: 201 with its id and token (X-Cart-Token for later calls; a signed-in customer's cart is tied to them)")
	@ApiResponse(responseCode = "201", description = "Created; the token is shown only here")
	ResponseEntity<CartWithToken> create(@Valid @RequestBody(required = false) @Nullable NewCart body,
			@AuthenticationPrincipal @Nullable CustomerPrincipal customer) {
		CreatedCart created = checkout.createCart(currentStore.id(), customer == null ? null : customer.customerId(),
				body == null || body.currency() == null ? null : PricingManagement.currency(body.currency(), "currency"),
				body == null ? null : body.email());
		// no-store: the token is a secret; neither caches nor the idempotency store may keep it
		return ResponseEntity.created(URI.create("/api/store/v1/carts/" + created.cart().id()))
			.cacheControl(CacheControl.noStore())
			.body(new CartWithToken(created.token(), created.cart()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "The cart, priced now from the catalog, with shipping and taxes")
	@TokenHeader
	Cart get(@PathVariable UUID id, @RequestHeader(name = TOKEN_HEADER, required = false) @Nullable String token,
			@AuthenticationPrincipal @Nullable CustomerPrincipal customer) {
		return checkout.cart(currentStore.id(), new CartId(id), access(token, customer));
	}

	@PostMapping("/{id}/lines")
	@Operation(summary = "Add units of a SKU (added to its line if the cart has it); prices always come from the server")
	@TokenHeader
	Cart addLine(@PathVariable UUID id, @Valid @RequestBody LineBody body,
			@RequestHeader(name = TOKEN_HEADER, required = false) @Nullable String token,
			@AuthenticationPrincipal @Nullable CustomerPrincipal customer) {
		return checkout.addLine(currentStore.id(), new CartId(id), access(token, customer), body.sku(), body.quantity());
	}

	@PatchMapping("/{id}/lines/{lineId}")
	@Operation(summary = "Set a line's quantity (1–99)")
	@TokenHeader
	Cart changeLine(@PathVariable UUID id, @PathVariable UUID lineId, @Valid @RequestBody QuantityBody body,
			@RequestHeader(name = TOKEN_HEADER, required = false) @Nullable String token,
			@AuthenticationPrincipal @Nullable CustomerPrincipal customer) {
		return checkout.changeLine(currentStore.id(), new CartId(id), access(token, customer), lineId, body.quantity());
	}

	@DeleteMapping("/{id}/lines/{lineId}")
	@Operation(summary = "Take a line out of the cart")
	@TokenHeader
	Cart removeLine(@PathVariable UUID id, @PathVariable UUID lineId,
			@RequestHeader(name = TOKEN_HEADER, required = false) @Nullable String token,
			@AuthenticationPrincipal @Nullable CustomerPrincipal customer) {
		return checkout.removeLine(currentStore.id(), new CartId(id), access(token, customer), lineId);
	}

	@PutMapping("/{id}/email")
	@Operation(summary = "Set the email the order confirmation goes to")
	@TokenHeader
	Cart email(@PathVariable UUID id, @Valid @RequestBody EmailBody body,
			@RequestHeader(name = TOKEN_HEADER, required = false) @Nullable String token,
			@AuthenticationPrincipal @Nullable CustomerPrincipal customer) {
		return checkout.setEmail(currentStore.id(), new CartId(id), access(token, customer), body.email());
	}

	@PutMapping("/{id}/shipping-address")
	@Operation(summary = "Set where the goods go (line1, city and country required); taxes and shipping options follow it")
	@TokenHeader
	Cart shippingAddress(@PathVariable UUID id, @Valid @RequestBody AddressBody body,
			@RequestHeader(name = TOKEN_HEADER, required = false) @Nullable String token,
			@AuthenticationPrincipal @Nullable CustomerPrincipal customer) {
		return checkout.setShippingAddress(currentStore.id(), new CartId(id), access(token, customer), body.details());
	}

	@PutMapping("/{id}/billing-address")
	@Operation(summary = "Set the billing address (line1, city and country required)")
	@TokenHeader
	Cart billingAddress(@PathVariable UUID id, @Valid @RequestBody AddressBody body,
			@RequestHeader(name = TOKEN_HEADER, required = false) @Nullable String token,
			@AuthenticationPrincipal @Nullable CustomerPrincipal customer) {
		return checkout.setBillingAddress(currentStore.id(), new CartId(id), access(token, customer), body.details());
	}

	@DeleteMapping("/{id}/billing-address")
	@Operation(summary = "Bill to the shipping address again (\"same as shipping\"): removes the billing address")
	@TokenHeader
	Cart sameBillingAddress(@PathVariable UUID id,
			@RequestHeader(name = TOKEN_HEADER, required = false) @Nullable String token,
			@AuthenticationPrincipal @Nullable CustomerPrincipal customer) {
		return checkout.useShippingAddressForBilling(currentStore.id(), new CartId(id), access(token, customer));
	}

	@GetMapping("/{id}/shipping-options")
	@Operation(summary = "The shipping methods for the cart's address, weight and subtotal, cheapest first, priced in the cart's currency")
	@TokenHeader
	Page<ShippingOption> shippingOptions(@PathVariable UUID id,
			@RequestHeader(name = TOKEN_HEADER, required = false) @Nullable String token,
			@AuthenticationPrincipal @Nullable CustomerPrincipal customer) {
		List<ShippingOption> options = checkout.shippingOptions(currentStore.id(), new CartId(id), access(token, customer));
		return new Page<>(options, null);
	}

	@PutMapping("/{id}/shipping-option")
	@Operation(summary = "Choose one of the cart's shipping options by id")
	@TokenHeader
	Cart shippingOption(@PathVariable UUID id, @Valid @RequestBody OptionBody body,
			@RequestHeader(name = TOKEN_HEADER, required = false) @Nullable String token,
			@AuthenticationPrincipal @Nullable CustomerPrincipal customer) {
		return checkout.chooseShippingOption(currentStore.id(), new CartId(id), access(token, customer), body.id());
	}

	@PutMapping("/{id}/currency")
	@Operation(summary = "Show and charge the cart in another of the store's currencies")
	@TokenHeader
	Cart currency(@PathVariable UUID id, @Valid @RequestBody CurrencyBody body,
			@RequestHeader(name = TOKEN_HEADER, required = false) @Nullable String token,
			@AuthenticationPrincipal @Nullable CustomerPrincipal customer) {
		return checkout.setCurrency(currentStore.id(), new CartId(id), access(token, customer),
				PricingManagement.currency(body.currency(), "currency"));
	}

	@PostMapping("/{id}/complete")
	@Operation(summary = "Check out the cart exactly once: reserve stock, take the payment, place the order",
			description = "201 with the order; 200 when this cart's order already exists; 202 with nextActionUrl when the card "
					+ "needs 3-D Secure (then POST …/complete/confirm). Send an Idempotency-Key: a retry with it replays the "
					+ "first answer. Only one completion of a cart runs at a time (409 CHECKOUT_IN_PROGRESS).")
	@ApiResponse(responseCode = "201", description = "The order was placed")
	@ApiResponse(responseCode = "200", description = "An earlier completion of this cart placed the order")
	@ApiResponse(responseCode = "202", description = "3-D Secure: send the shopper to nextActionUrl, then confirm")
	@ApiResponse(responseCode = "402", description = "Payment declined (PAYMENT_DECLINED, `reason` = the gateway's code); nothing charged, the cart is open again",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "409", description = "INSUFFICIENT_STOCK (errors name the lines), CHECKOUT_IN_PROGRESS, LINES_UNAVAILABLE, CART_COMPLETED",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "503", description = "CHECKOUT_BUSY (nothing done) or PAYMENT_PENDING; see Retry-After",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	@TokenHeader
	ResponseEntity<Completion> complete(@PathVariable UUID id, @Valid @RequestBody CompleteBody body,
			@RequestHeader(name = TOKEN_HEADER, required = false) @Nullable String token,
			@AuthenticationPrincipal @Nullable CustomerPrincipal customer, HttpServletRequest request) {
		CheckoutResult result = checkout.complete(currentStore.id(), new CartId(id), access(token, customer),
				payment(body.payment()), PlaceOrder.STORE_API, request.getRemoteAddr());
		return answer(result);
	}

	@PostMapping("/{id}/merge")
	@Operation(summary = "Sign a guest cart in: it becomes the signed-in customer's, with their other open carts' lines added",
			description = "Call it after the shopper signed in, with the guest cart's X-Cart-Token and the customer's "
					+ "bearer token. Quantities of a SKU in both carts are added, capped at 99 and at the stock available "
					+ "online (for SKUs that may not be oversold); the customer's other open carts become MERGED. "
					+ "Calling it again changes nothing.")
	@ApiResponse(responseCode = "200", description = "The cart, now the customer's")
	@ApiResponse(responseCode = "401", description = "Nobody signed in (SIGN_IN_REQUIRED)",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	@TokenHeader
	Cart merge(@PathVariable UUID id, @RequestHeader(name = TOKEN_HEADER, required = false) @Nullable String token,
			@AuthenticationPrincipal @Nullable CustomerPrincipal customer) {
		if (customer == null) {
			throw new dev.shopwright.platform.BusinessRuleViolation("SIGN_IN_REQUIRED", 401, "Sign the customer in first: the cart becomes theirs");
		}
		// without the guest's token the cart is not found, as everywhere (only the token proves it is the guest's)
		return checkout.adoptGuestCart(currentStore.id(), new CartId(id), token == null ? "" : token,
				customer.customerId());
	}

	@PostMapping("/{id}/complete/confirm")
	@Operation(summary = "Finish a completion after the shopper's 3-D Secure challenge",
			description = "201 with the order once the challenge passed; 402 PAYMENT_DECLINED when it failed (cart open "
					+ "again); 202 while the challenge is still open; 200 when the order already exists.")
	@ApiResponse(responseCode = "201", description = "The order was placed")
	@ApiResponse(responseCode = "200", description = "The order already exists")
	@ApiResponse(responseCode = "202", description = "The challenge is still open")
	@ApiResponse(responseCode = "402", description = "The challenge failed (PAYMENT_DECLINED, reason authentication_failed)",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	@TokenHeader
	ResponseEntity<Completion> confirm(@PathVariable UUID id,
			@RequestHeader(name = TOKEN_HEADER, required = false) @Nullable String token,
			@AuthenticationPrincipal @Nullable CustomerPrincipal customer) {
		return answer(checkout.confirm(currentStore.id(), new CartId(id), access(token, customer)));
	}

	private static ResponseEntity<Completion> answer(CheckoutResult result) {
		HttpStatus status = switch (result.outcome()) {
			case PLACED -> HttpStatus.CREATED;
			case ALREADY_PLACED -> HttpStatus.OK;
			case REQUIRES_ACTION -> HttpStatus.ACCEPTED;
		};
		return ResponseEntity.status(status).body(Completion.of(result));
	}

	private static CheckoutPayment payment(PaymentBody body) {
		PaymentMethod method;
		try {
			method = PaymentMethod.valueOf(body.method().strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new BusinessRuleViolation("INVALID_PAYMENT_METHOD", 422,
					"Unknown payment method '" + body.method() + "': use card, bank_transfer or cash_on_delivery",
					Map.of("payment.method", "must be card, bank_transfer or cash_on_delivery"));
		}
		CardBody card = body.card();
		return new CheckoutPayment(method, card == null ? null
				: new CardInput(card.number(), card.expMonth(), card.expYear(), card.cvc()), body.gatewayToken(),
				body.returnUrl() == null ? "/" : body.returnUrl());
	}

	/** Refusals with more to say than a code: the gateway's reason of a decline, when to retry a busy checkout. */
	@ExceptionHandler(CheckoutRefused.class)
	ResponseEntity<ProblemDetail> refused(CheckoutRefused ex) {
		return problem(ex);
	}

	static ResponseEntity<ProblemDetail> problem(CheckoutRefused ex) {
		ProblemDetail problem = Problems.of(ex.status(), ex.code(), title(ex.status()), ex.getMessage());
		if (!ex.fieldErrors().isEmpty()) {
			Problems.withFieldErrors(problem, Problems.fieldErrors(ex.fieldErrors()));
		}
		if (ex.reason() != null) {
			problem.setProperty("reason", ex.reason());
		}
		ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (ex.retryAfter() != null) {
			response.header("Retry-After", Long.toString(Math.max(1, ex.retryAfter().toSeconds())));
		}
		return response.body(problem);
	}

	private static String title(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return known == null ? "Error" : known.getReasonPhrase();
	}

	/** Documents the cart token header and the cart's 404 on an operation. */
	@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
	@java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
	@ApiResponse(responseCode = "404", description = "No such cart, or the token does not open it (CART_NOT_FOUND)",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	@interface TokenHeader {
	}
}
