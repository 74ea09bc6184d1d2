package dev.shopwright.customers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.shopwright.customers.domain.CustomerTokens;
import dev.shopwright.customers.domain.Customers;
import dev.shopwright.customers.events.CustomerRegistered;
import dev.shopwright.customers.events.PasswordResetRequested;
import dev.shopwright.platform.AuditLog;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.Cursor;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;

/**
 * Shopper accounts, per store: registration, login (customer tokens), profile and addresses, password reset,
 * and what staff see and change. Checkout reads a customer (tax exemption, default addresses) through
 * {@link #find(StoreId, CustomerId)}.
 */
@Service
@Transactional
public class CustomerManagement {

	public static final int MINIMUM_PASSWORD_LENGTH = 10;

	/** Customer bearer tokens start with this, so the Store API can tell them from staff tokens ({@code swt_}). */
	public static final String TOKEN_PREFIX = "swc_";

	static final Duration RESET_LINK_LIFETIME = Duration.ofHours(1);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Customers customers;

	private final CustomerTokens tokens;

	private final CustomerLoginThrottle throttle;

	private final ApplicationEventPublisher events;

	private final AuditLog auditLog;

	private final Clock clock;

	private final Duration tokenLifetime;

	/** Argon2id as for staff; an own instance, because staff passwords are the identity module's business. */
	private final PasswordEncoder passwords = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

	/** Compared against when the email is unknown, so a login takes as long whether or not the account exists. */
	private final String unknownAccountHash = passwords.encode("no such account " + UUID.randomUUID());

	CustomerManagement(Customers customers, CustomerTokens tokens, CustomerLoginThrottle throttle,
			ApplicationEventPublisher events, AuditLog auditLog,
			@Value("${shopwright.customers.token-lifetime:P30D}") Duration tokenLifetime) {
		this.customers = customers;
		this.tokens = tokens;
		this.throttle = throttle;
		this.events = events;
		this.auditLog = auditLog;
		this.clock = Clock.systemUTC();
		this.tokenLifetime = tokenLifetime;
	}

	// ---- shopper side ----

	/** Creates an account; the email is unique per store, compared without regard to case. */
	public Customer register(StoreId storeId, Registration registration) {
		checkPassword(registration.password());
		CustomerId id = new CustomerId(UUID.randomUUID());
		String email = registration.email().strip();
		try {
			customers.insert(storeId, id, email, blankToNull(registration.firstName()), blankToNull(registration.lastName()),
					blankToNull(PhoneNumbers.normalize(registration.phone(), null, "phone")),
					Boolean.TRUE.equals(registration.acceptsMarketing()), passwords.encode(registration.password()));
		}
		catch (DuplicateKeyException ex) {
			throw new EmailAlreadyRegistered();
		}
		events.publishEvent(new CustomerRegistered(storeId, id, email, Boolean.TRUE.equals(registration.acceptsMarketing())));
		return get(storeId, id);
	}

	/**
	 * Checks email and password (throttled per client address and account); the storefront keeps the returned
	 * principal in its session, the Store API issues a token with {@link #logIn}.
	 */
	@Transactional(readOnly = true)
	public CustomerPrincipal authenticate(StoreId storeId, String email, String password, String clientAddress) {
		String account = storeId + "|" + email.strip();
		long wait = throttle.secondsUntilAllowed(account, clientAddress);
		if (wait > 0) {
			throw new CustomerLoginThrottled(wait);
		}
		Optional<Customers.Credentials> credentials = customers.credentials(storeId, email.strip());
		boolean matches = passwords.matches(password, credentials.map(Customers.Credentials::passwordHash)
			.orElse(unknownAccountHash));
		if (credentials.isEmpty() || !matches || credentials.get().state() != CustomerState.ENABLED) {
			throw failed(account, clientAddress);
		}
		return new CustomerPrincipal(storeId, credentials.get().id(), credentials.get().email());
	}

	/** Logs in for the Store API: a bearer token ({@code swc_…}) valid until it expires or the shopper logs out. */
	public CustomerToken logIn(StoreId storeId, String email, String password, String clientAddress) {
		CustomerPrincipal principal = authenticate(storeId, email, password, clientAddress);
		String secret = TOKEN_PREFIX + randomSecret();
		Instant expiresAt = clock.instant().plus(tokenLifetime);
		tokens.insertAccessToken(storeId, principal.customerId(), hash(secret), expiresAt);
		return new CustomerToken(secret, expiresAt, get(storeId, principal.customerId()));
	}

	/** The shopper a presented token belongs to, if it is live and the account enabled. */
	@Transactional(readOnly = true)
	public Optional<CustomerPrincipal> authenticateToken(String secret) {
		if (!secret.startsWith(TOKEN_PREFIX) || secret.length() > 200) {
			return Optional.empty();
		}
		return tokens.resolveAccessToken(hash(secret));
	}

	/** Revokes the token; it stops working at once. */
	public void logOut(StoreId storeId, String secret) {
		tokens.revokeAccessToken(storeId, hash(secret));
	}

	/** Whether a signed-in shopper (a session) may still act: the account exists in that store and is enabled. */
	@Transactional(readOnly = true)
	public boolean isActive(CustomerPrincipal principal) {
		return customers.isEnabled(principal.storeId(), principal.customerId());
	}

	public Customer updateProfile(StoreId storeId, CustomerId id, ProfileChanges changes) {
		ProfileChanges normalized = new ProfileChanges(changes.firstName(), changes.lastName(),
				PhoneNumbers.normalize(changes.phone(), null, "phone"), changes.acceptsMarketing());
		if (!customers.updateProfile(storeId, id, normalized)) {
			throw new ResourceNotFound("Customer", id.toString());
		}
		return get(storeId, id);
	}

	/** Saves an address; the first one becomes the default for shipping and billing. */
	public CustomerAddress addAddress(StoreId storeId, CustomerId id, AddressDetails details, boolean defaultShipping,
			boolean defaultBilling) {
		Customer customer = get(storeId, id);
		UUID addressId = UUID.randomUUID();
		customers.insertAddress(storeId, id, addressId, normalized(details));
		boolean first = customer.addresses().isEmpty();
		if (first || defaultShipping || defaultBilling) {
			customers.makeDefault(storeId, id, addressId, first || defaultShipping, first || defaultBilling);
		}
		return address(storeId, id, addressId);
	}

	public CustomerAddress updateAddress(StoreId storeId, CustomerId id, UUID addressId, AddressDetails details) {
		if (!customers.updateAddress(storeId, id, addressId, normalized(details))) {
			throw new ResourceNotFound("Address", addressId.toString());
		}
		return address(storeId, id, addressId);
	}

	public void deleteAddress(StoreId storeId, CustomerId id, UUID addressId) {
		if (!customers.deleteAddress(storeId, id, addressId)) {
			throw new ResourceNotFound("Address", addressId.toString());
		}
	}

	/** Makes one of the customer's addresses the default for shipping and/or billing. */
	public CustomerAddress makeDefaultAddress(StoreId storeId, CustomerId id, UUID addressId, boolean shipping,
			boolean billing) {
		if (!customers.makeDefault(storeId, id, addressId, shipping, billing)) {
			throw new ResourceNotFound("Address", addressId.toString());
		}
		return address(storeId, id, addressId);
	}

	/**
	 * Starts a password reset. Says nothing about whether the email has an account: the email (with a link to
	 * {@code linkBase}) is sent only if it has, by a listener, through the outbox. Requests are counted like
	 * failed logins per client address and email, so nobody can flood a mailbox; past the budget they are
	 * dropped without saying so.
	 */
	public void requestPasswordReset(StoreId storeId, String email, String linkBase, String clientAddress) {
		String account = "reset|" + storeId + "|" + email.strip();
		if (throttle.secondsUntilAllowed(account, clientAddress) > 0) {
			return;
		}
		throttle.recordFailure(account, clientAddress);
		customers.credentials(storeId, email.strip())
			.filter(credentials -> credentials.state() == CustomerState.ENABLED)
			.ifPresent(credentials -> events.publishEvent(new PasswordResetRequested(storeId, credentials.id(),
					email.strip(), linkBase, clock.instant())));
	}

	/**
	 * Mints the one-time secret of a reset link and stores its hash; returns the secret for the email. Called by
	 * the listener that sends the email, so the clear secret never reaches the outbox.
	 */
	String issuePasswordResetSecret(StoreId storeId, CustomerId id) {
		String secret = randomSecret();
		tokens.insertPasswordReset(storeId, id, hash(secret), clock.instant().plus(RESET_LINK_LIFETIME));
		return secret;
	}

	@Transactional(readOnly = true)
	public boolean isPasswordResetLinkLive(String secret) {
		return secret.length() <= 200 && tokens.isPasswordResetLive(hash(secret));
	}

	/**
	 * Sets a new password with a reset link (single use, one hour); every earlier login token of the account
	 * ends. The link's secret names the account, store included.
	 */
	public CustomerPrincipal resetPassword(String secret, String newPassword) {
		checkPassword(newPassword);
		CustomerTokens.ResetTarget target = (secret.length() > 200 ? Optional.<CustomerTokens.ResetTarget>empty()
				: tokens.consumePasswordReset(hash(secret))).orElseThrow(PasswordResetLinkInvalid::new);
		customers.updatePassword(target.storeId(), target.customerId(), passwords.encode(newPassword));
		tokens.expireOtherPasswordResets(target.storeId(), target.customerId());
		tokens.revokeAllAccessTokens(target.storeId(), target.customerId());
		Customer customer = get(target.storeId(), target.customerId());
		return new CustomerPrincipal(customer.storeId(), customer.id(), customer.email());
	}

	// ---- read by checkout, the storefront and staff ----

	@Transactional(readOnly = true)
	public Optional<Customer> find(StoreId storeId, CustomerId id) {
		return customers.find(storeId, id);
	}

	@Transactional(readOnly = true)
	public Customer get(StoreId storeId, CustomerId id) {
		return find(storeId, id).orElseThrow(() -> new ResourceNotFound("Customer", id.toString()));
	}

	/** Whether checkout should leave taxes off for this customer; false for an unknown one. */
	@Transactional(readOnly = true)
	public boolean isTaxExempt(StoreId storeId, CustomerId id) {
		return find(storeId, id).map(Customer::taxExempt).orElse(false);
	}

	// ---- staff side ----

	/** Newest first; {@code query} matches email or name (substring, any case). */
	@Transactional(readOnly = true)
	public Page<CustomerListing> list(StoreId storeId, @Nullable String query, @Nullable String cursor, int limit) {
		Instant afterCreated = null;
		UUID afterId = null;
		if (cursor != null) {
			Cursor position = Cursor.decode(cursor, 2);
			afterCreated = position.instant(0);
			afterId = position.uuid(1);
		}
		List<CustomerListing> rows = customers.list(storeId, query, afterCreated, afterId, limit + 1);
		List<CustomerListing> items = rows.subList(0, Math.min(limit, rows.size()));
		String next = rows.size() > limit
				? Cursor.of(items.getLast().createdAt().toString(), items.getLast().id().toString()).encode() : null;
		return new Page<>(items, next);
	}

	public Customer updateByStaff(StoreId storeId, CustomerId id, StaffChanges changes) {
		if (!customers.updateByStaff(storeId, id, changes)) {
			throw new ResourceNotFound("Customer", id.toString());
		}
		Customer customer = get(storeId, id);
		if (changes.state() == CustomerState.DISABLED) {
			tokens.revokeAllAccessTokens(storeId, id);
		}
		auditLog.record(storeId, "customer.updated", "customer", id.toString(), "Updated customer " + customer.email()
				+ " (tax exempt: " + customer.taxExempt() + ", state: " + customer.state() + ")");
		return customer;
	}

	// ----

	private CustomerAddress address(StoreId storeId, CustomerId id, UUID addressId) {
		return get(storeId, id).addresses().stream().filter(address -> address.id().equals(addressId)).findFirst()
			.orElseThrow(() -> new ResourceNotFound("Address", addressId.toString()));
	}

	private static AddressDetails normalized(AddressDetails details) {
		var address = details.address();
		if (address.line1() == null || address.line1().isBlank() || address.city() == null || address.city().isBlank()
				|| address.country() == null) {
			Map<String, String> errors = new java.util.LinkedHashMap<>();
			if (address.line1() == null || address.line1().isBlank()) {
				errors.put("address.line1", "must not be blank");
			}
			if (address.city() == null || address.city().isBlank()) {
				errors.put("address.city", "must not be blank");
			}
			if (address.country() == null) {
				errors.put("address.country", "must not be blank");
			}
			throw new BusinessRuleViolation("ADDRESS_INCOMPLETE", 422, "An address needs a first line, a city and a country.",
					errors);
		}
		return new AddressDetails(blankToNull(details.firstName()), blankToNull(details.lastName()),
				blankToNull(details.company()), blankToNull(PhoneNumbers.normalize(details.phone(), address.country(), "phone")),
				address);
	}

	private static void checkPassword(String password) {
		if (password.length() < MINIMUM_PASSWORD_LENGTH || password.length() > 200) {
			String detail = "must be " + MINIMUM_PASSWORD_LENGTH + " to 200 characters";
			throw new BusinessRuleViolation("PASSWORD_TOO_SHORT", 422, "The password " + detail + ".",
					Map.of("password", detail));
		}
	}

	private RuntimeException failed(String account, String clientAddress) {
		throttle.recordFailure(account, clientAddress);
		return new InvalidCustomerCredentials();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String randomSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String secret) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
