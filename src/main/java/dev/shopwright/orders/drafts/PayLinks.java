package dev.shopwright.orders.drafts;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.shopwright.orders.ShopperTokens;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreLinks;
import dev.shopwright.stores.StoreMail;

/**
 * Links a shopper pays through, {@code /pay/{id}?token=…}: a draft's (id = the draft's id) or an edited order's
 * balance. The token is 32 random bytes; only its SHA-256 is stored and it is compared in constant time. The email
 * is sent at once (not through the outbox): the token exists in clear only in it, and a failure is shown to staff,
 * who send again (which issues a new token).
 */
@Component
public class PayLinks {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** An opened link: whose store, and which draft or order it pays. */
	public record Link(StoreId store, UUID id, @Nullable UUID draftId, @Nullable UUID orderId, String tokenHash) {
	}

	private final DraftOrderRows rows;

	private final StoreMail mail;

	private final StoreLinks links;

	PayLinks(DraftOrderRows rows, StoreLinks links, StoreMail mail) {
		this.rows = rows;
		this.mail = mail;
		this.links = links;
	}

	/**
	 * Where links in shopper emails point: the configured public URL, else the store's first domain, else the origin
	 * of the staff request that sends it (a signed-in staff member, not an anonymous Host header).
	 */
	public String base(StoreId store, HttpServletRequest staffRequest) {
		return links.base(store).orElseGet(() -> ServletUriComponentsBuilder.fromContextPath(staffRequest)
			.replacePath(null).replaceQuery(null).build().toUriString());
	}

	/** A new token for the draft's link (any earlier one stops working); returns the path with the token. */
	String issueForDraft(StoreId store, UUID draft) {
		String token = token();
		rows.draftLink(store, draft, ShopperTokens.hash(token));
		return path(draft, token);
	}

	/** A new link for what an order still owes; returns the path with the token. */
	public String issueForBalance(StoreId store, UUID order) {
		UUID id = UUID.randomUUID();
		String token = token();
		rows.balanceLink(store, id, order, ShopperTokens.hash(token));
		return path(id, token);
	}

	/** The link, if the token is the one it was issued with. */
	public Optional<Link> open(UUID id, @Nullable String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return rows.link(id)
			.filter(link -> ShopperTokens.matches(token, link.tokenHash()))
			.map(link -> new Link(link.store(), link.id(), link.draftId(), link.orderId(), link.tokenHash()));
	}

	/** Sends a plain-text email from the store; refused (503 MAIL_NOT_SENT) when there is no mail server or it fails. */
	public void send(StoreId storeId, String to, String subject, String text) {
		if (!mail.configured()) {
			throw DraftProblems.mailNotSent("no mail server is configured (spring.mail.host)");
		}
		try {
			mail.send(storeId, to, subject, text);
		}
		catch (MailException ex) {
			throw DraftProblems.mailNotSent(ex.getMessage() == null ? "the mail server refused it" : ex.getMessage());
		}
	}

	private static String path(UUID id, String token) {
		return "/pay/" + id + "?token=" + token;
	}

	private static String token() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
