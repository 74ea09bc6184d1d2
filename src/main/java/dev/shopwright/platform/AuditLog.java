package dev.shopwright.platform;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.shopwright.shared.Page;
import dev.shopwright.shared.StoreId;

/**
 * Who did what to which record, when and from where. Modules call {@link #record} inside the transaction
 * that makes the change, so an entry exists exactly when the change does. Actor, IP address and user agent
 * come from the current request.
 */
@Component
public class AuditLog {

	public record Entry(UUID id, StoreId storeId, Instant at, String actorType, String actorId, String actorName,
			String action, String entityType, String entityId, String summary, @Nullable String ipAddress,
			@Nullable String userAgent) {
	}

	/** Narrows a listing; null fields match everything. */
	public record Filter(@Nullable String action, @Nullable String entityType, @Nullable String entityId,
			@Nullable String actor) {

		public static Filter none() {
			return new Filter(null, null, null, null);
		}
	}

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(StoreId storeId, String action, String entityType, String entityId, String summary) {
		Actor actor = Actor.current();
		HttpServletRequest request = currentRequest();
		jdbc.sql("""
				insert into platform.audit_log
				  (store_id, id, at, actor_type, actor_id, actor_name, action, entity_type, entity_id, summary,
				   ip_address, user_agent)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(storeId.value(), UUID.randomUUID(), java.sql.Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)),
					actor.actorType(), actor.actorId(), actor.actorName(), action, entityType, entityId,
					truncate(summary, 500), request == null ? null : request.getRemoteAddr(),
					request == null ? null : truncate(request.getHeader("User-Agent"), 300))
			.update();
	}

	/** Newest first; the cursor is opaque to callers. */
	public Page<Entry> find(StoreId storeId, Filter filter, @Nullable String cursor, int limit) {
		StringBuilder sql = new StringBuilder("""
				select store_id, id, at, actor_type, actor_id, actor_name, action, entity_type, entity_id, summary,
				       ip_address, user_agent
				from platform.audit_log where store_id = ?""");
		List<Object> params = new ArrayList<>(List.of(storeId.value()));
		if (filter.action() != null) {
			sql.append(" and action = ?");
			params.add(filter.action());
		}
		if (filter.entityType() != null) {
			sql.append(" and entity_type = ?");
			params.add(filter.entityType());
		}
		if (filter.entityId() != null) {
			sql.append(" and entity_id = ?");
			params.add(filter.entityId());
		}
		if (filter.actor() != null) {
			sql.append(" and actor_name ilike ?");
			params.add("%" + filter.actor().replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (cursor != null) {
			Cursor position = Cursor.decode(cursor, 2);
			sql.append(" and (at, id) < (?, ?)");
			params.add(java.sql.Timestamp.from(position.instant(0)));
			params.add(position.uuid(1));
		}
		sql.append(" order by at desc, id desc limit ?");
		params.add(limit + 1);
		List<Entry> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Entry(
				rs.getObject("id", UUID.class), new StoreId(rs.getObject("store_id", UUID.class)),
				rs.getTimestamp("at").toInstant(), rs.getString("actor_type"), rs.getString("actor_id"),
				rs.getString("actor_name"), rs.getString("action"), rs.getString("entity_type"),
				rs.getString("entity_id"), rs.getString("summary"), rs.getString("ip_address"),
				rs.getString("user_agent")))
			.list();
		if (rows.size() <= limit) {
			return new Page<>(rows, null);
		}
		Entry last = rows.get(limit - 1);
		return new Page<>(rows.subList(0, limit), Cursor.of(last.at().toString(), last.id().toString()).encode());
	}

	private static @Nullable HttpServletRequest currentRequest() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest() : null;
	}

	private static @Nullable String truncate(@Nullable String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}
}
