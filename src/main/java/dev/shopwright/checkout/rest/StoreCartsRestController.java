package dev.shopwright.checkout.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
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
import dev.shopwright.checkout.CheckoutRefused;
import dev.shopwright.checkout.CreatedCart;
import dev.shopwright.checkout.ShippingOption;
import dev.shopwright.customers.AddressDetails;
import dev.shopwright.customers.CustomerPrincipal;
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
public class StoreCartsRestController {

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

	private final CheckoutManagement checkout;

	private final CurrentStore currentStore;

	public StoreCartsRestController(CheckoutManagement checkout, CurrentStore currentStore) {
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
