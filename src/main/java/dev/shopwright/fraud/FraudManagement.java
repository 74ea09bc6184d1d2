package dev.shopwright.fraud;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shopwright.fraud.domain.Assessments;
import dev.shopwright.fraud.domain.Blocklist;
import dev.shopwright.fraud.domain.CardFingerprints;
import dev.shopwright.fraud.domain.FraudSettingsRecords;
import dev.shopwright.fraud.domain.RiskScoring;
import dev.shopwright.fraud.events.RiskAssessed;
import dev.shopwright.fraud.events.RiskReviewed;
import dev.shopwright.platform.Actor;
import dev.shopwright.platform.AuditLog;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;

/**
 * Fraud screening's façade. Checkout calls {@link #assess} with what it knows of an order before placing it, and maps
 * the {@link RiskAssessment} onto the order's risk (HIGH holds the order for review). Staff read the assessments,
 * review them, keep the blocklist and tune the rules per store.
 */
@Service
public class FraudManagement {

	private final Assessments assessments;

	private final Blocklist blocklist;

	private final FraudSettingsRecords settingsRecords;

	private final CardFingerprints fingerprints;

	private final StoreManagement stores;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final AuditLog auditLog;

	FraudManagement(Assessments assessments, Blocklist blocklist, FraudSettingsRecords settingsRecords,
			CardFingerprints fingerprints, StoreManagement stores, TransactionTemplate transactions,
			ApplicationEventPublisher events, AuditLog auditLog) {
		this.assessments = assessments;
		this.blocklist = blocklist;
		this.settingsRecords = settingsRecords;
		this.fingerprints = fingerprints;
		this.stores = stores;
		this.transactions = transactions;
		this.events = events;
		this.auditLog = auditLog;
	}

	/**
	 * Scores the order and records the assessment (published as {@link RiskAssessed}). Concurrent checks that share
	 * an email, IP or card wait for each other, so velocity counts every order that was assessed before.
	 */
	public RiskAssessment assess(StoreId store, RiskCheck check) {
		return transactions.execute(status -> {
			FraudSettings settings = settings(store);
			assessments.lockSignals(store, check);
			Assessments.Velocity velocity = assessments.velocity(store, check, settings.windowMinutes(),
					settings.emailVelocityLimit(), settings.ipVelocityLimit(), settings.cardVelocityLimit());
			String shippingCountry = RiskScoring.countryOf(check.shippingAddress());
			List<BlockedValue> blocked = blocklist.matching(store, check, shippingCountry);
			RiskScoring.Scored scored = RiskScoring.score(settings, check, velocity, blocked);
			RiskAssessment assessment = assessments.insert(store, check, shippingCountry, scored.score(), scored.level(),
					scored.rules());
			events.publishEvent(new RiskAssessed(store, assessment.id(), assessment.reference(), assessment.score(),
					assessment.level()));
			return assessment;
		});
	}

	/**
	 * The keyed fingerprint of a card number (HMAC-SHA256 under the installation's key, hex): pass it in
	 * {@link RiskCheck#cardFingerprint()}; the number itself never reaches this module's tables.
	 */
	public String cardFingerprint(String cardNumber) {
		return fingerprints.of(cardNumber);
	}

	public FraudSettings settings(StoreId store) {
		return settingsRecords.find(store).orElseGet(() -> FraudSettings.defaults(stores.get(store).defaultCurrency()));
	}

	/** Replaces the store's settings; thresholds must rise (MEDIUM below HIGH), the high-value amount is in store currency. */
	public FraudSettings updateSettings(StoreId store, FraudSettings settings) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (settings.mediumThreshold() >= settings.highThreshold()) {
			errors.put("highThreshold", "must be above the MEDIUM threshold (" + settings.mediumThreshold() + ")");
		}
		String storeCurrency = stores.get(store).defaultCurrency().getCurrencyCode();
		if (!settings.highValueThreshold().currency().getCurrencyCode().equals(storeCurrency)) {
			errors.put("highValueThreshold", "must be in the store's currency, " + storeCurrency);
		}
		if (settings.highValueThreshold().amount().signum() <= 0) {
			errors.put("highValueThreshold", "must be more than zero");
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation("INVALID_FRAUD_SETTINGS", 422, "The fraud settings are not consistent: "
					+ String.join("; ", errors.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()),
					errors);
		}
		transactions.executeWithoutResult(status -> {
			settingsRecords.save(store, settings);
			auditLog.record(store, "fraud.settings-updated", "fraud-settings", store.toString(),
					"Fraud settings: window %d min, MEDIUM ≥ %d, HIGH ≥ %d".formatted(settings.windowMinutes(),
							settings.mediumThreshold(), settings.highThreshold()));
		});
		return settings(store);
	}

	public RiskAssessment assessment(StoreId store, RiskAssessmentId id) {
		return assessments.find(store, id).orElseThrow(() -> new ResourceNotFound("Risk assessment", id.toString()));
	}

	/** The review queue order: HIGH first, then newest first. */
	public Page<RiskAssessment> assessments(StoreId store, AssessmentListing listing, @Nullable String cursor, int limit) {
		return assessments.list(store, listing, cursor, limit);
	}

	/**
	 * Records staff's decision on an assessment, once (a second review is a 409 {@code ALREADY_REVIEWED}); a
	 * FRAUDULENT decision with {@code blockSignals} also blocks its email, IP and card fingerprint, in the same
	 * transaction. Publishes {@link RiskReviewed}.
	 */
	public RiskAssessment review(StoreId store, RiskAssessmentId id, ReviewDecision decision, boolean blockSignals,
			@Nullable String note) {
		if (blockSignals && decision != ReviewDecision.FRAUDULENT) {
			throw BusinessRuleViolation.ofField("BLOCK_REQUIRES_FRAUDULENT", "blockSignals",
					"only an assessment marked fraudulent can block its email, IP and card");
		}
		String trimmedNote = note == null || note.isBlank() ? null : note.strip();
		if (trimmedNote != null && trimmedNote.length() > 1000) {
			throw BusinessRuleViolation.ofField("VALIDATION_FAILED", "note", "must be at most 1000 characters");
		}
		Actor actor = Actor.current();
		return transactions.execute(status -> {
			RiskAssessment assessment = assessment(store, id);
			if (!assessments.review(store, id, decision, trimmedNote, actor.actorName())) {
				throw new BusinessRuleViolation("ALREADY_REVIEWED", 409,
						"Assessment %s was already reviewed".formatted(assessment.reference()));
			}
			List<String> blockedNow = new ArrayList<>();
			if (blockSignals) {
				String source = "Marked fraudulent in the review of " + assessment.reference();
				addIfNew(store, BlockType.EMAIL, assessment.email(), source, actor, blockedNow);
				if (assessment.clientIp() != null && blocklist.isBlockableIp(assessment.clientIp())) {
					addIfNew(store, BlockType.IP, assessment.clientIp(), source, actor, blockedNow);
				}
				if (assessment.cardFingerprint() != null) {
					addIfNew(store, BlockType.CARD_FINGERPRINT, assessment.cardFingerprint(), source, actor, blockedNow);
				}
			}
			auditLog.record(store, "fraud.reviewed", "risk-assessment", id.toString(), "%s %s%s".formatted(
					assessment.reference(), decision, blockedNow.isEmpty() ? "" : ", blocked " + String.join(", ", blockedNow)));
			events.publishEvent(new RiskReviewed(store, id, assessment.reference(), decision));
			return assessment(store, id);
		});
	}

	public Page<BlockedValue> blocklist(StoreId store, @Nullable BlockType type, @Nullable String cursor, int limit) {
		return blocklist.list(store, type, cursor, limit);
	}

	public BlockedValue blockedValue(StoreId store, UUID id) {
		return blocklist.find(store, id).orElseThrow(() -> new ResourceNotFound("Blocked value", id.toString()));
	}

	/**
	 * Blocks a value (normalised: case-insensitive email and domain, a card number is fingerprinted and never kept);
	 * a value the store already blocks is a 409 {@code ALREADY_BLOCKED}.
	 */
	public BlockedValue block(StoreId store, BlockType type, String value, @Nullable String note) {
		String normalised = blocklist.normalise(type, value);
		if (note != null && note.strip().length() > 500) {
			throw BusinessRuleViolation.ofField("VALIDATION_FAILED", "note", "must be at most 500 characters");
		}
		Actor actor = Actor.current();
		return transactions.execute(status -> {
			Optional<BlockedValue> added = blocklist.add(store, type, normalised, note, actor.actorName());
			if (added.isEmpty()) {
				throw new BusinessRuleViolation("ALREADY_BLOCKED", 409, "This %s is already blocked"
					.formatted(type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')), Map.of("value", "already blocked"));
			}
			auditLog.record(store, "fraud.blocked", "blocked-value", added.get().id().toString(),
					"Blocked " + type + " " + shown(type, added.get().value()));
			return added.get();
		});
	}

	public void unblock(StoreId store, UUID id) {
		transactions.executeWithoutResult(status -> {
			BlockedValue entry = blockedValue(store, id);
			if (blocklist.remove(store, id)) {
				auditLog.record(store, "fraud.unblocked", "blocked-value", id.toString(),
						"Unblocked " + entry.type() + " " + shown(entry.type(), entry.value()));
			}
		});
	}

	private void addIfNew(StoreId store, BlockType type, String value, String note, Actor actor, List<String> added) {
		String normalised;
		try {
			normalised = blocklist.normalise(type, value);
		}
		catch (BusinessRuleViolation ex) {
			return; // a signal checkout recorded that is no blockable value (an email without @): nothing to block
		}
		blocklist.add(store, type, normalised, note, actor.actorName())
			.ifPresent(entry -> added.add(type + " " + shown(type, entry.value())));
	}

	/** What the audit log shows of a value: a card fingerprint shortened, it means nothing to a reader anyway. */
	private static String shown(BlockType type, String value) {
		return type == BlockType.CARD_FINGERPRINT ? value.substring(0, 12) + "…" : value;
	}
}
