package dev.shopwright.inventory.purchasing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.InventoryProblems;
import dev.shopwright.inventory.LocationId;
import dev.shopwright.inventory.MovementReason;
import dev.shopwright.inventory.StockReceipt;
import dev.shopwright.platform.AuditLog;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ResourceNotFound;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;

/**
 * Suppliers and purchase orders: every action is one transaction, and stock changes go through
 * {@link InventoryManagement} (incoming when an order is sent or cancelled, on hand and cost when it is received).
 */
@Service
public class Purchasing {

	static final String SOURCE_TYPE = "purchase-order";

	private final Suppliers suppliers;

	private final PurchaseOrders orders;

	private final InventoryManagement inventory;

	private final StoreManagement stores;

	private final ApplicationEventPublisher events;

	private final AuditLog auditLog;

	private final PurchaseOrderDocument document;

	Purchasing(Suppliers suppliers, PurchaseOrders orders, InventoryManagement inventory, StoreManagement stores,
			ApplicationEventPublisher events, AuditLog auditLog, PurchaseOrderDocument document) {
		this.document = document;
		this.suppliers = suppliers;
		this.orders = orders;
		this.inventory = inventory;
		this.stores = stores;
		this.events = events;
		this.auditLog = auditLog;
	}

	// --- suppliers ---

	@Transactional(readOnly = true)
	public Page<Supplier> suppliers(StoreId store, @Nullable String cursor, int limit) {
		return suppliers.list(store, cursor, limit);
	}

	@Transactional(readOnly = true)
	public List<Supplier> allSuppliers(StoreId store) {
		return suppliers.all(store);
	}

	@Transactional(readOnly = true)
	public Supplier supplier(StoreId store, UUID id) {
		return suppliers.find(store, id).orElseThrow(() -> new ResourceNotFound("Supplier", id.toString()));
	}

	@Transactional
	public Supplier createSupplier(StoreId store, SupplierDraft draft) {
		UUID id = UUID.randomUUID();
		save(store, id, draft);
		auditLog.record(store, "supplier.created", "supplier", id.toString(), draft.name().strip());
		return supplier(store, id);
	}

	@Transactional
	public Supplier updateSupplier(StoreId store, UUID id, SupplierDraft draft) {
		supplier(store, id);
		save(store, id, draft);
		suppliers.syncLeadTimes(store, id);
		auditLog.record(store, "supplier.updated", "supplier", id.toString(), draft.name().strip());
		return supplier(store, id);
	}

	@Transactional
	public void deleteSupplier(StoreId store, UUID id) {
		Supplier supplier = supplier(store, id);
		if (suppliers.hasPurchaseOrders(store, id)) {
			throw PurchasingProblems.supplierInUse(supplier.name());
		}
		suppliers.delete(store, id);
		auditLog.record(store, "supplier.deleted", "supplier", id.toString(), supplier.name());
	}

	@Transactional(readOnly = true)
	public List<SupplierSku> supplierSkus(StoreId store, UUID supplierId) {
		supplier(store, supplierId);
		return suppliers.skusOf(store, supplierId);
	}

	/** The suppliers of one SKU, primary first. */
	@Transactional(readOnly = true)
	public List<SupplierSku> suppliersOf(StoreId store, String sku) {
		return suppliers.suppliersOf(store, sku);
	}

	@Transactional
	public SupplierSku saveSupplierSku(StoreId store, UUID supplierId, SupplierSkuDraft draft) {
		Supplier supplier = supplier(store, supplierId);
		String sku = draft.sku().strip();
		requireSku(store, sku, "sku");
		Money cost = money(draft.unitCost(), supplier.currency(), "unitCost");
		suppliers.saveSku(store, supplierId, sku, blankToNull(draft.supplierCode()), cost.amount(),
				draft.packSize() == null ? 1 : draft.packSize(), Boolean.TRUE.equals(draft.primary()));
		auditLog.record(store, "supplier.sku-saved", "supplier", supplierId.toString(), sku);
		return suppliers.supplierSku(store, supplierId, sku).orElseThrow();
	}

	@Transactional
	public void removeSupplierSku(StoreId store, UUID supplierId, String sku) {
		supplier(store, supplierId);
		if (!suppliers.removeSku(store, supplierId, sku)) {
			throw new ResourceNotFound("Supplier SKU", sku);
		}
		auditLog.record(store, "supplier.sku-removed", "supplier", supplierId.toString(), sku);
	}

	// --- purchase orders ---

	@Transactional(readOnly = true)
	public Page<PurchaseOrder> purchaseOrders(StoreId store, @Nullable PurchaseOrderStatus status,
			@Nullable UUID supplierId, @Nullable String cursor, int limit) {
		return orders.list(store, status, supplierId, cursor, limit);
	}

	@Transactional(readOnly = true)
	public PurchaseOrder purchaseOrder(StoreId store, UUID id) {
		return orders.find(store, id).orElseThrow(() -> new ResourceNotFound("Purchase order", id.toString()));
	}

	@Transactional
	public PurchaseOrder createPurchaseOrder(StoreId store, PurchaseOrderDraft draft) {
		Supplier supplier = suppliers.find(store, draft.supplierId())
			.orElseThrow(() -> PurchasingProblems.unknownSupplier(draft.supplierId().toString()));
		LocationId location = location(store, draft.locationId());
		List<PurchaseOrders.NewLine> lines = lines(store, supplier, draft.lines());
		UUID id = UUID.randomUUID();
		int number = orders.nextNumber(store);
		orders.insert(store, id, number, supplier.id(), location, supplier.currency(), blankToNull(draft.note()),
				draft.expectedOn());
		orders.insertLines(store, id, lines);
		auditLog.record(store, "purchase-order.created", "purchase-order", id.toString(), PurchaseOrder.number(number));
		return purchaseOrder(store, id);
	}

	@Transactional
	public PurchaseOrder updatePurchaseOrder(StoreId store, UUID id, PurchaseOrderDraft draft) {
		PurchaseOrder order = purchaseOrder(store, id);
		order.requireEditable();
		Supplier supplier = suppliers.find(store, draft.supplierId())
			.orElseThrow(() -> PurchasingProblems.unknownSupplier(draft.supplierId().toString()));
		LocationId location = location(store, draft.locationId());
		List<PurchaseOrders.NewLine> lines = lines(store, supplier, draft.lines());
		if (!orders.updateDraft(store, id, supplier.id(), location, supplier.currency(), blankToNull(draft.note()),
				draft.expectedOn(), lines)) {
			purchaseOrder(store, id).requireEditable();
		}
		auditLog.record(store, "purchase-order.updated", "purchase-order", id.toString(), order.number());
		return purchaseOrder(store, id);
	}

	@Transactional
	public void deletePurchaseOrder(StoreId store, UUID id) {
		PurchaseOrder order = purchaseOrder(store, id);
		order.requireEditable();
		if (!orders.deleteDraft(store, id)) {
			purchaseOrder(store, id).requireEditable();
		}
		auditLog.record(store, "purchase-order.deleted", "purchase-order", id.toString(), order.number());
	}

	/** Draft → sent: its quantities become incoming at the destination, and the supplier is emailed the PDF. */
	@Transactional
	public PurchaseOrder send(StoreId store, UUID id) {
		PurchaseOrder order = lock(store, id);
		order.requireSendable();
		orders.transition(store, id, PurchaseOrderStatus.SENT);
		for (PurchaseOrderLine line : order.lines()) {
			inventory.changeIncoming(store, line.sku(), order.locationId(), line.quantity(), MovementReason.PURCHASE_ORDERED,
					SOURCE_TYPE, id.toString());
		}
		auditLog.record(store, "purchase-order.sent", "purchase-order", id.toString(), order.number());
		events.publishEvent(new PurchaseOrderSent(store, id));
		return purchaseOrder(store, id);
	}

	/**
	 * Units arrived: each receipt line (a SKU, barcode or supplier code) adds to its order line, which the database
	 * holds to the quantity ordered, and is received into stock at the order's unit cost. All or nothing.
	 */
	@Transactional
	public PurchaseOrder receive(StoreId store, UUID id, Receipt receipt) {
		PurchaseOrder order = lock(store, id);
		order.requireReceivable();
		Currency storeCurrency = stores.get(store).defaultCurrency();
		Map<Integer, Integer> receivedNow = new HashMap<>();
		for (int i = 0; i < receipt.lines().size(); i++) {
			Receipt.Line wanted = receipt.lines().get(i);
			PurchaseOrderLine line = match(order, wanted.code().strip())
				.orElseThrow(notOnOrder(i, wanted.code(), order.number()));
			int quantity = wanted.quantity();
			if (!orders.addReceived(store, id, line.lineNo(), quantity)) {
				int outstanding = line.outstanding() - receivedNow.getOrDefault(line.lineNo(), 0);
				throw PurchasingProblems.overReceipt(i, line.sku(), outstanding, quantity);
			}
			receivedNow.merge(line.lineNo(), quantity, Integer::sum);
			// costs in another currency than the store's are not averaged into its valuation (no exchange rates here)
			Money cost = line.unitCost().currency().equals(storeCurrency) ? line.unitCost() : null;
			inventory.receive(store, new StockReceipt(line.sku(), order.locationId(), blankToNull(wanted.binCode()),
					quantity, cost, true, MovementReason.RECEIVED, SOURCE_TYPE, id.toString(),
					receipt.note() == null ? order.number() : order.number() + ": " + receipt.note()));
		}
		boolean complete = order.lines().stream()
			.allMatch(line -> line.received() + receivedNow.getOrDefault(line.lineNo(), 0) == line.quantity());
		orders.transition(store, id, complete ? PurchaseOrderStatus.RECEIVED : PurchaseOrderStatus.PARTIALLY_RECEIVED);
		auditLog.record(store, "purchase-order.received", "purchase-order", id.toString(),
				"%s: %d units".formatted(order.number(), receivedNow.values().stream().mapToInt(Integer::intValue).sum()));
		return purchaseOrder(store, id);
	}

	/** Cancels the order; what was sent but has not arrived is no longer incoming. */
	@Transactional
	public PurchaseOrder cancel(StoreId store, UUID id) {
		PurchaseOrder order = lock(store, id);
		order.requireCancellable();
		orders.transition(store, id, PurchaseOrderStatus.CANCELLED);
		if (order.status().receivable()) {
			for (PurchaseOrderLine line : order.lines()) {
				if (line.outstanding() > 0) {
					inventory.changeIncoming(store, line.sku(), order.locationId(), -line.outstanding(),
							MovementReason.PURCHASE_CANCELLED, SOURCE_TYPE, id.toString());
				}
			}
		}
		auditLog.record(store, "purchase-order.cancelled", "purchase-order", id.toString(), order.number());
		return purchaseOrder(store, id);
	}

	/** The order as the PDF the supplier receives. */
	@Transactional(readOnly = true)
	public byte[] pdf(StoreId store, UUID id) {
		PurchaseOrder order = purchaseOrder(store, id);
		return document.render(order, stores.get(store), supplier(store, order.supplierId()),
				inventory.location(store, order.locationId()).address());
	}

	@Transactional(readOnly = true)
	public Store store(StoreId store) {
		return stores.get(store);
	}

	// --- internals ---

	/** The order with its row locked: receipts, sending and cancelling of one order take turns. */
	private PurchaseOrder lock(StoreId store, UUID id) {
		return orders.lock(store, id).orElseThrow(() -> new ResourceNotFound("Purchase order", id.toString()));
	}

	private static java.util.Optional<PurchaseOrderLine> match(PurchaseOrder order, String code) {
		for (PurchaseOrderLine line : order.lines()) {
			if (line.sku().equalsIgnoreCase(code)) {
				return java.util.Optional.of(line);
			}
		}
		return order.lines()
			.stream()
			.filter(line -> code.equals(line.barcode()) || code.equalsIgnoreCase(String.valueOf(line.supplierCode())))
			.findFirst();
	}

	private static java.util.function.Supplier<BusinessRuleViolation> notOnOrder(int index, String code, String number) {
		return () -> PurchasingProblems.notOnOrder(index, code, number);
	}

	private void save(StoreId store, UUID id, SupplierDraft draft) {
		Currency currency;
		try {
			currency = Currency.getInstance(draft.currency().strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw PurchasingProblems.invalidCurrency(draft.currency());
		}
		String region = stores.get(store).address().country();
		String phone = Phones.normalise(draft.phone(), region == null ? "ZZ" : region);
		BigDecimal minimum = draft.minimumOrderAmount() == null ? null
				: money(draft.minimumOrderAmount(), currency, "minimumOrderAmount").amount();
		suppliers.save(store, id, draft.name().strip(), blankToNull(draft.email()), phone, currency,
				draft.leadTimeDays(), minimum, draft.minimumOrderUnits(), draft.packSize() == null ? 1 : draft.packSize(),
				blankToNull(draft.notes()));
	}

	private List<PurchaseOrders.NewLine> lines(StoreId store, Supplier supplier, List<PurchaseOrderDraft.Line> drafts) {
		List<PurchaseOrders.NewLine> lines = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < drafts.size(); i++) {
			PurchaseOrderDraft.Line draft = drafts.get(i);
			String sku = draft.sku().strip();
			if (!seen.add(sku)) {
				throw PurchasingProblems.duplicateLine(i, sku);
			}
			requireSku(store, sku, "lines[%d].sku".formatted(i));
			BigDecimal cost;
			if (draft.unitCost() != null) {
				cost = money(draft.unitCost(), supplier.currency(), "lines[%d].unitCost".formatted(i)).amount();
			}
			else {
				int index = i;
				cost = suppliers.supplierSku(store, supplier.id(), sku)
					.map(link -> link.unitCost().amount())
					.orElseThrow(() -> PurchasingProblems.missingUnitCost(index, sku));
			}
			lines.add(new PurchaseOrders.NewLine(sku, draft.quantity(), cost));
		}
		return lines;
	}

	private void requireSku(StoreId store, String sku, String field) {
		try {
			inventory.stock(store, sku);
		}
		catch (BusinessRuleViolation ex) {
			if ("UNKNOWN_SKU".equals(ex.code())) {
				throw BusinessRuleViolation.ofField("UNKNOWN_SKU", field, ex.getMessage());
			}
			throw ex;
		}
	}

	private LocationId location(StoreId store, @Nullable UUID locationId) {
		if (locationId == null) {
			return inventory.defaultLocation(store).id();
		}
		try {
			return inventory.location(store, new LocationId(locationId)).id();
		}
		catch (ResourceNotFound ex) {
			throw InventoryProblems.unknownLocation(locationId.toString());
		}
	}

	private static Money money(BigDecimal amount, Currency currency, String field) {
		try {
			return new Money(amount, currency);
		}
		catch (IllegalArgumentException ex) {
			throw PurchasingProblems.tooPrecise(field, currency.getCurrencyCode());
		}
	}

	static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
