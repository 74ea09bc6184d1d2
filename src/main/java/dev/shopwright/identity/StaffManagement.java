package dev.shopwright.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.shopwright.identity.domain.StaffUsers;
import dev.shopwright.identity.domain.Tokens;
import dev.shopwright.identity.security.LoginThrottle;
import dev.shopwright.identity.security.StaffPrincipal;
import dev.shopwright.platform.AuditLog;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.shared.StoreId;

/** The identity module's façade: logins, tokens, and the staff of a store. */
@Service
public class StaffManagement {

	public static final int MINIMUM_PASSWORD_LENGTH = 12;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final StaffUsers users;

	private final Tokens tokens;

	private final PasswordEncoder passwords;

	private final LoginThrottle throttle;

	private final AuditLog auditLog;

	private final Duration loginTokenLifetime;

	/** Compared against when the email is unknown, so a miss costs the same time as a wrong password. */
	private final String decoyHash;

	StaffManagement(StaffUsers users, Tokens tokens, PasswordEncoder passwords, LoginThrottle throttle,
			AuditLog auditLog, @Value("${shopwright.auth.login-token-lifetime:PT1H}") Duration loginTokenLifetime) {
		this.users = users;
		this.tokens = tokens;
		this.passwords = passwords;
		this.throttle = throttle;
		this.auditLog = auditLog;
		this.loginTokenLifetime = loginTokenLifetime;
		this.decoyHash = passwords.encode("decoy-password-for-timing");
	}

	/** Checks email and password, throttled per client address and account. */
	@Transactional
	public StaffPrincipal login(String email, String password, String clientAddress) {
		String normalized = email.strip().toLowerCase(Locale.ROOT);
		long wait = throttle.secondsUntilAllowed(clientAddress, normalized);
		if (wait > 0) {
			throw new LoginThrottled(wait);
		}
		Optional<StaffUsers.Account> account = users.findAccountByEmail(normalized);
		boolean matches = passwords.matches(password, account.map(StaffUsers.Account::passwordHash).orElse(decoyHash));
		if (account.isEmpty() || !matches || !account.get().active()) {
			throttle.recordFailure(clientAddress, normalized);
			throw new InvalidCredentials();
		}
		StaffUsers.Account user = account.get();
		users.recordLogin(user.id());
		return StaffPrincipal.user(user.id(), user.email(), user.name(), user.owner(), user.passwordHash());
	}

	/** A short-lived bearer token acting as this user. */
	@Transactional
	public IssuedToken issueLoginToken(StaffPrincipal user) {
		Instant expiresAt = Instant.now().plus(loginTokenLifetime);
		String secret = newSecret();
		UUID id = UUID.randomUUID();
		tokens.insert(id, hash(secret), "login", user.userId(), null, null, "login " + user.email(), prefix(secret),
				user.userId(), expiresAt);
		return new IssuedToken(new ApiToken(id, "login", Role.OWNER, prefix(secret), Instant.now(), expiresAt, null, null),
				secret, expiresAt);
	}

	/** The caller a bearer token stands for, if it is valid now. */
	@Transactional
	public Optional<StaffPrincipal> authenticateToken(String secret) {
		Optional<Tokens.Resolved> resolved = tokens.resolve(hash(secret));
		if (resolved.isEmpty()) {
			return Optional.empty();
		}
		Tokens.Resolved token = resolved.get();
		tokens.touch(token.id());
		if ("api".equals(token.kind())) {
			return Optional.of(StaffPrincipal.apiToken(token.id(), token.name(), token.storeId(), token.role()));
		}
		return users.findAccount(token.userId())
			.filter(StaffUsers.Account::active)
			.map(user -> StaffPrincipal.user(user.id(), user.email(), user.name(), user.owner(), null));
	}

	/** Roles per store for a user, or empty when the account no longer exists or is deactivated. */
	@Transactional(readOnly = true)
	public Optional<Map<StoreId, Role>> activeMemberships(UUID userId) {
		return users.findAccount(userId).filter(StaffUsers.Account::active).map(user -> users.memberships(userId));
	}

	@Transactional(readOnly = true)
	public List<StaffMember> staffOf(StoreId storeId) {
		return users.ofStore(storeId);
	}

	/** Gives someone a role in the store: a new account (with a password) or an existing one. */
	@Transactional
	public StaffMember addStaff(StoreId storeId, String email, String name, @Nullable String password, Role role) {
		requireAssignable(role);
		String normalized = email.strip().toLowerCase(Locale.ROOT);
		Optional<StaffUsers.Account> existing = users.findAccountByEmail(normalized);
		UUID userId;
		if (existing.isPresent()) {
			userId = existing.get().id();
			if (existing.get().owner()) {
				throw BusinessRuleViolation.ofField("STAFF_IS_OWNER", "email", "The owner already has every permission.");
			}
		}
		else {
			requireStrongPassword(password);
			userId = UUID.randomUUID();
			try {
				users.insert(userId, normalized, name.strip(), passwords.encode(password), false);
			}
			catch (DuplicateKeyException ex) {
				throw BusinessRuleViolation.ofField("STAFF_EMAIL_TAKEN", "email", "Another account was just created with this email.");
			}
		}
		users.putMembership(storeId, userId, role);
		auditLog.record(storeId, "staff.added", "staff", userId.toString(), "Gave " + normalized + " the role " + role);
		return users.memberOfStore(storeId, userId).orElseThrow();
	}

	@Transactional
	public StaffMember changeRole(StoreId storeId, UUID userId, Role role) {
		requireAssignable(role);
		StaffMember member = member(storeId, userId);
		if (member.owner()) {
			throw BusinessRuleViolation.ofField("STAFF_IS_OWNER", "role", "The owner's role cannot be changed.");
		}
		users.putMembership(storeId, userId, role);
		auditLog.record(storeId, "staff.role-changed", "staff", userId.toString(),
				"Changed the role of " + member.email() + " from " + member.role() + " to " + role);
		return users.memberOfStore(storeId, userId).orElseThrow();
	}

	@Transactional
	public void removeFromStore(StoreId storeId, UUID userId) {
		StaffMember member = member(storeId, userId);
		if (member.owner()) {
			throw new BusinessRuleViolation("STAFF_IS_OWNER", 422, "The owner cannot be removed from a store.");
		}
		users.removeMembership(storeId, userId);
		auditLog.record(storeId, "staff.removed", "staff", userId.toString(), "Removed " + member.email() + " from the store");
	}

	/** Deactivating an account ends its sessions and tokens at their next request. */
	@Transactional
	public StaffMember setActive(StoreId storeId, UUID userId, boolean active) {
		StaffMember member = member(storeId, userId);
		if (member.owner() && !active) {
			throw new BusinessRuleViolation("STAFF_IS_OWNER", 422, "The owner cannot be deactivated.");
		}
		boolean worksElsewhere = users.memberships(userId).keySet().stream().anyMatch(store -> !store.equals(storeId));
		if (worksElsewhere && !currentCallerIsOwner()) {
			// the account is shared by stores; an admin of one store must not lock it out of the others
			throw new BusinessRuleViolation("STAFF_IN_OTHER_STORES", 422, member.email() + " also works in other "
					+ "stores: remove them from this store instead, or ask the owner to deactivate the account.");
		}
		users.setActive(userId, active);
		auditLog.record(storeId, active ? "staff.activated" : "staff.deactivated", "staff", userId.toString(),
				(active ? "Activated " : "Deactivated ") + member.email());
		return users.memberOfStore(storeId, userId).orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<ApiToken> apiTokensOf(StoreId storeId) {
		return tokens.ofStore(storeId);
	}

	/** A long-lived token for the store with the role's permissions; its secret is returned once, never again. */
	@Transactional
	public IssuedToken createApiToken(StoreId storeId, String name, Role role, @Nullable Instant expiresAt) {
		requireAssignable(role);
		if (name.isBlank()) {
			throw BusinessRuleViolation.ofField("VALIDATION_FAILED", "name", "must not be blank");
		}
		if (expiresAt != null && expiresAt.isBefore(Instant.now())) {
			throw BusinessRuleViolation.ofField("TOKEN_EXPIRY_IN_PAST", "expiresAt", "must be in the future");
		}
		String secret = newSecret();
		UUID id = UUID.randomUUID();
		tokens.insert(id, hash(secret), "api", null, storeId, role, name.strip(), prefix(secret), currentUserId(),
				expiresAt);
		auditLog.record(storeId, "api-token.created", "api-token", id.toString(),
				"Created API token " + name.strip() + " with role " + role);
		return new IssuedToken(tokens.find(storeId, id).orElseThrow(), secret, expiresAt);
	}

	@Transactional
	public void revokeApiToken(StoreId storeId, UUID id) {
		ApiToken token = tokens.find(storeId, id).orElseThrow(() -> new ResourceNotFound("API token", id.toString()));
		if (tokens.revoke(storeId, id)) {
			auditLog.record(storeId, "api-token.revoked", "api-token", id.toString(), "Revoked API token " + token.name());
		}
	}

	/** Creates the owner on first start; returns true if it did. */
	@Transactional
	public boolean createOwnerIfNone(String email, String name, String password, List<StoreId> stores) {
		if (users.anyOwner()) {
			return false;
		}
		requireStrongPassword(password);
		UUID id = UUID.randomUUID();
		users.insert(id, email.strip().toLowerCase(Locale.ROOT), name, passwords.encode(password), true);
		stores.forEach(store -> auditLog.record(store, "staff.owner-created", "staff", id.toString(),
				"Created the owner account " + email));
		return true;
	}

	private StaffMember member(StoreId storeId, UUID userId) {
		return users.memberOfStore(storeId, userId)
			.orElseThrow(() -> new ResourceNotFound("Staff member", userId.toString()));
	}

	private static void requireAssignable(Role role) {
		if (!role.assignable()) {
			throw BusinessRuleViolation.ofField("ROLE_NOT_ASSIGNABLE", "role",
					"OWNER cannot be given; choose one of ADMIN, CATALOG, INVENTORY, FULFILLMENT, SUPPORT, MARKETING, ANALYST");
		}
	}

	private static void requireStrongPassword(@Nullable String password) {
		if (password == null || password.length() < MINIMUM_PASSWORD_LENGTH) {
			throw BusinessRuleViolation.ofField("PASSWORD_TOO_SHORT", "password",
					"must be at least " + MINIMUM_PASSWORD_LENGTH + " characters");
		}
		if (password.length() > 200) {
			throw BusinessRuleViolation.ofField("PASSWORD_TOO_LONG", "password", "must be at most 200 characters");
		}
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
	void forgetExpiredLoginTokens() {
		tokens.deleteExpiredLoginTokens();
	}

	private static boolean currentCallerIsOwner() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal
				&& principal.owner();
	}

	private static @Nullable UUID currentUserId() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal
				? principal.userId() : null;
	}

	private static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return "swt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String prefix(String secret) {
		return secret.substring(0, 10);
	}

	static String hash(String secret) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A readable random password for a generated owner account. */
	static String generatePassword() {
		String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			if (i > 0 && i % 5 == 0) {
				password.append('-');
			}
			password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
		}
		return password.toString();
	}
}
