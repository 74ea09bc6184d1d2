package dev.shopwright.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;

import dev.shopwright.search.domain.ProductDocuments;
import dev.shopwright.search.domain.SearchIndex;
import dev.shopwright.shared.StoreId;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;

/**
 * A second application node is simulated by a second index feed on its own directory against the same
 * database: it sees every change the first node's listeners write, and rebuilds an unreadable index.
 */
@ShopwrightTest
class SearchIndexFeedTests {

	@LocalServerPort
	int port;

	@Autowired
	ProductDocuments documents;

	@Autowired
	PlatformTransactionManager transactions;

	@TempDir
	Path directory;

	@Test
	void aSecondNodeSeesEveryChangeAndRebuildsAnUnreadableIndex() throws IOException {
		ApiClient root = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		String handle = ApiClient.unique("nodes");
		var store = root.post("/api/admin/v1/stores", Map.of("name", "Nodes", "handle", handle, "defaultCurrency", "EUR",
				"defaultLocale", "en", "locales", List.of("en")));
		assertThat(store.status()).as(store.body()).isEqualTo(201);
		StoreId storeId = new StoreId(UUID.fromString(store.json().get("id").asString()));
		ApiClient owner = root.store(handle);

		SearchIndexFeed otherNode = new SearchIndexFeed(documents, transactions, directory, false);
		otherNode.start();
		String lantern;
		try {
			lantern = product(owner, "Harbour Lantern");
			assertThat(titles(eventually(otherNode, storeId, "lantern", hits -> hits.size() == 1)))
				.containsExactly("Harbour Lantern");
			assertThat(owner.patch("/api/admin/v1/products/" + lantern, Map.of("title", "Harbour Lamp")).status())
				.isEqualTo(200);
			assertThat(titles(eventually(otherNode, storeId, "lamp", hits -> hits.size() == 1))).containsExactly("Harbour Lamp");
			String kettle = product(owner, "Harbour Kettle");
			eventually(otherNode, storeId, "kettle", hits -> hits.size() == 1);
			assertThat(owner.delete("/api/admin/v1/products/" + kettle).status()).isEqualTo(204);
			assertThat(eventually(otherNode, storeId, "kettle", List::isEmpty)).as("deletions reach the other node").isEmpty();
		}
		finally {
			otherNode.stop();
		}

		try (var files = Files.list(directory)) {
			for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
				Files.write(file, new byte[] { 1, 2, 3, 4 });
			}
		}
		SearchIndexFeed restarted = new SearchIndexFeed(documents, transactions, directory, false);
		restarted.start();
		try {
			assertThat(titles(search(restarted, storeId, "harbour"))).as("rebuilt from the table at start")
				.containsExactly("Harbour Lamp");
		}
		finally {
			restarted.stop();
		}
	}

	static String product(ApiClient owner, String title) {
		var created = owner.post("/api/admin/v1/products", Map.of("title", title, "status", "ACTIVE", "published", true,
				"variants", List.of(Map.of("price", Map.of("amount", "20.00", "currency", "EUR")))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	static List<SearchIndex.Hit> search(SearchIndexFeed node, StoreId store, String word) {
		return node.index()
			.search(new SearchIndex.Search(store, List.of(List.of(word)), List.of("search.english", "search.simple"),
					Map.of(), SearchRequest.Sort.RELEVANCE, 10, null), false)
			.hits();
	}

	static List<SearchIndex.Hit> eventually(SearchIndexFeed node, StoreId store, String word,
			Predicate<List<SearchIndex.Hit>> until) {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		List<SearchIndex.Hit> hits = search(node, store, word);
		while (!until.test(hits) && System.nanoTime() < deadline) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			hits = search(node, store, word);
		}
		return hits;
	}

	static List<String> titles(List<SearchIndex.Hit> hits) {
		return hits.stream().map(SearchIndex.Hit::title).toList();
	}
}
