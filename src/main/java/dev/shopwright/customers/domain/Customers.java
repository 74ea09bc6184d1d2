package dev.shopwright.customers.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.customers.AddressDetails;
import dev.shopwright.customers.Customer;
import dev.shopwright.customers.CustomerAddress;
import dev.shopwright.customers.CustomerId;
import dev.shopwright.customers.CustomerListing;
import dev.shopwright.customers.CustomerState;
import dev.shopwright.customers.ProfileChanges;
import dev.shopwright.customers.StaffChanges;
import dev.shopwright.shared.Address;
import dev.shopwright.shared.StoreId;

/**
 * Shopper accounts and their addresses. Every statement is scoped by store; uniqueness of an email per store
 * and "a default address belongs to its customer" are constraints of the table, not checks made here.
 */
@Repository
public class Customers {

	/** What a login compares against. */
	public record Credentials(CustomerId id, String email, String passwordHash, CustomerState state) {
	}

	private static final String COLUMNS = """
			id, store_id, email, first_name, last_name, phone, accepts_marketing, tax_exempt, state, notes, tags,
			default_shipping_address_id, default_billing_address_id, created_at, updated_at""";

	private final JdbcClient jdbc;

	public Customers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Throws {@link org.springframework.dao.DuplicateKeyException} if the store already has this email. */
	public void insert(StoreId storeId, CustomerId id, String email, @Nullable String firstName,
			@Nullable String lastName, @Nullable String phone, boolean acceptsMarketing, String passwordHash) {
		jdbc.sql("""
				insert into customers.customer (store_id, id, email, first_name, last_name, phone, accepts_marketing,
				  password_hash, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, now(), now())""")
			.params(storeId.value(), id.value(), email, firstName, lastName, phone, acceptsMarketing, passwordHash)
			.update();
	}

	public Optional<Customer> find(StoreId storeId, CustomerId id) {
		return jdbc.sql("select " + COLUMNS + " from customers.customer where store_id = ? and id = ?")
			.params(storeId.value(), id.value())
			.query((rs, row) -> new Row(customer(rs, List.of()), rs.getObject("default_shipping_address_id", UUID.class),
					rs.getObject("default_billing_address_id", UUID.class)))
			.optional()
			.map(row -> withAddresses(row.customer(), addresses(storeId, id, row.shipping(), row.billing())));
	}

	private record Row(Customer customer, @Nullable UUID shipping, @Nullable UUID billing) {
	}

	private static Customer withAddresses(Customer c, List<CustomerAddress> addresses) {
		return new Customer(c.id(), c.storeId(), c.email(), c.firstName(), c.lastName(), c.phone(), c.acceptsMarketing(),
				c.taxExempt(), c.state(), c.notes(), c.tags(), addresses, c.createdAt(), c.updatedAt());
	}

	public Optional<Credentials> credentials(StoreId storeId, String email) {
		return jdbc.sql("select id, email, password_hash, state from customers.customer where store_id = ? and email = ?::citext")
			.params(storeId.value(), email)
			.query((rs, row) -> new Credentials(new CustomerId(rs.getObject("id", UUID.class)),
					rs.getString("email"), rs.getString("password_hash"), CustomerState.valueOf(rs.getString("state"))))
			.optional();
	}

	public Optional<String> passwordHash(StoreId storeId, CustomerId id) {
		return jdbc.sql("select password_hash from customers.customer where store_id = ? and id = ?")
			.params(storeId.value(), id.value()).query(String.class).optional();
	}

	public boolean isEnabled(StoreId storeId, CustomerId id) {
		return jdbc.sql("select count(*) from customers.customer where store_id = ? and id = ? and state = 'ENABLED'")
			.params(storeId.value(), id.value()).query(Long.class).single() == 1;
	}

	/** Null fields stay as they are; an empty text clears the field. */
	public boolean updateProfile(StoreId storeId, CustomerId id, ProfileChanges changes) {
		return jdbc.sql("""
				update customers.customer set
				  first_name = case when ?::text is null then first_name else nullif(?, '') end,
				  last_name = case when ?::text is null then last_name else nullif(?, '') end,
				  phone = case when ?::text is null then phone else nullif(?, '') end,
				  accepts_marketing = coalesce(?, accepts_marketing),
				  updated_at = now()
				where store_id = ? and id = ?""")
			.params(changes.firstName(), changes.firstName(), changes.lastName(), changes.lastName(), changes.phone(),
					changes.phone(), changes.acceptsMarketing(), storeId.value(), id.value())
			.update() == 1;
	}

	public boolean updateByStaff(StoreId storeId, CustomerId id, StaffChanges changes) {
		return jdbc.sql("""
				update customers.customer set
				  tax_exempt = coalesce(?, tax_exempt),
				  state = coalesce(?, state),
				  notes = case when ?::text is null then notes else nullif(?, '') end,
				  tags = coalesce(?, tags),
				  updated_at = now()
				where store_id = ? and id = ?""")
			.params(changes.taxExempt(), changes.state() == null ? null : changes.state().name(), changes.notes(),
					changes.notes(), changes.tags() == null ? null : changes.tags().stream().map(String::strip).distinct()
						.toArray(String[]::new),
					storeId.value(), id.value())
			.update() == 1;
	}

	public void updatePassword(StoreId storeId, CustomerId id, String passwordHash) {
		jdbc.sql("update customers.customer set password_hash = ?, updated_at = now() where store_id = ? and id = ?")
			.params(passwordHash, storeId.value(), id.value()).update();
	}

	/**
	 * Staff search: by email, first or last name (substring, case-insensitive), newest first, paged by
	 * (created_at, id).
	 */
	public List<CustomerListing> list(StoreId storeId, @Nullable String query, @Nullable Instant afterCreated,
			@Nullable UUID afterId, int limit) {
		String pattern = query == null || query.isBlank() ? null
				: "%" + query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return jdbc.sql("""
				select id, email, first_name, last_name, state, tax_exempt, created_at from customers.customer
				where store_id = :store
				  and (cast(:pattern as text) is null
				       or (coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || email::text) ilike :pattern)
				  and (cast(:afterCreated as timestamptz) is null or (created_at, id) < (:afterCreated, :afterId))
				order by created_at desc, id desc
				limit :limit""")
			.param("store", storeId.value())
			.param("pattern", pattern)
			.param("afterCreated", afterCreated == null ? null : java.sql.Timestamp.from(afterCreated))
			.param("afterId", afterId)
			.param("limit", limit)
			.query((rs, row) -> new CustomerListing(new CustomerId(rs.getObject("id", UUID.class)), rs.getString("email"),
					rs.getString("first_name"), rs.getString("last_name"), CustomerState.valueOf(rs.getString("state")),
					rs.getBoolean("tax_exempt"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	public void insertAddress(StoreId storeId, CustomerId customerId, UUID id, AddressDetails details) {
		Address address = details.address();
		jdbc.sql("""
				insert into customers.customer_address (store_id, id, customer_id, first_name, last_name, company, phone,
				  line1, line2, city, region, postal_code, country, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())""")
			.params(storeId.value(), id, customerId.value(), details.firstName(), details.lastName(), details.company(),
					details.phone(), address.line1(), address.line2(), address.city(), address.region(),
					address.postalCode(), address.country())
			.update();
	}

	public boolean updateAddress(StoreId storeId, CustomerId customerId, UUID id, AddressDetails details) {
		Address address = details.address();
		return jdbc.sql("""
				update customers.customer_address set first_name = ?, last_name = ?, company = ?, phone = ?, line1 = ?,
				  line2 = ?, city = ?, region = ?, postal_code = ?, country = ?
				where store_id = ? and customer_id = ? and id = ?""")
			.params(details.firstName(), details.lastName(), details.company(), details.phone(), address.line1(),
					address.line2(), address.city(), address.region(), address.postalCode(), address.country(),
					storeId.value(), customerId.value(), id)
			.update() == 1;
	}

	/** The database clears a default that pointed at it (on delete set null). */
	public boolean deleteAddress(StoreId storeId, CustomerId customerId, UUID id) {
		return jdbc.sql("delete from customers.customer_address where store_id = ? and customer_id = ? and id = ?")
			.params(storeId.value(), customerId.value(), id).update() == 1;
	}

	/**
	 * Points the customer's default shipping and/or billing address at one of their addresses in one statement;
	 * an address of another customer matches nothing.
	 */
	public boolean makeDefault(StoreId storeId, CustomerId customerId, UUID addressId, boolean shipping,
			boolean billing) {
		return jdbc.sql("""
				update customers.customer c set
				  default_shipping_address_id = case when ? then a.id else c.default_shipping_address_id end,
				  default_billing_address_id = case when ? then a.id else c.default_billing_address_id end,
				  updated_at = now()
				from customers.customer_address a
				where c.store_id = ? and c.id = ? and a.store_id = c.store_id and a.customer_id = c.id and a.id = ?""")
			.params(shipping, billing, storeId.value(), customerId.value(), addressId)
			.update() == 1;
	}

	private List<CustomerAddress> addresses(StoreId storeId, CustomerId customerId, @Nullable UUID shipping,
			@Nullable UUID billing) {
		return jdbc.sql("""
				select id, first_name, last_name, company, phone, line1, line2, city, region, postal_code, country
				from customers.customer_address where store_id = ? and customer_id = ? order by created_at, id""")
			.params(storeId.value(), customerId.value())
			.query((rs, row) -> {
				UUID id = rs.getObject("id", UUID.class);
				return new CustomerAddress(id, rs.getString("first_name"), rs.getString("last_name"),
						rs.getString("company"), rs.getString("phone"),
						new Address(rs.getString("line1"), rs.getString("line2"), rs.getString("city"),
								rs.getString("region"), rs.getString("postal_code"), rs.getString("country")),
						id.equals(shipping), id.equals(billing));
			})
			.list();
	}

	private static Customer customer(ResultSet rs, List<CustomerAddress> addresses) throws SQLException {
		Array tags = rs.getArray("tags");
		return new Customer(new CustomerId(rs.getObject("id", UUID.class)), new StoreId(rs.getObject("store_id", UUID.class)),
				rs.getString("email"), rs.getString("first_name"), rs.getString("last_name"), rs.getString("phone"),
				rs.getBoolean("accepts_marketing"), rs.getBoolean("tax_exempt"), CustomerState.valueOf(rs.getString("state")),
				rs.getString("notes"), tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()), addresses,
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}
}
