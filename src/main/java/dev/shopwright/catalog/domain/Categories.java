package dev.shopwright.catalog.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.catalog.Category;
import dev.shopwright.shared.StoreId;

/** The category tree, kept as materialised paths so that a subtree is one prefix query and moves one update. */
@Repository
public class Categories {

	private final JdbcClient jdbc;

	public Categories(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** All categories depth-first: parents before their children, siblings by position, then name. */
	public List<Category> all(StoreId store) {
		List<Category> flat = jdbc.sql("select * from catalog.category where store_id = ?").param(store.value())
			.query(Categories::map).list();
		java.util.Map<@Nullable UUID, List<Category>> children = new java.util.HashMap<>();
		flat.forEach(c -> children.computeIfAbsent(c.parentId(), key -> new java.util.ArrayList<>()).add(c));
		children.values().forEach(list -> list.sort(java.util.Comparator.comparingInt(Category::position)
			.thenComparing(c -> c.name().toLowerCase(java.util.Locale.ROOT))
			.thenComparing(Category::id)));
		List<Category> ordered = new java.util.ArrayList<>();
		java.util.Deque<Category> stack = new java.util.ArrayDeque<>();
		java.util.List<Category> roots = children.getOrDefault(null, List.of());
		for (int i = roots.size() - 1; i >= 0; i--) {
			stack.push(roots.get(i));
		}
		while (!stack.isEmpty()) {
			Category next = stack.pop();
			ordered.add(next);
			List<Category> below = children.getOrDefault(next.id(), List.of());
			for (int i = below.size() - 1; i >= 0; i--) {
				stack.push(below.get(i));
			}
		}
		return ordered;
	}

	public Optional<Category> find(StoreId store, UUID id) {
		return jdbc.sql("select * from catalog.category where store_id = ? and id = ?").params(store.value(), id)
			.query(Categories::map).optional();
	}

	public Optional<Category> findByHandle(StoreId store, String handle) {
		return jdbc.sql("select * from catalog.category where store_id = ? and handle = ?").params(store.value(), handle)
			.query(Categories::map).optional();
	}

	public boolean handleTaken(StoreId store, String handle, @Nullable UUID except) {
		return jdbc.sql("select exists (select 1 from catalog.category where store_id = ? and handle = ? and id <> ?)")
			.params(store.value(), handle, except == null ? new UUID(0, 0) : except).query(Boolean.class).single();
	}

	public void insert(StoreId store, Category category) {
		jdbc.sql("""
				insert into catalog.category (store_id, id, parent_id, handle, name, description, path, position, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, now())""")
			.params(store.value(), category.id(), category.parentId(), category.handle(), category.name(),
					category.description(), pathText(category.path()), category.position())
			.update();
	}

	public void update(StoreId store, Category category) {
		jdbc.sql("update catalog.category set handle = ?, name = ?, description = ?, position = ? where store_id = ? and id = ?")
			.params(category.handle(), category.name(), category.description(), category.position(), store.value(),
					category.id())
			.update();
	}

	/** Moves a category with its whole subtree under a new parent (or to the root). */
	public void move(StoreId store, Category category, @Nullable Category newParent) {
		String oldPrefix = pathText(category.path());
		String newPrefix = (newParent == null ? "/" : pathText(newParent.path())) + category.id() + "/";
		jdbc.sql("update catalog.category set parent_id = ? where store_id = ? and id = ?")
			.params(newParent == null ? null : newParent.id(), store.value(), category.id()).update();
		jdbc.sql("update catalog.category set path = ? || substr(path, ?) where store_id = ? and path like ?")
			.params(newPrefix, oldPrefix.length() + 1, store.value(), oldPrefix + "%").update();
	}

	public int childCount(StoreId store, UUID id) {
		return jdbc.sql("select count(*) from catalog.category where store_id = ? and parent_id = ?")
			.params(store.value(), id).query(Integer.class).single();
	}

	public int productCount(StoreId store, UUID id) {
		return jdbc.sql("select count(*) from catalog.product_category where store_id = ? and category_id = ?")
			.params(store.value(), id).query(Integer.class).single();
	}

	public void delete(StoreId store, UUID id) {
		jdbc.sql("delete from catalog.category where store_id = ? and id = ?").params(store.value(), id).update();
	}

	/** Ids of the products in the category or any category below it. */
	public List<UUID> productIdsInSubtree(StoreId store, Category category) {
		return jdbc.sql("""
				select distinct pc.product_id from catalog.product_category pc
				join catalog.category c on c.store_id = pc.store_id and c.id = pc.category_id
				where pc.store_id = ? and c.path like ?""")
			.params(store.value(), pathText(category.path()) + "%").query(UUID.class).list();
	}

	static String pathText(List<UUID> path) {
		StringBuilder text = new StringBuilder("/");
		path.forEach(id -> text.append(id).append('/'));
		return text.toString();
	}

	private static Category map(ResultSet rs, int row) throws SQLException {
		List<UUID> path = Arrays.stream(rs.getString("path").split("/")).filter(part -> !part.isEmpty())
			.map(UUID::fromString).toList();
		return new Category(rs.getObject("id", UUID.class), rs.getObject("parent_id", UUID.class), rs.getString("handle"),
				rs.getString("name"), rs.getString("description"), path, rs.getInt("position"));
	}
}
