package dev.shopwright.fraud.web;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.shopwright.fraud.AssessmentListing;
import dev.shopwright.fraud.FraudManagement;
import dev.shopwright.fraud.ReviewDecision;
import dev.shopwright.fraud.RiskAssessmentId;
import dev.shopwright.fraud.RiskLevel;
import dev.shopwright.platform.ConsoleForms;
import dev.shopwright.platform.CurrentStore;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/**
 * The risk review queue (HIGH first, newest first, the fired rules as chips) and an assessment's page, where staff
 * approve it or mark it fraudulent, optionally blocking its email, IP and card in the same step.
 */
@Controller
class RiskReviewAdminController {

	private static final int PAGE_SIZE = 50;

	private final FraudManagement fraud;

	private final CurrentStore currentStore;

	private final ConsoleForms forms;

	RiskReviewAdminController(FraudManagement fraud, CurrentStore currentStore, ConsoleForms forms) {
		this.fraud = fraud;
		this.currentStore = currentStore;
		this.forms = forms;
	}

	@GetMapping("/admin/fraud")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	String queue(@RequestParam(required = false) @Nullable RiskLevel level,
			@RequestParam(defaultValue = "awaiting") String show, @RequestParam(required = false) @Nullable String reference,
			@RequestParam(required = false) @Nullable String cursor, HtmxRequest htmx, Model model) {
		boolean awaitingOnly = !"all".equals(show);
		String wanted = reference == null || reference.isBlank() ? null : reference.strip();
		model.addAttribute("page", fraud.assessments(currentStore.id(), new AssessmentListing(level, awaitingOnly, wanted),
				cursor == null || cursor.isBlank() ? null : cursor, PAGE_SIZE));
		model.addAttribute("level", level);
		model.addAttribute("show", awaitingOnly ? "awaiting" : "all");
		model.addAttribute("reference", wanted);
		model.addAttribute("levels", RiskLevel.values());
		return htmx.isHtmxRequest() && cursor != null ? "fraud/queue :: rows" : "fraud/queue";
	}

	@GetMapping("/admin/fraud/assessments/{id}")
	@PreAuthorize("hasAuthority('ORDERS_READ')")
	String assessment(@PathVariable UUID id, Authentication authentication, Model model) {
		model.addAttribute("assessment", fraud.assessment(currentStore.id(), new RiskAssessmentId(id)));
		model.addAttribute("canWrite", StaffPermissions.holds(authentication, "ORDERS_WRITE"));
		return "fraud/assessment";
	}

	@PostMapping("/admin/fraud/assessments/{id}/review")
	@PreAuthorize("hasAuthority('ORDERS_WRITE')")
	String review(@PathVariable UUID id, @RequestParam ReviewDecision decision,
			@RequestParam(defaultValue = "false") boolean blockSignals, @RequestParam(defaultValue = "") String note,
			RedirectAttributes redirect) {
		String notice = decision == ReviewDecision.APPROVED ? "Marked as approved."
				: blockSignals ? "Marked as fraudulent; its email, IP and card are blocked." : "Marked as fraudulent.";
		forms.act(redirect, notice,
				() -> fraud.review(currentStore.id(), new RiskAssessmentId(id), decision, blockSignals, note));
		return "redirect:/admin/fraud/assessments/" + id;
	}
}
