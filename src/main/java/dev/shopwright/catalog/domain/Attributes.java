package dev.shopwright.catalog.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.catalog.Attribute;
import dev.shopwright.shared.StoreId;

@Repository
public class Attributes {

	private final JdbcClient jdbc;

	public Attributes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Attribute> all(StoreId store) {
		return jdbc.sql("select * from catalog.attribute where store_id = ? order by code").param(store.value())
			.query((rs, n) -> new Attribute(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
					Attribute.Type.valueOf(rs.getString("type")), Products.strings(rs.getArray("choices")),
					rs.getBoolean("facet")))
			.list();
	}

	public Optional<Attribute> find(StoreId store, UUID id) {
		return all(store).stream().filter(a -> a.id().equals(id)).findFirst();
	}

	public void insert(StoreId store, Attribute a) {
		jdbc.sql("insert into catalog.attribute (store_id, id, code, name, type, choices, facet) values (?, ?, ?, ?, ?, ?, ?)")
			.params(store.value(), a.id(), a.code(), a.name(), a.type().name(), a.choices().toArray(String[]::new), a.facet())
			.update();
	}

	public void update(StoreId store, Attribute a) {
		jdbc.sql("update catalog.attribute set name = ?, choices = ?, facet = ? where store_id = ? and id = ?")
			.params(a.name(), a.choices().toArray(String[]::new), a.facet(), store.value(), a.id())
			.update();
	}

	/** Which of the given values products carry for the attribute. */
	public List<String> valuesInUse(StoreId store, UUID id, List<String> values) {
		return jdbc.sql("""
				select distinct value from catalog.product_attribute
				where store_id = ? and attribute_id = ? and value = any (?) order by value""")
			.params(store.value(), id, values.toArray(String[]::new)).query(String.class).list();
	}

	/** Products that carry a value of the attribute. */
	public List<UUID> productsUsing(StoreId store, UUID id) {
		return jdbc.sql("select product_id from catalog.product_attribute where store_id = ? and attribute_id = ?")
			.params(store.value(), id).query(UUID.class).list();
	}

	public boolean delete(StoreId store, UUID id) {
		return jdbc.sql("delete from catalog.attribute where store_id = ? and id = ?").params(store.value(), id).update() == 1;
	}
}
