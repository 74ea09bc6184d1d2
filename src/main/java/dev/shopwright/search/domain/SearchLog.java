package dev.shopwright.search.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.search.SearchReport;
import dev.shopwright.shared.StoreId;

/** Storefront queries and result clicks, and the report built from them. */
@Repository
public class SearchLog {

	private final JdbcClient jdbc;

	public SearchLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void query(StoreId store, String query, long results) {
		jdbc.sql("insert into search.query_log (store_id, query, result_count) values (?, ?, ?)")
			.params(store.value(), query, (int) Math.min(results, Integer.MAX_VALUE)).update();
	}

	public void click(StoreId store, String query, UUID product) {
		jdbc.sql("insert into search.click (store_id, query, product_id) values (?, ?, ?)")
			.params(store.value(), query, product).update();
	}

	/**
	 * The store's most searched queries since {@code since} that found products, searched at least
	 * {@code minCount} times, most searched first: candidates for popular-query suggestions.
	 */
	public List<String> popular(StoreId store, Instant since, int minCount, int limit) {
		return jdbc.sql("""
				select query from search.query_log
				where store_id = ? and searched_at >= ? and result_count > 0
				group by query having count(*) >= ?
				order by count(*) desc, query limit ?""")
			.params(store.value(), java.sql.Timestamp.from(since), minCount, limit).query(String.class).list();
	}

	public SearchReport report(StoreId store, int days, int limit) {
		Instant since = Instant.now().minusSeconds(days * 86_400L);
		java.sql.Timestamp from = java.sql.Timestamp.from(since);
		long searches = jdbc.sql("select count(*) from search.query_log where store_id = ? and searched_at >= ?")
			.params(store.value(), from).query(Long.class).single();
		long clicks = jdbc.sql("select count(*) from search.click where store_id = ? and clicked_at >= ?")
			.params(store.value(), from).query(Long.class).single();
		String stats = """
				with q as (select query, count(*) as searches, avg(result_count) as results,
				                  bool_and(result_count = 0) as none
				           from search.query_log where store_id = ? and searched_at >= ? group by query),
				     c as (select query, count(*) as clicks from search.click
				           where store_id = ? and clicked_at >= ? group by query)
				select q.query, q.searches, coalesce(c.clicks, 0) as clicks, q.results
				from q left join c on c.query = q.query
				""";
		List<SearchReport.QueryStats> top = jdbc.sql(stats + " order by q.searches desc, q.query limit ?")
			.params(store.value(), from, store.value(), from, limit).query((rs, n) -> stats(rs)).list();
		List<SearchReport.QueryStats> none = jdbc.sql(stats + " where q.none order by q.searches desc, q.query limit ?")
			.params(store.value(), from, store.value(), from, limit).query((rs, n) -> stats(rs)).list();
		return new SearchReport(days, searches, clicks, searches == 0 ? 0 : (double) clicks / searches, top, none);
	}

	private static SearchReport.QueryStats stats(java.sql.ResultSet rs) throws java.sql.SQLException {
		long searches = rs.getLong("searches");
		long clicks = rs.getLong("clicks");
		return new SearchReport.QueryStats(rs.getString("query"), searches, clicks,
				searches == 0 ? 0 : (double) clicks / searches, rs.getDouble("results"));
	}
}
