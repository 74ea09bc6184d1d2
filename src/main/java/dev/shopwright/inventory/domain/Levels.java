package dev.shopwright.inventory.domain;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.inventory.LedgerDiscrepancy;
import dev.shopwright.inventory.LocationId;
import dev.shopwright.inventory.MovementReason;
import dev.shopwright.inventory.StockLevel;
import dev.shopwright.inventory.StockMovement;
import dev.shopwright.platform.Actor;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.Cursor;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;

/**
 * Stock levels and their ledger. Every change goes through {@link #apply}: one conditional {@code UPDATE} of the
 * level row (the guard is part of its {@code WHERE}, so the database decides, even with many nodes) and, in the
 * same transaction, one append-only movement row with the same deltas. That is why the ledger always sums to
 * the levels.
 */
@Repository
public class Levels {

	/** What must still hold after a change, checked by the database in the update itself. */
	public sealed interface Guard {

		/** Releases, incoming changes: always allowed. */
		Guard NONE = new Unconditional();

		/** On hand may not fall below zero (adjustments, counts, transfers out). */
		Guard ON_HAND_STAYS_NON_NEGATIVE = new OnHandNonNegative();

		/**
		 * On hand may not fall below what is reserved and committed: units promised to shoppers stay (transfers out).
		 */
		Guard UNRESERVED_COVERS = new UnreservedCovers();

		/**
		 * Available (on hand - reserved - committed - safety stock) may go below zero by at most {@code allowance}
		 * units.
		 */
		static Guard availableCovers(int allowance) {
			return new AvailableCovers(allowance);
		}
	}

	record Unconditional() implements Guard {
	}

	record OnHandNonNegative() implements Guard {
	}

	record AvailableCovers(int allowance) implements Guard {
	}

	record UnreservedCovers() implements Guard {
	}

	public record Change(String sku, LocationId locationId, @Nullable String binCode, MovementReason reason,
			int onHandDelta, int reservedDelta, int committedDelta, int incomingDelta, @Nullable Money unitCost,
			@Nullable String sourceType, @Nullable String sourceId, @Nullable String note, Guard guard) {

		/** A change that leaves committed stock as it is. */
		public Change(String sku, LocationId locationId, @Nullable String binCode, MovementReason reason, int onHandDelta,
				int reservedDelta, int incomingDelta, @Nullable Money unitCost, @Nullable String sourceType,
				@Nullable String sourceId, @Nullable String note, Guard guard) {
			this(sku, locationId, binCode, reason, onHandDelta, reservedDelta, 0, incomingDelta, unitCost, sourceType,
					sourceId, note, guard);
		}
	}

	/** A level row after a change. */
	public record Row(String sku, LocationId locationId, int onHand, int reserved, int committed, int safetyStock,
			int incoming) {

		public int available() {
			return onHand - reserved - committed - safetyStock;
		}
	}

	private final JdbcClient jdbc;

	Levels(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Applies the change and records it, or does nothing and returns empty when the guard does not hold. Must run
	 * inside the caller's transaction.
	 */
	public Optional<Row> apply(StoreId store, Change change, Actor actor) {
		Instant now = Instant.now();
		Optional<Row> updated = update(store, change, now);
		if (updated.isEmpty() && !exists(store, change.sku(), change.locationId())) {
			jdbc.sql("""
					insert into inventory.level (store_id, sku, location_id, updated_at) values (?, ?, ?, ?)
					on conflict do nothing""")
				.params(store.value(), change.sku(), change.locationId().value(), Timestamp.from(now))
				.update();
			updated = update(store, change, now);
		}
		if (updated.isEmpty()) {
			return updated;
		}
		if (change.binCode() != null && change.onHandDelta() != 0) {
			moveInBin(store, change);
		}
		jdbc.sql("""
				insert into inventory.movement (store_id, sku, location_id, bin_code, reason, on_hand_delta, reserved_delta,
				  committed_delta, incoming_delta, unit_cost, cost_currency, source_type, source_id, note, actor_type,
				  actor_id, actor_name, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(store.value(), change.sku(), change.locationId().value(), change.binCode(), change.reason().name(),
					change.onHandDelta(), change.reservedDelta(), change.committedDelta(), change.incomingDelta(),
					change.unitCost() == null ? null : change.unitCost().amount(),
					change.unitCost() == null ? null : change.unitCost().currency().getCurrencyCode(), change.sourceType(),
					change.sourceId(), change.note(), actor.actorType(), actor.actorId(), actor.actorName(),
					Timestamp.from(now))
			.update();
		return updated;
	}

	private Optional<Row> update(StoreId store, Change change, Instant now) {
		String guard = switch (change.guard()) {
			case Unconditional u -> "true";
			case OnHandNonNegative o -> "on_hand + :onHand >= 0";
			case AvailableCovers a ->
				"(on_hand + :onHand) - (reserved + :reserved) - (committed + :committed) - safety_stock + :allowance >= 0";
			case UnreservedCovers u -> "(on_hand + :onHand) - (reserved + :reserved) - (committed + :committed) >= 0";
		};
		boolean costed = change.unitCost() != null && change.onHandDelta() > 0;
		String cost = costed ? """
				, average_cost = case when average_cost is null or on_hand <= 0 then :cost
				    else round((on_hand * average_cost + :onHand * :cost) / (on_hand + :onHand), 4) end,
				  cost_currency = :currency""" : "";
		var statement = jdbc.sql("""
				update inventory.level set on_hand = on_hand + :onHand, reserved = reserved + :reserved,
				  committed = committed + :committed, incoming = incoming + :incoming, updated_at = :now %s
				where store_id = :store and sku = :sku and location_id = :location and %s
				returning sku, location_id, on_hand, reserved, committed, safety_stock, incoming""".formatted(cost, guard))
			.param("onHand", change.onHandDelta())
			.param("reserved", change.reservedDelta())
			.param("committed", change.committedDelta())
			.param("incoming", change.incomingDelta())
			.param("now", Timestamp.from(now))
			.param("store", store.value())
			.param("sku", change.sku())
			.param("location", change.locationId().value());
		if (change.guard() instanceof AvailableCovers a) {
			statement = statement.param("allowance", a.allowance());
		}
		if (costed) {
			statement = statement.param("cost", change.unitCost().amount())
				.param("currency", change.unitCost().currency().getCurrencyCode());
		}
		try {
			return statement.query(Levels::mapRow).optional();
		}
		catch (DataIntegrityViolationException e) {
			// reserved, committed or incoming would fall below zero: releasing or receiving more than is held
			throw new BusinessRuleViolation("STOCK_FIGURE_WOULD_GO_NEGATIVE", 409,
					"This change would take reserved, committed or incoming stock of %s below zero".formatted(change.sku()));
		}
	}

	private void moveInBin(StoreId store, Change change) {
		if (change.onHandDelta() < 0) {
			// units out of a bin: a guarded update (an upsert would check its negative insert row and fail)
			int rows = jdbc.sql("""
					update inventory.bin_stock set quantity = quantity + ?
					where store_id = ? and location_id = ? and bin_code = ? and sku = ? and quantity + ? >= 0""")
				.params(change.onHandDelta(), store.value(), change.locationId().value(), change.binCode(), change.sku(),
						change.onHandDelta())
				.update();
			if (rows == 0) {
				throw new BusinessRuleViolation("BIN_STOCK_WOULD_GO_NEGATIVE", 409,
						"Bin %s holds fewer than %d units of %s".formatted(change.binCode(), -change.onHandDelta(), change.sku()));
			}
			return;
		}
		try {
			jdbc.sql("""
					insert into inventory.bin_stock (store_id, location_id, bin_code, sku, quantity) values (?, ?, ?, ?, ?)
					on conflict (store_id, location_id, bin_code, sku) do update set quantity = bin_stock.quantity + excluded.quantity""")
				.params(store.value(), change.locationId().value(), change.binCode(), change.sku(), change.onHandDelta())
				.update();
		}
		catch (DataIntegrityViolationException e) {
			throw BusinessRuleViolation.ofField("UNKNOWN_BIN", "binCode",
					"Bin '%s' does not exist at this location".formatted(change.binCode()));
		}
	}

	private boolean exists(StoreId store, String sku, LocationId location) {
		return jdbc.sql("select count(*) from inventory.level where store_id = ? and sku = ? and location_id = ?")
			.params(store.value(), sku, location.value())
			.query(Integer.class)
			.single() > 0;
	}

	/** The level row, created empty if missing, locked until the transaction ends. */
	public Row lock(StoreId store, String sku, LocationId location) {
		jdbc.sql("""
				insert into inventory.level (store_id, sku, location_id, updated_at) values (?, ?, ?, ?)
				on conflict do nothing""")
			.params(store.value(), sku, location.value(), Timestamp.from(Instant.now()))
			.update();
		return jdbc.sql("""
				select sku, location_id, on_hand, reserved, committed, safety_stock, incoming from inventory.level
				where store_id = ? and sku = ? and location_id = ? for update""")
			.params(store.value(), sku, location.value())
			.query(Levels::mapRow)
			.single();
	}

	public Optional<Row> find(StoreId store, String sku, LocationId location) {
		return jdbc.sql("""
				select sku, location_id, on_hand, reserved, committed, safety_stock, incoming from inventory.level
				where store_id = ? and sku = ? and location_id = ?""")
			.params(store.value(), sku, location.value())
			.query(Levels::mapRow)
			.optional();
	}

	/** The cost currency a SKU is valued in at a location, if it has been costed. */
	public Optional<Currency> costCurrency(StoreId store, String sku, LocationId location) {
		return jdbc.sql("select cost_currency from inventory.level where store_id = ? and sku = ? and location_id = ? and cost_currency is not null")
			.params(store.value(), sku, location.value())
			.query((rs, n) -> Currency.getInstance(rs.getString(1)))
			.optional();
	}

	/** The SKU at every location that has a level for it, in reservation order. */
	public List<StockLevel> forSku(StoreId store, String sku) {
		return jdbc.sql("""
				select l.*, loc.name as location_name, loc.fulfils_online and loc.active as online
				from inventory.level l join inventory.location loc on loc.store_id = l.store_id and loc.id = l.location_id
				where l.store_id = ? and l.sku = ?
				order by loc.priority, loc.name, loc.id""")
			.params(store.value(), sku)
			.query((rs, n) -> new StockLevel(rs.getString("sku"), new LocationId(rs.getObject("location_id", UUID.class)),
					rs.getString("location_name"), rs.getBoolean("online"), rs.getInt("on_hand"), rs.getInt("reserved"),
					rs.getInt("committed"), rs.getInt("safety_stock"),
					rs.getInt("on_hand") - rs.getInt("reserved") - rs.getInt("committed") - rs.getInt("safety_stock"),
					rs.getInt("incoming"), money(rs.getBigDecimal("average_cost"), rs.getString("cost_currency"))))
			.list();
	}

	/** What shoppers may buy: available units summed over the active locations that fulfil online orders. */
	public int availableOnline(StoreId store, String sku) {
		return jdbc.sql("select coalesce(sum(" + AVAILABLE + "), 0) " + """
				from inventory.level l join inventory.location loc on loc.store_id = l.store_id and loc.id = l.location_id
				where l.store_id = ? and l.sku = ? and loc.active and loc.fulfils_online""")
			.params(store.value(), sku)
			.query(Integer.class)
			.single();
	}

	/** What a level row can still sell (ADR 0022), the same in the single and the batch availability reads. */
	private static final String AVAILABLE = "l.on_hand - l.reserved - l.committed - l.safety_stock";

	/** {@link #availableOnline} for many SKUs in one query; SKUs inventory does not track (no live item) are left out. */
	public java.util.Map<String, Integer> availableOnline(StoreId store, java.util.Collection<String> skus) {
		java.util.Map<String, Integer> result = new java.util.HashMap<>();
		jdbc.sql("""
				select i.sku, coalesce(sum(""" + AVAILABLE + """
				) filter (where loc.active and loc.fulfils_online), 0)
				from inventory.item i
				left join inventory.level l on l.store_id = i.store_id and l.sku = i.sku
				left join inventory.location loc on loc.store_id = l.store_id and loc.id = l.location_id
				where i.store_id = ? and i.sku = any (?) and not i.deleted
				group by i.sku""")
			.params(store.value(), skus.toArray(String[]::new))
			.query(rs -> {
				result.put(rs.getString(1), rs.getInt(2));
			});
		return result;
	}

	public Page<StockMovement> movements(StoreId store, String sku, @Nullable String cursor, int limit) {
		Long before = cursor == null ? null : Cursor.decode(cursor, 1).longValue(0);
		List<StockMovement> rows = jdbc.sql("""
				select * from inventory.movement where store_id = ? and sku = ? and (?::bigint is null or id < ?)
				order by id desc limit ?""")
			.params(store.value(), sku, before, before, limit + 1)
			.query(Levels::mapMovement)
			.list();
		if (rows.size() <= limit) {
			return new Page<>(rows, null);
		}
		return new Page<>(rows.subList(0, limit), Cursor.of(Long.toString(rows.get(limit - 1).id())).encode());
	}

	/** Levels whose figures differ from the sums of their movements; empty when the ledger is sound. */
	public List<LedgerDiscrepancy> discrepancies(StoreId store) {
		return jdbc.sql("""
				select l.sku, l.location_id, l.on_hand, coalesce(m.on_hand, 0) as ledger_on_hand, l.reserved,
				       coalesce(m.reserved, 0) as ledger_reserved, l.committed, coalesce(m.committed, 0) as ledger_committed,
				       l.incoming, coalesce(m.incoming, 0) as ledger_incoming
				from inventory.level l
				left join (select sku, location_id, sum(on_hand_delta) as on_hand, sum(reserved_delta) as reserved,
				                  sum(committed_delta) as committed, sum(incoming_delta) as incoming
				           from inventory.movement where store_id = :store group by sku, location_id) m
				       on m.sku = l.sku and m.location_id = l.location_id
				where l.store_id = :store
				  and (l.on_hand <> coalesce(m.on_hand, 0) or l.reserved <> coalesce(m.reserved, 0)
				       or l.committed <> coalesce(m.committed, 0) or l.incoming <> coalesce(m.incoming, 0))
				order by l.sku, l.location_id""")
			.param("store", store.value())
			.query((rs, n) -> new LedgerDiscrepancy(rs.getString("sku"), new LocationId(rs.getObject("location_id", UUID.class)),
					rs.getInt("on_hand"), rs.getInt("ledger_on_hand"), rs.getInt("reserved"), rs.getInt("ledger_reserved"),
					rs.getInt("committed"), rs.getInt("ledger_committed"), rs.getInt("incoming"),
					rs.getInt("ledger_incoming")))
			.list();
	}

	/** A level row of an online location, locked, with what is available there now. */
	public record Locked(LocationId locationId, int available) {
	}

	/**
	 * Locks the SKU's levels at the active online locations, in reservation order (priority, name), until the
	 * transaction ends; what they report as available stays true until then.
	 */
	public List<Locked> lockOnline(StoreId store, String sku) {
		return jdbc.sql("""
				select l.location_id, l.on_hand - l.reserved - l.committed - l.safety_stock as available
				from inventory.level l join inventory.location loc on loc.store_id = l.store_id and loc.id = l.location_id
				where l.store_id = ? and l.sku = ? and loc.active and loc.fulfils_online
				order by loc.priority, loc.name, loc.id
				for update of l""")
			.params(store.value(), sku)
			.query((rs, n) -> new Locked(new LocationId(rs.getObject("location_id", UUID.class)), rs.getInt("available")))
			.list();
	}

	/** One reservation's units at one location, for {@link #reserveTogether}. */
	public record Hold(String reservationId, String reference, int quantity, Actor actor) {
	}

	/**
	 * Reserves the units of several reservations at one location with one guarded update and one multi-row
	 * ledger insert (a RESERVATION_TAKEN row per reservation). Empty when the guard does not hold: the caller
	 * decided on figures that are not true, and must not go on.
	 */
	public Optional<Row> reserveTogether(StoreId store, String sku, LocationId location, List<Hold> holds, Guard guard) {
		int total = holds.stream().mapToInt(Hold::quantity).sum();
		Optional<Row> row = update(store, new Change(sku, location, null, MovementReason.RESERVATION_TAKEN, 0, total, 0, null,
				null, null, null, guard), Instant.now());
		if (row.isEmpty()) {
			return row;
		}
		jdbc.sql("""
				insert into inventory.movement (store_id, sku, location_id, reason, reserved_delta, source_type, source_id,
				  note, actor_type, actor_id, actor_name, created_at)
				select :store, :sku, :location, 'RESERVATION_TAKEN', h.quantity, 'reservation', h.source_id, h.note,
				       h.actor_type, h.actor_id, h.actor_name, :now
				from unnest(:quantities, :sourceIds, :notes, :actorTypes, :actorIds, :actorNames)
				     as h(quantity, source_id, note, actor_type, actor_id, actor_name)""")
			.param("store", store.value())
			.param("sku", sku)
			.param("location", location.value())
			.param("now", Timestamp.from(Instant.now()))
			.param("quantities", holds.stream().map(Hold::quantity).toArray(Integer[]::new))
			.param("sourceIds", holds.stream().map(Hold::reservationId).toArray(String[]::new))
			.param("notes", holds.stream().map(Hold::reference).toArray(String[]::new))
			.param("actorTypes", holds.stream().map(h -> h.actor().actorType()).toArray(String[]::new))
			.param("actorIds", holds.stream().map(h -> h.actor().actorId()).toArray(String[]::new))
			.param("actorNames", holds.stream().map(h -> h.actor().actorName()).toArray(String[]::new))
			.update();
		return row;
	}

	/** Sets the safety stock of a level (created empty if missing); not a ledger figure, so no movement. */
	public void setSafetyStock(StoreId store, String sku, LocationId location, int safetyStock) {
		lock(store, sku, location);
		jdbc.sql("update inventory.level set safety_stock = ?, updated_at = ? where store_id = ? and sku = ? and location_id = ?")
			.params(safetyStock, Timestamp.from(Instant.now()), store.value(), sku, location.value())
			.update();
	}

	private static Row mapRow(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getString("sku"), new LocationId(rs.getObject("location_id", UUID.class)), rs.getInt("on_hand"),
				rs.getInt("reserved"), rs.getInt("committed"), rs.getInt("safety_stock"), rs.getInt("incoming"));
	}

	private static StockMovement mapMovement(ResultSet rs, int n) throws SQLException {
		return new StockMovement(rs.getLong("id"), rs.getString("sku"), new LocationId(rs.getObject("location_id", UUID.class)),
				rs.getString("bin_code"), MovementReason.valueOf(rs.getString("reason")), rs.getInt("on_hand_delta"),
				rs.getInt("reserved_delta"), rs.getInt("committed_delta"), rs.getInt("incoming_delta"),
				money(rs.getBigDecimal("unit_cost"), rs.getString("cost_currency")), rs.getString("source_type"),
				rs.getString("source_id"), rs.getString("note"), rs.getString("actor_name"),
				rs.getTimestamp("created_at").toInstant());
	}

	private static @Nullable Money money(@Nullable BigDecimal amount, @Nullable String currency) {
		if (amount == null || currency == null) {
			return null;
		}
		Currency c = Currency.getInstance(currency);
		return Money.of(amount, c, Money.DEFAULT_ROUNDING);
	}
}
