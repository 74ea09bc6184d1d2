package dev.shopwright.inventory;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.shopwright.inventory.CountSheet.Status;
import dev.shopwright.inventory.domain.Bins;
import dev.shopwright.inventory.domain.CountSheets;
import dev.shopwright.inventory.domain.Levels;
import dev.shopwright.inventory.domain.Levels.Change;
import dev.shopwright.inventory.domain.Levels.Guard;
import dev.shopwright.inventory.domain.Locations;
import dev.shopwright.platform.Actor;
import dev.shopwright.platform.AuditLog;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.shared.StoreId;

/**
 * Cycle counts: a sheet of expected figures taken when it is made, counted blind, then reviewed and approved.
 * Approval applies each line's variance (counted − expected) as a COUNTED movement, so units sold or received
 * while the count was going on are not undone. Every edit names the sheet version it was made on.
 */
@Component
class CycleCounts {

	private static final String SOURCE = "count";

	private final CountSheets sheets;

	private final Levels levels;

	private final Locations locations;

	private final Bins bins;

	private final TrackedSkus trackedSkus;

	private final AuditLog auditLog;

	CycleCounts(CountSheets sheets, Levels levels, Locations locations, Bins bins, TrackedSkus trackedSkus,
			AuditLog auditLog) {
		this.sheets = sheets;
		this.levels = levels;
		this.locations = locations;
		this.bins = bins;
		this.trackedSkus = trackedSkus;
		this.auditLog = auditLog;
	}

	@Transactional
	public CountSheet create(StoreId store, LocationId location, @Nullable String binCode, @Nullable List<String> skus,
			@Nullable String note) {
		locations.find(store, location).orElseThrow(() -> InventoryProblems.unknownLocation(location.toString()));
		if (binCode != null && !bins.exists(store, location, binCode)) {
			throw BusinessRuleViolation.ofField("UNKNOWN_BIN", "binCode", "Bin '%s' does not exist at this location".formatted(binCode));
		}
		if (skus != null) {
			if (skus.size() > 5000) {
				throw InventoryProblems.invalidQuantity("skus", "at most 5000 SKUs on one sheet");
			}
			skus.forEach(sku -> trackedSkus.require(store, sku));
		}
		UUID id = sheets.create(store, location, binCode, skus == null || skus.isEmpty() ? null : skus, note);
		CountSheet sheet = get(store, id);
		auditLog.record(store, "count.created", "count", id.toString(), "#" + sheet.number());
		return sheet;
	}

	/** Saves counted figures (null clears one) made on {@code version}; a sheet saved meanwhile is a 409. */
	@Transactional
	public CountSheet record(StoreId store, UUID id, int version, Map<String, @Nullable Integer> counted) {
		CountSheet sheet = get(store, id);
		for (Map.Entry<String, @Nullable Integer> entry : counted.entrySet()) {
			Integer value = entry.getValue();
			if (value != null && (value < 0 || value > InventoryManagement.MAX_QUANTITY)) {
				throw InventoryProblems.invalidQuantity("counts." + entry.getKey(),
						"a count is between 0 and %d".formatted(InventoryManagement.MAX_QUANTITY));
			}
			if (sheet.lines().stream().noneMatch(l -> l.sku().equals(entry.getKey()))) {
				throw BusinessRuleViolation.ofField("NOT_ON_COUNT_SHEET", "counts." + entry.getKey(),
						"SKU %s is not on this count sheet".formatted(entry.getKey()));
			}
		}
		claim(store, id, version, null);
		counted.forEach((sku, value) -> sheets.setCounted(store, id, sku, value));
		return get(store, id);
	}

	/** Applies every variance as a COUNTED movement; all lines must be counted. */
	@Transactional
	public CountSheet approve(StoreId store, UUID id, int version) {
		CountSheet sheet = get(store, id);
		long uncounted = sheet.lines().size() - sheet.counted();
		if (uncounted > 0) {
			throw new BusinessRuleViolation("COUNT_INCOMPLETE", 422,
					"%d line(s) of count #%d are not counted yet".formatted(uncounted, sheet.number()));
		}
		claim(store, id, version, Status.APPROVED);
		Actor actor = Actor.current();
		for (CountSheet.Line line : sheet.lines()) {
			int variance = line.variance();
			if (variance == 0) {
				continue;
			}
			levels.apply(store, new Change(line.sku(), sheet.locationId(), sheet.binCode(), MovementReason.COUNTED, variance, 0,
					0, null, SOURCE, id.toString(), "count #" + sheet.number(), Guard.ON_HAND_STAYS_NON_NEGATIVE), actor)
				.orElseThrow(() -> new BusinessRuleViolation("STOCK_WOULD_GO_NEGATIVE", 409,
						"Units of %s left the location during the count; the variance of %d would take on hand below zero. Recount it."
							.formatted(line.sku(), variance)));
		}
		auditLog.record(store, "count.approved", "count", id.toString(), "#" + sheet.number());
		return get(store, id);
	}

	@Transactional
	public CountSheet cancel(StoreId store, UUID id, int version) {
		CountSheet sheet = get(store, id);
		claim(store, id, version, Status.CANCELLED);
		auditLog.record(store, "count.cancelled", "count", id.toString(), "#" + sheet.number());
		return get(store, id);
	}

	private void claim(StoreId store, UUID id, int version, @Nullable Status to) {
		if (!sheets.bump(store, id, version, to)) {
			CountSheet now = get(store, id);
			if (now.status() != Status.COUNTING) {
				throw new BusinessRuleViolation("COUNT_SHEET_CLOSED", 409,
						"Count #%d is %s".formatted(now.number(), now.status().name().toLowerCase(java.util.Locale.ROOT)));
			}
			throw new BusinessRuleViolation("COUNT_SHEET_CHANGED", 409,
					"Count #%d was saved by someone else meanwhile (version %d, yours %d); reload it and enter your figures again"
						.formatted(now.number(), now.version(), version));
		}
	}

	CountSheet get(StoreId store, UUID id) {
		return sheets.find(store, id).orElseThrow(() -> new ResourceNotFound("Count sheet", id.toString()));
	}
}
