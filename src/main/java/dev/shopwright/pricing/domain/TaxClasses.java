package dev.shopwright.pricing.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.pricing.TaxClass;
import dev.shopwright.pricing.TaxRounding;
import dev.shopwright.shared.StoreId;

/** Tax classes and the store's tax rounding setting. */
@Repository
public class TaxClasses {

	private final JdbcClient jdbc;

	public TaxClasses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<TaxClass> all(StoreId store) {
		return jdbc.sql("select id, code, name from pricing.tax_class where store_id = ? order by created_at, code")
			.param(store.value())
			.query((rs, n) -> new TaxClass(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name")))
			.list();
	}

	public Optional<TaxClass> find(StoreId store, UUID id) {
		return all(store).stream().filter(c -> c.id().equals(id)).findFirst();
	}

	public void insert(StoreId store, TaxClass taxClass) {
		jdbc.sql("insert into pricing.tax_class (store_id, id, code, name, created_at) values (?, ?, ?, ?, ?)")
			.params(store.value(), taxClass.id(), taxClass.code(), taxClass.name(), Timestamp.from(Instant.now()))
			.update();
	}

	public boolean rename(StoreId store, UUID id, String name) {
		return jdbc.sql("update pricing.tax_class set name = ? where store_id = ? and id = ?")
			.params(name, store.value(), id).update() == 1;
	}

	/** Deletes the class unless a rate uses it (in one statement, so a rate added meanwhile still protects it). */
	public boolean deleteUnused(StoreId store, UUID id) {
		return jdbc.sql("""
				delete from pricing.tax_class c where c.store_id = ? and c.id = ?
				  and not exists (select 1 from pricing.tax_rate r where r.store_id = c.store_id and r.tax_class_id = c.id)""")
			.params(store.value(), id).update() == 1;
	}

	public TaxRounding rounding(StoreId store) {
		return jdbc.sql("select tax_rounding from pricing.settings where store_id = ?").param(store.value())
			.query(String.class).optional().map(TaxRounding::valueOf).orElse(TaxRounding.PER_LINE);
	}

	public void setRounding(StoreId store, TaxRounding rounding) {
		jdbc.sql("""
				insert into pricing.settings (store_id, tax_rounding, updated_at) values (?, ?, now())
				on conflict (store_id) do update set tax_rounding = excluded.tax_rounding, updated_at = now()""")
			.params(store.value(), rounding.name()).update();
	}
}
