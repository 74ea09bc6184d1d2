package dev.shopwright.inventory;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.shopwright.inventory.Transfer.Status;
import dev.shopwright.inventory.domain.Levels;
import dev.shopwright.inventory.domain.Levels.Change;
import dev.shopwright.inventory.domain.Levels.Guard;
import dev.shopwright.inventory.domain.Locations;
import dev.shopwright.inventory.domain.Transfers;
import dev.shopwright.platform.Actor;
import dev.shopwright.platform.AuditLog;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.shared.StoreId;

/**
 * Transfers between locations. Each step is one transaction: the status moves by a conditional update (so two
 * clicks or two nodes cannot ship or receive twice) together with the ledger movements of every line.
 */
@Component
class StockTransfers {

	private static final String SOURCE = "transfer";

	private final Transfers transfers;

	private final Levels levels;

	private final Locations locations;

	private final TrackedSkus trackedSkus;

	private final AuditLog auditLog;

	StockTransfers(Transfers transfers, Levels levels, Locations locations, TrackedSkus trackedSkus, AuditLog auditLog) {
		this.transfers = transfers;
		this.levels = levels;
		this.locations = locations;
		this.trackedSkus = trackedSkus;
		this.auditLog = auditLog;
	}

	@Transactional
	public Transfer create(StoreId store, TransferDraft draft) {
		if (draft.originId() == null || draft.destinationId() == null) {
			throw InventoryProblems.unknownLocation("(none)");
		}
		if (draft.originId().equals(draft.destinationId())) {
			throw BusinessRuleViolation.ofField("TRANSFER_TO_SAME_LOCATION", "destinationId",
					"A transfer goes from one location to another; origin and destination are the same");
		}
		locations.find(store, draft.originId()).orElseThrow(() -> unknownLocation("originId", draft.originId()));
		locations.find(store, draft.destinationId()).orElseThrow(() -> unknownLocation("destinationId", draft.destinationId()));
		if (draft.lines() == null || draft.lines().isEmpty() || draft.lines().size() > 500) {
			throw InventoryProblems.invalidQuantity("lines", "give 1-500 lines");
		}
		Map<String, Integer> lines = new TreeMap<>();
		for (int i = 0; i < draft.lines().size(); i++) {
			TransferDraft.Line line = draft.lines().get(i);
			if (line.quantity() < 1 || line.quantity() > InventoryManagement.MAX_QUANTITY) {
				throw InventoryProblems.invalidQuantity("lines[%d].quantity".formatted(i),
						"quantity must be between 1 and %d".formatted(InventoryManagement.MAX_QUANTITY));
			}
			trackedSkus.require(store, line.sku());
			lines.merge(line.sku(), line.quantity(), Integer::sum);
		}
		if (lines.values().stream().anyMatch(q -> q > InventoryManagement.MAX_QUANTITY)) {
			throw InventoryProblems.invalidQuantity("lines", "at most %d units of one SKU".formatted(InventoryManagement.MAX_QUANTITY));
		}
		UUID id = transfers.create(store, draft.originId(), draft.destinationId(), lines, draft.note());
		Transfer transfer = get(store, id);
		auditLog.record(store, "transfer.created", "transfer", id.toString(), "#" + transfer.number());
		return transfer;
	}

	/** Units leave the origin (never the reserved or committed ones) and are expected at the destination. */
	@Transactional
	public Transfer ship(StoreId store, UUID id) {
		Transfer transfer = locked(store, id);
		if (!transfers.move(store, id, List.of(Status.DRAFT), Status.IN_TRANSIT)) {
			throw wrongStatus(get(store, id), "shipped");
		}
		Actor actor = Actor.current();
		for (Transfer.Line line : transfer.lines()) {
			levels.apply(store, new Change(line.sku(), transfer.originId(), null, MovementReason.TRANSFERRED_OUT,
					-line.quantity(), 0, 0, null, SOURCE, id.toString(), null, Guard.UNRESERVED_COVERS), actor)
				.orElseThrow(() -> new BusinessRuleViolation("STOCK_WOULD_GO_NEGATIVE", 409,
						"The origin has fewer than %d units of %s that are neither reserved nor committed".formatted(line.quantity(), line.sku())));
			levels.apply(store, new Change(line.sku(), transfer.destinationId(), null, MovementReason.TRANSFERRED_OUT, 0, 0,
					line.quantity(), null, SOURCE, id.toString(), "in transit", Guard.NONE), actor);
		}
		auditLog.record(store, "transfer.shipped", "transfer", id.toString(), "#" + transfer.number());
		return get(store, id);
	}

	/**
	 * Units arrive at the destination: the given quantities per SKU, or everything outstanding when none are
	 * given. Receiving more than was sent is refused, as is receiving a transfer that is not in transit.
	 */
	@Transactional
	public Transfer receive(StoreId store, UUID id, @Nullable Map<String, Integer> quantities, @Nullable String binCode) {
		Transfer transfer = locked(store, id);
		if (transfer.status() != Status.IN_TRANSIT && transfer.status() != Status.PARTIALLY_RECEIVED) {
			throw wrongStatus(transfer, "received");
		}
		Map<String, Integer> arriving = new TreeMap<>();
		if (quantities == null || quantities.isEmpty()) {
			transfer.lines().stream().filter(l -> l.outstanding() > 0).forEach(l -> arriving.put(l.sku(), l.outstanding()));
		}
		else {
			arriving.putAll(quantities);
		}
		Actor actor = Actor.current();
		arriving.forEach((sku, quantity) -> {
			if (quantity == null || quantity < 1 || quantity > InventoryManagement.MAX_QUANTITY) {
				throw InventoryProblems.invalidQuantity("lines." + sku, "quantity must be between 1 and %d".formatted(InventoryManagement.MAX_QUANTITY));
			}
			if (transfer.lines().stream().noneMatch(l -> l.sku().equals(sku))) {
				throw BusinessRuleViolation.ofField("NOT_ON_TRANSFER", "lines." + sku, "SKU %s is not on this transfer".formatted(sku));
			}
			if (!transfers.receive(store, id, sku, quantity)) {
				throw new BusinessRuleViolation("TRANSFER_OVER_RECEIVED", 409,
						"Receiving %d of %s would be more than was sent".formatted(quantity, sku), Map.of("lines." + sku,
								"more than outstanding"));
			}
			levels.apply(store, new Change(sku, transfer.destinationId(), binCode, MovementReason.TRANSFERRED_IN, quantity, 0,
					-quantity, null, SOURCE, id.toString(), null, Guard.NONE), actor);
		});
		boolean complete = get(store, id).lines().stream().allMatch(l -> l.outstanding() == 0);
		if (!transfers.move(store, id, List.of(Status.IN_TRANSIT, Status.PARTIALLY_RECEIVED),
				complete ? Status.RECEIVED : Status.PARTIALLY_RECEIVED)) {
			throw wrongStatus(get(store, id), "received");
		}
		auditLog.record(store, "transfer.received", "transfer", id.toString(), "#" + transfer.number());
		return get(store, id);
	}

	/** A draft is dropped; units in transit go back to the origin and are no longer expected at the destination. */
	@Transactional
	public Transfer cancel(StoreId store, UUID id) {
		Transfer transfer = locked(store, id);
		if (!transfers.move(store, id, List.of(Status.DRAFT, Status.IN_TRANSIT, Status.PARTIALLY_RECEIVED), Status.CANCELLED)) {
			throw wrongStatus(get(store, id), "cancelled");
		}
		if (transfer.status() != Status.DRAFT) {
			Actor actor = Actor.current();
			for (Transfer.Line line : transfer.lines()) {
				if (line.outstanding() == 0) {
					continue;
				}
				levels.apply(store, new Change(line.sku(), transfer.destinationId(), null, MovementReason.TRANSFERRED_IN, 0, 0,
						-line.outstanding(), null, SOURCE, id.toString(), "cancelled in transit", Guard.NONE), actor);
				levels.apply(store, new Change(line.sku(), transfer.originId(), null, MovementReason.TRANSFERRED_IN,
						line.outstanding(), 0, 0, null, SOURCE, id.toString(), "returned: transfer cancelled", Guard.NONE), actor);
			}
		}
		auditLog.record(store, "transfer.cancelled", "transfer", id.toString(), "#" + transfer.number());
		return get(store, id);
	}

	/** The transfer as it is now, locked until the transaction ends, so its steps cannot interleave. */
	private Transfer locked(StoreId store, UUID id) {
		if (!transfers.lock(store, id)) {
			throw new ResourceNotFound("Transfer", id.toString());
		}
		return get(store, id);
	}

	Transfer get(StoreId store, UUID id) {
		return transfers.find(store, id).orElseThrow(() -> new ResourceNotFound("Transfer", id.toString()));
	}

	private static BusinessRuleViolation unknownLocation(String field, LocationId id) {
		return BusinessRuleViolation.ofField("UNKNOWN_LOCATION", field, "Location %s does not exist in this store".formatted(id));
	}

	private static BusinessRuleViolation wrongStatus(Transfer transfer, String attempted) {
		return new BusinessRuleViolation("TRANSFER_STATUS_CONFLICT", 409, "Transfer #%d is %s and cannot be %s"
			.formatted(transfer.number(), transfer.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), attempted));
	}
}
