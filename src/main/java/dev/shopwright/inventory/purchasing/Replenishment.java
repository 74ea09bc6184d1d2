package dev.shopwright.inventory.purchasing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.shopwright.inventory.InventoryManagement;
import dev.shopwright.inventory.SkuStock;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;

/**
 * Low stock and what to reorder. Figures come from {@link InventoryManagement#stock} per SKU that has a reorder point
 * (set by staff or by the forecast), so they are exactly what the stock screens show.
 */
@Service
public class Replenishment {

	/** What a SKU's stock is measured against; {@code orderUpTo} is null when only a reorder point is set. */
	record Target(String sku, int reorderPoint, @Nullable Integer orderUpTo) {
	}

	private final JdbcClient jdbc;

	private final InventoryManagement inventory;

	private final Suppliers suppliers;

	private final PurchaseOrders orders;

	private final Purchasing purchasing;

	Replenishment(JdbcClient jdbc, InventoryManagement inventory, Suppliers suppliers, PurchaseOrders orders,
			Purchasing purchasing) {
		this.jdbc = jdbc;
		this.inventory = inventory;
		this.suppliers = suppliers;
		this.orders = orders;
		this.purchasing = purchasing;
	}

	/** SKUs whose available units (online) are at or below their reorder point, lowest cover first. */
	@Transactional
	public List<LowStockItem> lowStock(StoreId store) {
		Map<String, String> primary = new LinkedHashMap<>();
		suppliers.primaries(store).forEach(link -> primary.put(link.sku(), link.supplierName()));
		List<LowStockItem> low = new ArrayList<>();
		for (Target target : targets(store)) {
			SkuStock stock = inventory.stock(store, target.sku());
			if (stock.availableOnline() <= target.reorderPoint()) {
				low.add(new LowStockItem(stock.sku(), stock.title(), stock.availableOnline(), stock.incoming(),
						target.reorderPoint(), primary.get(stock.sku())));
			}
		}
		low.sort(java.util.Comparator.comparingInt((LowStockItem item) -> item.availableOnline() - item.reorderPoint())
			.thenComparing(LowStockItem::sku));
		return low;
	}

	/**
	 * Per primary supplier, the SKUs to reorder. SKUs already on a draft purchase order are left out (the draft is
	 * the suggestion taken), as are SKUs without a primary supplier.
	 */
	@Transactional
	public List<ReorderSuggestion> suggestions(StoreId store) {
		Set<String> onDrafts = new HashSet<>(orders.skusOnDrafts(store));
		Map<String, SupplierSku> primaries = new LinkedHashMap<>();
		suppliers.primaries(store).forEach(link -> primaries.put(link.sku(), link));
		Map<UUID, List<ReorderSuggestion.Line>> bySupplier = new LinkedHashMap<>();
		for (Target target : targets(store)) {
			SupplierSku link = primaries.get(target.sku());
			if (link == null || onDrafts.contains(target.sku())) {
				continue;
			}
			SkuStock stock = inventory.stock(store, target.sku());
			int position = stock.availableOnline() + stock.incoming();
			if (position > target.reorderPoint()) {
				continue;
			}
			int upTo = target.orderUpTo() != null ? target.orderUpTo() : 2 * target.reorderPoint();
			int needed = upTo - position;
			if (needed <= 0) {
				continue;
			}
			Supplier supplier = purchasing.supplier(store, link.supplierId());
			int pack = link.packSize() > 1 ? link.packSize() : supplier.packSize();
			int quantity = roundUp(needed, pack);
			bySupplier.computeIfAbsent(link.supplierId(), id -> new ArrayList<>())
				.add(new ReorderSuggestion.Line(stock.sku(), stock.title(), stock.availableOnline(), stock.incoming(),
						target.reorderPoint(), upTo, needed, pack, quantity, link.unitCost(), link.unitCost().times(quantity)));
		}
		List<ReorderSuggestion> suggestions = new ArrayList<>();
		bySupplier.forEach((supplierId, lines) -> suggestions.add(raiseToMinimum(purchasing.supplier(store, supplierId), lines)));
		suggestions.sort(java.util.Comparator.comparing(ReorderSuggestion::supplierName));
		return suggestions;
	}

	/**
	 * Turns the suggestions into draft purchase orders, one per supplier (all, or those named). Two clicks at once
	 * cannot make two sets of drafts: the store's suggestions are taken under a transaction-scoped advisory lock,
	 * and SKUs on drafts are not suggested again.
	 */
	@Transactional
	public List<PurchaseOrder> createDrafts(StoreId store, @Nullable Collection<UUID> supplierIds) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended('purchasing.suggestions:' || ?, 0))")
			.param(store.value().toString())
			.query((rs, n) -> 1)
			.list();
		List<PurchaseOrder> created = new ArrayList<>();
		for (ReorderSuggestion suggestion : suggestions(store)) {
			if (supplierIds != null && !supplierIds.isEmpty() && !supplierIds.contains(suggestion.supplierId())) {
				continue;
			}
			List<PurchaseOrderDraft.Line> lines = suggestion.lines()
				.stream()
				.map(line -> new PurchaseOrderDraft.Line(line.sku(), line.quantity(), line.unitCost().amount()))
				.toList();
			created.add(purchasing.createPurchaseOrder(store,
					new PurchaseOrderDraft(suggestion.supplierId(), null, "From reorder suggestions", null, lines)));
		}
		return created;
	}

	/** Adds whole packs, most urgent line first and round-robin, until the order meets the supplier's minimum. */
	static ReorderSuggestion raiseToMinimum(Supplier supplier, List<ReorderSuggestion.Line> lines) {
		List<ReorderSuggestion.Line> raised = new ArrayList<>(lines);
		raised.sort(java.util.Comparator.comparingDouble(
				(ReorderSuggestion.Line line) -> (line.availableOnline() + line.incoming()) / (double) Math.max(1, line.orderUpTo()))
			.thenComparing(ReorderSuggestion.Line::sku));
		int step = 0;
		while (belowMinimum(supplier, raised) && step < 100_000) {
			int index = step++ % raised.size();
			ReorderSuggestion.Line line = raised.get(index);
			if (line.unitCost().isZero() && supplier.minimumOrderUnits() == null) {
				break; // free items cannot lift an amount minimum
			}
			int quantity = line.quantity() + line.packSize();
			raised.set(index, new ReorderSuggestion.Line(line.sku(), line.title(), line.availableOnline(), line.incoming(),
					line.reorderPoint(), line.orderUpTo(), line.needed(), line.packSize(), quantity, line.unitCost(),
					line.unitCost().times(quantity)));
		}
		int units = raised.stream().mapToInt(ReorderSuggestion.Line::quantity).sum();
		Money total = raised.stream().map(ReorderSuggestion.Line::total).reduce(Money.zero(supplier.currency()), Money::plus);
		return new ReorderSuggestion(supplier.id(), supplier.name(), supplier.currency(), supplier.minimumOrderAmount(),
				supplier.minimumOrderUnits(), raised, units, total);
	}

	private static boolean belowMinimum(Supplier supplier, List<ReorderSuggestion.Line> lines) {
		int units = lines.stream().mapToInt(ReorderSuggestion.Line::quantity).sum();
		if (supplier.minimumOrderUnits() != null && units < supplier.minimumOrderUnits()) {
			return true;
		}
		if (supplier.minimumOrderAmount() != null) {
			Money total = lines.stream().map(ReorderSuggestion.Line::total).reduce(Money.zero(supplier.currency()), Money::plus);
			return total.compareTo(supplier.minimumOrderAmount()) < 0 && lines.stream().anyMatch(l -> !l.unitCost().isZero());
		}
		return false;
	}

	static int roundUp(int quantity, int pack) {
		return ((quantity + pack - 1) / pack) * pack;
	}

	private List<Target> targets(StoreId store) {
		return jdbc.sql("""
				select sku, reorder_point, order_up_to from inventory.item
				where store_id = ? and reorder_point is not null and not deleted order by sku""")
			.param(store.value())
			.query((rs, n) -> new Target(rs.getString("sku"), rs.getInt("reorder_point"),
					(Integer) rs.getObject("order_up_to")))
			.list();
	}
}
