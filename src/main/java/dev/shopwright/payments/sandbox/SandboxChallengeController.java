package dev.shopwright.payments.sandbox;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import dev.shopwright.platform.ResourceNotFound;

/**
 * The sandbox's 3-D Secure page, standing in for the card issuer's: a plain form (no JavaScript needed) where the
 * shopper passes or fails the challenge, after which they go back to the return URL the shop gave, with
 * {@code redirect_status=succeeded|failed} added.
 */
@Controller
class SandboxChallengeController {

	private final SandboxGateway sandbox;

	SandboxChallengeController(SandboxGateway sandbox) {
		this.sandbox = sandbox;
	}

	@GetMapping("/payments/sandbox/3ds/{id}")
	String show(@PathVariable UUID id, Model model) {
		SandboxGateway.Challenge challenge = sandbox.challenge(id).orElseThrow(() -> new ResourceNotFound("Challenge", id.toString()));
		model.addAttribute("challenge", challenge);
		return "payments/sandbox-3ds";
	}

	@PostMapping("/payments/sandbox/3ds/{id}")
	String answer(@PathVariable UUID id, @RequestParam String result, Model model) {
		sandbox.challenge(id).orElseThrow(() -> new ResourceNotFound("Challenge", id.toString()));
		SandboxGateway.Challenge challenge = sandbox.completeChallenge(id, result.equals("pass"));
		String outcome = challenge.status().equals("SUCCEEDED") ? "succeeded" : "failed";
		if (challenge.returnUrl() == null) {
			model.addAttribute("challenge", challenge);
			return "payments/sandbox-3ds";
		}
		return "redirect:" + UriComponentsBuilder.fromUriString(challenge.returnUrl())
			.queryParam("redirect_status", outcome).build().toUriString();
	}
}
