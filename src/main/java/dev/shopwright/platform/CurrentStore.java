package dev.shopwright.platform;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import dev.shopwright.shared.StoreId;

/**
 * The store the current request acts on, and the stores its caller may reach. Bound once per request by
 * the store-scope filter (API token's store, {@code X-Store}, console switcher, host name or default);
 * every store-owned query takes its {@link #id()}.
 */
@Component
public class CurrentStore {

	private static final String ATTRIBUTE = CurrentStore.class.getName();

	/** Where the console keeps the store picked with the switcher (a store id). */
	public static final String SESSION_ATTRIBUTE = "shopwright.console.store";

	public record Binding(StoreId storeId, StoreAccess access) {
	}

	public StoreId id() {
		return binding().map(Binding::storeId)
			.orElseThrow(() -> new IllegalStateException("no store is bound to this request"));
	}

	public Optional<StoreId> find() {
		return binding().map(Binding::storeId);
	}

	public StoreAccess access() {
		return binding().map(Binding::access).orElse(StoreAccess.only(java.util.Set.of()));
	}

	public void bind(StoreId storeId, StoreAccess access) {
		RequestAttributes attributes = RequestContextHolder.currentRequestAttributes();
		attributes.setAttribute(ATTRIBUTE, new Binding(storeId, access), RequestAttributes.SCOPE_REQUEST);
	}

	private Optional<Binding> binding() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes == null) {
			return Optional.empty();
		}
		return Optional.ofNullable((Binding) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
	}
}
