package dev.shopwright.search.domain;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.search.Synonym;
import dev.shopwright.shared.StoreId;

@Repository
public class Synonyms {

	private final JdbcClient jdbc;

	public Synonyms(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Synonym> all(StoreId store) {
		return jdbc.sql("select id, terms from search.synonym where store_id = ? order by created_at, id")
			.param(store.value())
			.query((rs, n) -> new Synonym(rs.getObject("id", UUID.class), strings(rs.getArray("terms"))))
			.list();
	}

	public void insert(StoreId store, Synonym synonym) {
		jdbc.sql("insert into search.synonym (store_id, id, terms) values (?, ?, ?)")
			.params(store.value(), synonym.id(), synonym.terms().toArray(String[]::new)).update();
	}

	public boolean delete(StoreId store, UUID id) {
		return jdbc.sql("delete from search.synonym where store_id = ? and id = ?").params(store.value(), id).update() == 1;
	}

	static List<String> strings(Array array) throws SQLException {
		return Arrays.asList((String[]) array.getArray());
	}
}
