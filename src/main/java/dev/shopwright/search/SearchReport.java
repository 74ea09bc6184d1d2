package dev.shopwright.search;

import java.util.List;

/** How shoppers searched in the last {@code days} days: what, how often, what found nothing, what got clicked. */
public record SearchReport(int days, long searches, long clicks, double clickThroughRate, List<QueryStats> topQueries,
		List<QueryStats> zeroResultQueries) {

	public record QueryStats(String query, long searches, long clicks, double clickThroughRate, double averageResults) {
	}
}
