package dev.shopwright.returns.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.customers.CustomerId;
import dev.shopwright.returns.ReturnId;
import dev.shopwright.returns.StoreCredit;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.StoreId;

/**
 * Store credit balances and their ledger. A balance changes in one statement that cannot take it below zero; the
 * ledger row is written in the same transaction with the balance that statement returned.
 */
@Repository
public class StoreCredits {

	private final JdbcClient jdbc;

	StoreCredits(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds {@code amount} (negative to spend); empty when the balance would go below zero. */
	public Optional<Money> change(StoreId store, CustomerId customer, Money amount, @Nullable ReturnId returnId,
			@Nullable String reference, @Nullable String note, String actorName) {
		String sql = amount.isNegative() ? """
				update returns.store_credit set balance = balance + :amount, updated_at = now()
				where store_id = :store and customer_id = :customer and currency = :currency and balance + :amount >= 0
				returning balance""" : """
				insert into returns.store_credit as c (store_id, customer_id, currency, balance)
				values (:store, :customer, :currency, :amount)
				on conflict (store_id, customer_id, currency) do update
				    set balance = c.balance + excluded.balance, updated_at = now()
				returning balance""";
		Optional<BigDecimal> balance = jdbc.sql(sql)
			.param("store", store.value()).param("customer", customer.value())
			.param("currency", amount.currency().getCurrencyCode()).param("amount", amount.amount())
			.query(BigDecimal.class)
			.optional();
		if (balance.isEmpty()) {
			return Optional.empty();
		}
		jdbc.sql("""
				insert into returns.store_credit_entry (store_id, customer_id, currency, amount, balance_after, return_id,
				    reference, note, actor_name)
				values (:store, :customer, :currency, :amount, :after, :returnId, :reference, :note, :actor)""")
			.param("store", store.value()).param("customer", customer.value())
			.param("currency", amount.currency().getCurrencyCode()).param("amount", amount.amount())
			.param("after", balance.get()).param("returnId", returnId == null ? null : returnId.value())
			.param("reference", reference).param("note", note).param("actor", actorName)
			.update();
		return balance.map(value -> Money.of(value, amount.currency(), RoundingMode.UNNECESSARY));
	}

	public Money balance(StoreId store, CustomerId customer, Currency currency) {
		return jdbc.sql("""
				select balance from returns.store_credit
				where store_id = :store and customer_id = :customer and currency = :currency""")
			.param("store", store.value()).param("customer", customer.value())
			.param("currency", currency.getCurrencyCode())
			.query(BigDecimal.class)
			.optional()
			.map(value -> Money.of(value, currency, RoundingMode.UNNECESSARY))
			.orElse(Money.zero(currency));
	}

	public List<StoreCredit.Entry> entries(StoreId store, CustomerId customer, Currency currency, int limit) {
		return jdbc.sql("""
				select * from returns.store_credit_entry
				where store_id = :store and customer_id = :customer and currency = :currency
				order by id desc limit :limit""")
			.param("store", store.value()).param("customer", customer.value())
			.param("currency", currency.getCurrencyCode()).param("limit", limit)
			.query((rs, n) -> {
				UUID returnId = rs.getObject("return_id", UUID.class);
				return new StoreCredit.Entry(rs.getLong("id"),
						Money.of(rs.getBigDecimal("amount"), currency, RoundingMode.UNNECESSARY),
						Money.of(rs.getBigDecimal("balance_after"), currency, RoundingMode.UNNECESSARY),
						returnId == null ? null : new ReturnId(returnId), rs.getString("reference"), rs.getString("note"),
						rs.getString("actor_name"), Returns.instant(rs, "created_at"));
			})
			.list();
	}

	public boolean creditedFor(StoreId store, ReturnId returnId) {
		return jdbc.sql("select count(*) from returns.store_credit_entry where store_id = :store and return_id = :id")
			.param("store", store.value()).param("id", returnId.value())
			.query(Long.class)
			.single() > 0;
	}
}
