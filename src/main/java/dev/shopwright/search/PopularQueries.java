package dev.shopwright.search;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import dev.shopwright.search.domain.SearchLog;
import dev.shopwright.shared.StoreId;

/**
 * Popular past searches offered as suggestions: only normalised queries (never who searched) that found products,
 * searched at least {@code shopwright.search.popular-min-count} times (default 3) in the last 90 days, and none that
 * looks like personal data (an e-mail address, a long number such as a phone or order number). Read from the search
 * log once per store every five minutes and matched in memory, so a keystroke costs no query.
 */
@Component
class PopularQueries {

	private static final int DAYS = 90, KEPT = 500;

	/** E-mail addresses, and runs of five or more digits (phone, order, card or customer numbers). */
	private static final Pattern PERSONAL = Pattern.compile("@|\\d[\\d .-]{3,}\\d");

	private final LoadingCache<StoreId, List<String>> popular;

	PopularQueries(SearchLog log, @Value("${shopwright.search.popular-min-count:3}") int minCount) {
		this.popular = Caffeine.newBuilder().maximumSize(10_000).refreshAfterWrite(Duration.ofMinutes(5))
			.expireAfterWrite(Duration.ofMinutes(30))
			.build(store -> log.popular(store, Instant.now().minus(Duration.ofDays(DAYS)), minCount, KEPT).stream()
				.filter(q -> !PERSONAL.matcher(q).find())
				.toList());
	}

	/**
	 * Up to {@code limit} popular queries that start with the folded text (or have a word starting with it); all
	 * of them for an empty text.
	 */
	List<String> matching(StoreId store, String folded, int limit) {
		return popular.get(store).stream()
			.filter(q -> folded.isEmpty() || !q.equals(folded) && (q.startsWith(folded) || q.contains(" " + folded)))
			.limit(limit)
			.toList();
	}

	/** Forgets what was read (tests, and a store whose log was just written). */
	void forget(StoreId store) {
		popular.invalidate(store);
	}
}
