package dev.shopwright.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

@ShopwrightTest
class CategoriesAndCollectionsApiTests {

	@LocalServerPort
	int port;

	ApiClient owner;

	@BeforeEach
	void logIn() {
		owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
	}

	private String category(String name, String parentId) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "handle", ApiClient.unique(name.toLowerCase())));
		if (parentId != null) {
			body.put("parentId", parentId);
		}
		ApiClient.Response response = owner.post("/api/admin/v1/categories", body);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private String product(String title, String price, List<String> tags, List<String> categoryIds) {
		return owner.post("/api/admin/v1/products", Map.of("title", title, "tags", tags, "categoryIds", categoryIds,
				"variants", List.of(Map.of("price", Map.of("amount", price, "currency", "EUR"))))).json().get("id").asString();
	}

	@Test
	void categoriesFormATreeWithBreadcrumbsAndMoveWithTheirSubtree() {
		String clothing = category("Clothing", null);
		String shirts = category("Shirts", clothing);
		String polos = category("Polos", shirts);
		String sale = category("Sale", null);
		product("Polo " + ApiClient.unique("p"), "30.00", List.of(), List.of(polos));

		JsonNode polo = owner.get("/api/admin/v1/categories/" + polos).json();
		assertThat(polo.get("breadcrumbs").findValuesAsString("name")).containsExactly("Clothing", "Shirts", "Polos");
		assertThat(owner.get("/api/admin/v1/categories/" + clothing).json().get("productCount").asInt()).isEqualTo(1);

		assertThat(owner.patch("/api/admin/v1/categories/" + shirts, Map.of("move", true, "parentId", sale)).status())
			.isEqualTo(200);
		assertThat(owner.get("/api/admin/v1/categories/" + polos).json().get("breadcrumbs").findValuesAsString("name"))
			.containsExactly("Sale", "Shirts", "Polos");
		assertThat(owner.get("/api/admin/v1/categories/" + clothing).json().get("productCount").asInt()).isZero();

		ApiClient.Response cycle = owner.patch("/api/admin/v1/categories/" + shirts, Map.of("move", true, "parentId", polos));
		assertThat(cycle.status()).isEqualTo(422);
		assertThat(cycle.json().get("code").asString()).isEqualTo("CATEGORY_CYCLE");
		assertThat(owner.delete("/api/admin/v1/categories/" + shirts).status()).isEqualTo(409);
		assertThat(owner.delete("/api/admin/v1/categories/" + polos).status()).isEqualTo(204);
	}

	@Test
	void aRuleBasedCollectionStaysCurrentAsProductsChange() {
		String tag = ApiClient.unique("sale");
		String cheap = product("Cheap " + tag, "20.00", List.of(tag), List.of());
		product("Dear " + tag, "80.00", List.of(tag), List.of());
		String untagged = product("Plain " + tag, "10.00", List.of(), List.of());
		String collection = owner.post("/api/admin/v1/collections", Map.of("title", "Bargains " + tag, "kind", "RULE",
				"rules", List.of(Map.of("field", "TAG", "operator", "EQUALS", "value", tag),
						Map.of("field", "PRICE", "operator", "LESS_THAN", "value", "50")))).json().get("id").asString();

		assertThat(members(collection)).containsExactly(cheap);
		owner.patch("/api/admin/v1/products/" + untagged, Map.of("tags", List.of(tag)));
		assertThat(members(collection)).containsExactlyInAnyOrder(cheap, untagged);

		ApiClient.Response manualAdd = owner.post("/api/admin/v1/collections/" + collection + "/products",
				Map.of("productIds", List.of(cheap)));
		assertThat(manualAdd.status()).isEqualTo(422);
	}

	@Test
	void aManualCollectionKeepsItsOrder() {
		String a = product("First " + ApiClient.unique("m"), "5.00", List.of(), List.of());
		String b = product("Second " + ApiClient.unique("m"), "5.00", List.of(), List.of());
		String collection = owner.post("/api/admin/v1/collections", Map.of("title", "Staff picks " + ApiClient.unique("c"),
				"kind", "MANUAL")).json().get("id").asString();
		owner.post("/api/admin/v1/collections/" + collection + "/products", Map.of("productIds", List.of(b, a)));
		assertThat(members(collection)).containsExactly(b, a);
		owner.delete("/api/admin/v1/collections/" + collection + "/products/" + b);
		assertThat(members(collection)).containsExactly(a);
	}

	@Test
	void badRulesAreRefused() {
		ApiClient.Response response = owner.post("/api/admin/v1/collections", Map.of("title", "Broken", "kind", "RULE",
				"rules", List.of(Map.of("field", "PRICE", "operator", "LESS_THAN", "value", "cheap"))));
		assertThat(response.status()).isEqualTo(422);
		assertThat(owner.post("/api/admin/v1/collections", Map.of("title", "Empty", "kind", "RULE")).status()).isEqualTo(422);
	}

	private List<String> members(String collection) {
		return owner.get("/api/admin/v1/collections/" + collection + "/products?limit=250").json().get("items")
			.valueStream().map(JsonNode::asString).toList();
	}
}
