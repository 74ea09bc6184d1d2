package dev.shopwright.orders.drafts.web;

import java.util.UUID;

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
import org.springframework.web.util.UriComponentsBuilder;

import dev.shopwright.orders.Order;
import dev.shopwright.orders.OrderId;
import dev.shopwright.orders.OrderManagement;
import dev.shopwright.orders.drafts.DraftOrder;
import dev.shopwright.orders.drafts.DraftOrderStatus;
import dev.shopwright.orders.drafts.DraftOrders;
import dev.shopwright.orders.drafts.DraftOrders.PayResult;
import dev.shopwright.orders.drafts.PayLinks;
import dev.shopwright.orders.edits.OrderEdits;
import dev.shopwright.payments.CardInput;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.shared.Money;

/**
 * The public pay page behind a pay link, {@code /pay/{id}?token=…}: what there is to pay and a card form. Plain
 * server-rendered HTML, so it works without JavaScript. Each render carries a fresh attempt key, so a double-clicked
 * submit pays once; a 3-D Secure card goes to the issuer's page and comes back to {@code /pay/{id}/return}. The store
 * is the link's, whatever host the email was opened on; a wrong or old token is a 404.
 */
@Controller
class PayLinkController {

	private final PayLinks links;

	private final DraftOrders drafts;

	private final OrderEdits edits;

	private final OrderManagement orders;

	PayLinkController(PayLinks links, DraftOrders drafts, OrderEdits edits, OrderManagement orders) {
		this.links = links;
		this.drafts = drafts;
		this.edits = edits;
		this.orders = orders;
	}

	@GetMapping("/pay/{id}")
	String show(@PathVariable UUID id, @RequestParam(required = false) @Nullable String token, Model model) {
		PayLinks.Link link = open(id, token);
		if (link.draftId() != null && drafts.get(link.store(), link.draftId()).status() == DraftOrderStatus.COMPLETED) {
			return "redirect:" + done(id, token);
		}
		return form(link, token, model, null);
	}

	@PostMapping("/pay/{id}")
	String pay(@PathVariable UUID id, @RequestParam String token, @RequestParam String attemptKey,
			@RequestParam(defaultValue = "") String number, @RequestParam(defaultValue = "0") String expMonth,
			@RequestParam(defaultValue = "0") String expYear, @RequestParam(defaultValue = "") String cvc, Model model,
			HttpServletResponse response) {
		PayLinks.Link link = open(id, token);
		CardInput card = new CardInput(number.replaceAll("[\\s-]", ""), number(expMonth), number(expYear),
				cvc.isBlank() ? null : cvc.strip());
		String returnUrl = UriComponentsBuilder.fromPath("/pay/{id}/return").queryParam("token", token)
			.buildAndExpand(id).toUriString();
		try {
			PayResult result = link.draftId() != null
					? drafts.payByCard(link.store(), link.draftId(), card, attemptKey, returnUrl)
					: edits.payBalance(link.store(), new OrderId(link.orderId()), card, attemptKey, returnUrl);
			return follow(id, token, link, result, model);
		}
		catch (BusinessRuleViolation refused) {
			response.setStatus(refused.status());
			return form(link, token, model, refused.getMessage());
		}
	}

	@GetMapping("/pay/{id}/return")
	String back(@PathVariable UUID id, @RequestParam(required = false) @Nullable String token, Model model,
			HttpServletResponse response) {
		PayLinks.Link link = open(id, token);
		try {
			PayResult result = link.draftId() != null ? drafts.resume(link.store(), link.draftId())
					: edits.resumeBalance(link.store(), new OrderId(link.orderId()));
			if (result.outcome() == PayResult.Outcome.CHALLENGE) {
				return form(link, token, model, "The card's authentication was not completed; please try again.");
			}
			return follow(id, token, link, result, model);
		}
		catch (BusinessRuleViolation refused) {
			response.setStatus(refused.status());
			return form(link, token, model, refused.getMessage());
		}
	}

	@GetMapping("/pay/{id}/done")
	String done(@PathVariable UUID id, @RequestParam(required = false) @Nullable String token, Model model) {
		PayLinks.Link link = open(id, token);
		UUID orderId = link.draftId() != null ? link.draftId() : link.orderId();
		Order order = orders.find(link.store(), new OrderId(orderId))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("order", order);
		return "orders/drafts/paid";
	}

	private String follow(UUID id, String token, PayLinks.Link link, PayResult result, Model model) {
		return switch (result.outcome()) {
			case PAID -> "redirect:" + done(id, token);
			case CHALLENGE -> "redirect:" + result.redirectUrl();
			case DECLINED -> form(link, token, model, result.message());
		};
	}

	private String form(PayLinks.Link link, @Nullable String token, Model model, @Nullable String error) {
		model.addAttribute("linkId", link.id());
		model.addAttribute("token", token);
		model.addAttribute("attemptKey", UUID.randomUUID().toString());
		model.addAttribute("error", error);
		if (link.draftId() != null) {
			DraftOrder draft = drafts.get(link.store(), link.draftId());
			model.addAttribute("draft", draft);
			model.addAttribute("amount", draft.totals().total());
		}
		else {
			Order order = orders.get(link.store(), new OrderId(link.orderId()));
			Money due = edits.balanceDue(link.store(), order.id());
			model.addAttribute("order", order);
			model.addAttribute("amount", due);
		}
		return "orders/drafts/pay";
	}

	private PayLinks.Link open(UUID id, @Nullable String token) {
		// a plain 404 page: whether the id exists is not told to someone without its token
		return links.open(id, token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static String done(UUID id, @Nullable String token) {
		return UriComponentsBuilder.fromPath("/pay/{id}/done").queryParam("token", token).buildAndExpand(id)
			.toUriString();
	}

	private static int number(String typed) {
		try {
			return Integer.parseInt(typed.strip());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}
}
