package dev.shopwright.fraud.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.shopwright.fraud.AssessmentListing;
import dev.shopwright.fraud.FiredRule;
import dev.shopwright.fraud.Review;
import dev.shopwright.fraud.ReviewDecision;
import dev.shopwright.fraud.RiskAssessment;
import dev.shopwright.fraud.RiskAssessmentId;
import dev.shopwright.fraud.RiskCheck;
import dev.shopwright.fraud.RiskLevel;
import dev.shopwright.platform.Cursor;
import dev.shopwright.shared.Money;
import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Every assessment a store made (appended, then reviewed once), and the velocity counts the rules read from them. */
@Repository
public class Assessments {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<FiredRule>> RULES = new TypeReference<>() {
	};

	/** Earlier orders (distinct references other than this one) with the same email, IP and card within the window. */
	public record Velocity(Count byEmail, Count byIp, Count byCard) {
	}

	/**
	 * Earlier orders with one value: exact, or — when more than {@link #RECENT_ROWS} assessments share it — at least
	 * {@code earlier} (counted among the most recent ones), which is already more than the rule's limit.
	 */
	public record Count(int earlier, boolean atLeast) {

		public static Count exactly(int earlier) {
			return new Count(earlier, false);
		}
	}

	/**
	 * How many of a value's most recent assessments a velocity count reads. A busy value (a shop's NAT address, a
	 * benchmark's one card) would otherwise make every count read the whole window, thousands of rows, while holding
	 * the value's lock: cost growing with traffic, on the path every checkout takes.
	 */
	public static final int RECENT_ROWS = 100;

		private final JdbcClient jdbc;

	Assessments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Serialises concurrent assessments that share an email, IP or card fingerprint until the caller's transaction
	 * ends, so each one counts all the others that committed before it (two nodes included). Locks are taken in
	 * ascending key order, so two checks sharing several signals cannot deadlock.
	 */
	public void lockSignals(StoreId store, RiskCheck check) {
		List<Long> keys = new ArrayList<>();
		keys.add(lockKey(store, "email", check.email()));
		if (check.clientIp() != null) {
			keys.add(lockKey(store, "ip", check.clientIp()));
		}
		if (check.cardFingerprint() != null) {
			keys.add(lockKey(store, "card", check.cardFingerprint()));
		}
		keys.stream().distinct().sorted().forEach(key -> jdbc.sql("select pg_advisory_xact_lock(:key)")
			.param("key", key)
			.query((rs, n) -> 1)
			.single());
	}

	/**
	 * Three index range scans, newest first, each reading at most {@link #RECENT_ROWS} rows; repeated assessments of
	 * one reference count once. A count cut short that is still below its limit (one order retried very often) is
	 * counted again over the whole window, so the rules fire exactly as with unbounded counts.
	 */
	public Velocity velocity(StoreId store, RiskCheck check, int windowMinutes, int emailLimit, int ipLimit,
			int cardLimit) {
		Map<String, Object> params = new HashMap<>();
		params.put("store", store.value());
		params.put("reference", check.reference());
		params.put("email", check.email());
		params.put("ip", check.clientIp());
		params.put("card", check.cardFingerprint());
		params.put("window", windowMinutes);
		params.put("rows", RECENT_ROWS);
		String recent = """
				(select count(distinct reference) as distinct_references, count(*) = :rows as cut_short
				 from (select reference from fraud.assessment
				       where store_id = :store and %s and assessed_at > clock_timestamp() - make_interval(mins => :window)
				         and reference <> :reference
				       order by assessed_at desc limit :rows) newest) %s""";
		List<Object[]> read = jdbc.sql("""
				select email.distinct_references, email.cut_short, ip.distinct_references, ip.cut_short,
				       card.distinct_references, card.cut_short
				from %s, %s, %s""".formatted(recent.formatted(EMAIL, "email"), recent.formatted(IP, "ip"),
				recent.formatted(CARD, "card")))
			.params(params)
			.query((rs, n) -> new Object[] { rs.getInt(1), rs.getBoolean(2), rs.getInt(3), rs.getBoolean(4),
					rs.getInt(5), rs.getBoolean(6) })
			.list();
		Object[] row = read.getFirst();
		return new Velocity(count((int) row[0], (boolean) row[1], emailLimit, EMAIL, params),
				count((int) row[2], (boolean) row[3], ipLimit, IP, params),
				count((int) row[4], (boolean) row[5], cardLimit, CARD, params));
	}

	private static final String EMAIL = "email = :email", IP = "client_ip = cast(:ip as text)",
			CARD = "card_fingerprint = cast(:card as char(64))";

	/** The count as read from the most recent rows, or over the whole window when those were not enough to decide. */
	private Count count(int distinct, boolean cutShort, int limit, String match, Map<String, Object> params) {
		if (!cutShort) {
			return Count.exactly(distinct);
		}
		if (distinct >= limit) {
			return new Count(distinct, true);
		}
		return Count.exactly(jdbc.sql("""
				select count(distinct reference) from fraud.assessment
				where store_id = :store and %s and assessed_at > clock_timestamp() - make_interval(mins => :window)
				  and reference <> :reference""".formatted(match))
			.params(params)
			.query(Integer.class)
			.single());
	}

	public RiskAssessment insert(StoreId store, RiskCheck check, @Nullable String shippingCountry, int score,
			RiskLevel level, List<FiredRule> rules) {
		RiskAssessmentId id = RiskAssessmentId.random();
		Map<String, Object> params = new HashMap<>();
		params.put("store", store.value());
		params.put("id", id.value());
		params.put("reference", check.reference());
		params.put("email", check.email());
		params.put("ip", check.clientIp());
		params.put("card", check.cardFingerprint());
		params.put("country", shippingCountry);
		params.put("currency", check.orderTotal().currency().getCurrencyCode());
		params.put("total", check.orderTotal().amount());
		params.put("customer", check.customerId());
		params.put("newCustomer", check.newCustomer());
		params.put("items", check.itemCount());
		params.put("score", score);
		params.put("level", level.name());
		params.put("rank", level.rank());
		params.put("rules", JSON.writeValueAsString(rules));
		jdbc.sql("""
				insert into fraud.assessment (store_id, id, reference, email, client_ip, card_fingerprint, shipping_country,
				    order_currency, order_total, customer_id, new_customer, item_count, score, level, level_rank, rules)
				values (:store, :id, :reference, :email, cast(:ip as text), cast(:card as text), cast(:country as text),
				    :currency, :total, cast(:customer as uuid), :newCustomer, :items, :score, :level, :rank,
				    cast(:rules as jsonb))""")
			.params(params)
			.update();
		return find(store, id).orElseThrow();
	}

	public Optional<RiskAssessment> find(StoreId store, RiskAssessmentId id) {
		return jdbc.sql("select * from fraud.assessment where store_id = :store and id = :id")
			.param("store", store.value())
			.param("id", id.value())
			.query(Assessments::map)
			.optional();
	}

	/** The review queue order: HIGH first, then newest first; pages by (level_rank, assessed_at, id). */
	public Page<RiskAssessment> list(StoreId store, AssessmentListing listing, @Nullable String cursor, int limit) {
		StringBuilder sql = new StringBuilder("select * from fraud.assessment where store_id = :store");
		Map<String, Object> params = new HashMap<>();
		params.put("store", store.value());
		if (listing.level() != null) {
			sql.append(" and level = :level");
			params.put("level", listing.level().name());
		}
		if (listing.unreviewedOnly()) {
			sql.append(" and review_decision is null");
		}
		if (listing.reference() != null) {
			sql.append(" and reference = :reference");
			params.put("reference", listing.reference());
		}
		if (cursor != null) {
			Cursor after = Cursor.decode(cursor, 3);
			sql.append(" and (level_rank, assessed_at, id) < (:afterRank, :afterAt, :afterId)");
			params.put("afterRank", (int) after.longValue(0));
			params.put("afterAt", Timestamp.from(after.instant(1)));
			params.put("afterId", after.uuid(2));
		}
		sql.append(" order by level_rank desc, assessed_at desc, id desc limit :limit");
		params.put("limit", limit + 1);
		return KeysetPages.of(jdbc.sql(sql.toString()).params(params).query(Assessments::map).list(), limit,
				last -> Cursor.of(String.valueOf(last.level().rank()), last.assessedAt().toString(), last.id().toString()));
	}

	/** Records the review unless one exists already (one conditional UPDATE: of two racing reviews, one wins). */
	public boolean review(StoreId store, RiskAssessmentId id, ReviewDecision decision, @Nullable String note,
			String reviewedBy) {
		return jdbc.sql("""
				update fraud.assessment set review_decision = :decision, review_note = :note, reviewed_by = :by,
				    reviewed_at = clock_timestamp()
				where store_id = :store and id = :id and review_decision is null""")
			.param("store", store.value())
			.param("id", id.value())
			.param("decision", decision.name())
			.param("note", note)
			.param("by", reviewedBy)
			.update() == 1;
	}

	private static long lockKey(StoreId store, String kind, String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("fraud|" + store + "|" + kind + "|" + value).getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.wrap(digest).getLong();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RiskAssessment map(ResultSet rs, int n) throws SQLException {
		String decision = rs.getString("review_decision");
		Review review = decision == null ? null : new Review(ReviewDecision.valueOf(decision), rs.getString("review_note"),
				rs.getString("reviewed_by"), rs.getTimestamp("reviewed_at").toInstant());
		return new RiskAssessment(new RiskAssessmentId(rs.getObject("id", UUID.class)), rs.getString("reference"),
				rs.getInt("score"), RiskLevel.valueOf(rs.getString("level")), JSON.readValue(rs.getString("rules"), RULES),
				rs.getString("email"), rs.getString("client_ip"), rs.getString("card_fingerprint"),
				rs.getString("shipping_country"),
				Money.of(rs.getBigDecimal("order_total"), Currency.getInstance(rs.getString("order_currency")),
						Money.DEFAULT_ROUNDING),
				rs.getObject("customer_id", UUID.class), rs.getBoolean("new_customer"), rs.getInt("item_count"),
				rs.getTimestamp("assessed_at").toInstant(), review);
	}
}
