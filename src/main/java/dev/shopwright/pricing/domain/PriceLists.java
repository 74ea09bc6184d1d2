package dev.shopwright.pricing.domain;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.platform.Cursor;
import dev.shopwright.pricing.PriceList;
import dev.shopwright.pricing.SkuPrice;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;

/** Price lists (one per currency) and their explicit SKU prices. */
@Repository
public class PriceLists {

	private final JdbcClient jdbc;

	public PriceLists(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<PriceList> all(StoreId store) {
		return jdbc.sql("""
				select l.id, l.name, l.currency,
				  (select count(*) from pricing.price_list_price p where p.store_id = l.store_id and p.price_list_id = l.id) as prices
				from pricing.price_list l where l.store_id = ? order by l.currency""")
			.param(store.value())
			.query((rs, n) -> new PriceList(rs.getObject("id", UUID.class), rs.getString("name"),
					Currency.getInstance(rs.getString("currency")), rs.getLong("prices")))
			.list();
	}

	public Optional<PriceList> find(StoreId store, UUID id) {
		return all(store).stream().filter(l -> l.id().equals(id)).findFirst();
	}

	public void insert(StoreId store, UUID id, String name, Currency currency) {
		jdbc.sql("insert into pricing.price_list (store_id, id, name, currency, created_at) values (?, ?, ?, ?, ?)")
			.params(store.value(), id, name, currency.getCurrencyCode(), Timestamp.from(Instant.now())).update();
	}

	public boolean delete(StoreId store, UUID id) {
		return jdbc.sql("delete from pricing.price_list where store_id = ? and id = ?").params(store.value(), id)
			.update() == 1;
	}

	public void upsertPrice(StoreId store, UUID list, String sku, Money price) {
		jdbc.sql("""
				insert into pricing.price_list_price (store_id, price_list_id, sku, amount, currency, updated_at)
				values (?, ?, ?, ?, ?, now())
				on conflict (store_id, price_list_id, sku) do update set amount = excluded.amount, updated_at = now()""")
			.params(store.value(), list, sku, price.amount(), price.currency().getCurrencyCode()).update();
	}

	public boolean deletePrice(StoreId store, UUID list, String sku) {
		return jdbc.sql("delete from pricing.price_list_price where store_id = ? and price_list_id = ? and sku = ?")
			.params(store.value(), list, sku).update() == 1;
	}

	public Optional<Money> priceOf(StoreId store, Currency currency, String sku) {
		return jdbc.sql("""
				select p.amount, p.currency from pricing.price_list_price p
				join pricing.price_list l on l.store_id = p.store_id and l.id = p.price_list_id
				where p.store_id = ? and l.currency = ? and p.sku = ?""")
			.params(store.value(), currency.getCurrencyCode(), sku)
			.query((rs, n) -> money(rs.getBigDecimal("amount"), rs.getString("currency"))).optional();
	}

	/** By SKU. */
	public Page<SkuPrice> prices(StoreId store, UUID list, @Nullable String cursor, int limit) {
		String after = cursor == null ? "" : Cursor.decode(cursor, 1).get(0);
		List<SkuPrice> rows = jdbc.sql("""
				select sku, amount, currency, updated_at from pricing.price_list_price
				where store_id = ? and price_list_id = ? and sku > ? order by sku limit ?""")
			.params(store.value(), list, after, limit + 1)
			.query((rs, n) -> new SkuPrice(rs.getString("sku"), money(rs.getBigDecimal("amount"), rs.getString("currency")),
					rs.getTimestamp("updated_at").toInstant()))
			.list();
		if (rows.size() <= limit) {
			return new Page<>(rows, null);
		}
		return new Page<>(rows.subList(0, limit), Cursor.of(rows.get(limit - 1).sku()).encode());
	}

	private static Money money(BigDecimal amount, String currency) {
		Currency c = Currency.getInstance(currency);
		return new Money(amount.setScale(Math.max(c.getDefaultFractionDigits(), 0), java.math.RoundingMode.UNNECESSARY), c);
	}
}
