package dev.shopwright.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.search.SearchManagement;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;

/** The console's search screen: analytics of the store's searches and the synonyms editor. */
@ShopwrightTest
class SearchConsoleTests {

	@LocalServerPort
	int port;

	@Autowired
	SearchManagement search;

	@Autowired
	StoreManagement stores;

	@Test
	void theSearchScreenShowsQueriesAndEditsSynonyms() {
		String word = "zebrawood" + ApiClient.unique("q").substring(2, 6);
		ApiClient.at(port).store("demo").get("/api/store/v1/products?q=" + word);
		AdminSession owner = AdminSession.at(port).logIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		AdminSession.Page page = owner.get("/admin/search");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<h1>Search</h1>").contains("id=\"top-queries\"").contains("id=\"zero-queries\"")
			.contains(word).contains("href=\"/admin/search\"");

		// best sellers of the last 90 days (the demo store's generated sales) and the popular searches section
		StoreId demo = stores.findByReference("demo").orElseThrow().id();
		var best = search.bestSellers(demo, 10);
		assertThat(best).isNotEmpty().isSortedAccordingTo(
				java.util.Comparator.comparingInt(dev.shopwright.search.BestSeller::unitsSold).reversed());
		assertThat(page.body()).contains("id=\"best-sellers\"").contains("id=\"popular-queries\"")
			.contains("<td>" + org.springframework.web.util.HtmlUtils.htmlEscape(best.get(0).title()) + "</td><td>"
					+ best.get(0).unitsSold() + "</td>");

		AdminSession.Page saved = owner.post("/admin/search/synonyms", Map.of("terms", "parka, " + word));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(owner.get("/admin/search").body()).contains("parka, " + word);
		assertThat(ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD).store("demo")
			.get("/api/admin/v1/search/synonyms").body()).contains(word);
	}
}
