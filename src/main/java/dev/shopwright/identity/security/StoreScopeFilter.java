package dev.shopwright.identity.security;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.shopwright.identity.Role;
import dev.shopwright.identity.StaffManagement;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.platform.StoreAccess;
import dev.shopwright.platform.web.ProblemResponses;
import dev.shopwright.platform.web.Problems;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;

/**
 * Decides the one store a request acts on and, for staff, the permissions they hold there.
 * <ul>
 * <li>API token: its own store, always; naming another with {@code X-Store} is a 403.</li>
 * <li>Staff user: {@code X-Store} (handle or id) or the console's switcher choice, else the default store
 * if they may use it, else their first store. A store they have no role in is a 403 (unknown: 404).</li>
 * <li>Anyone else (Store API, storefront): {@code X-Store}, else the store serving the host name, else the
 * default store.</li>
 * </ul>
 * Permissions are recomputed every request, so a changed role or a deactivated account takes effect at once.
 */
class StoreScopeFilter extends OncePerRequestFilter {

	static final String STORE_HEADER = "X-Store";

	private final StaffManagement staff;

	private final StoreManagement stores;

	private final CurrentStore currentStore;

	StoreScopeFilter(StaffManagement staff, StoreManagement stores, CurrentStore currentStore) {
		this.staff = staff;
		this.stores = stores;
		this.currentStore = currentStore;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean proceed = authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal
				? scopeStaff(principal, request, response) : scopePublic(request, response);
		if (proceed) {
			chain.doFilter(request, response);
		}
	}

	private boolean scopeStaff(StaffPrincipal principal, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		String requested = request.getHeader(STORE_HEADER);
		if (principal.isApiToken()) {
			StoreId own = principal.tokenStore();
			if (requested != null) {
				Optional<Store> named = stores.findByReference(requested);
				if (named.isEmpty() || !named.get().id().equals(own)) {
					return refuse(request, response, 403, "STORE_NOT_PERMITTED",
							"This API token acts on its own store only; omit X-Store or name that store.");
				}
			}
			return bind(principal, own, StoreAccess.only(Set.of(own)), principal.tokenRole(), request);
		}

		Optional<Map<StoreId, Role>> memberships = staff.activeMemberships(principal.userId());
		if (memberships.isEmpty()) {
			return signOut(request, response);
		}
		StoreAccess access = principal.owner() ? StoreAccess.all() : StoreAccess.only(memberships.get().keySet());
		List<Store> all = stores.all();
		Optional<StoreId> chosen;
		if (requested != null) {
			Optional<Store> named = stores.findByReference(requested);
			if (named.isEmpty()) {
				return refuse(request, response, 404, "STORE_NOT_FOUND", "There is no store '" + requested + "'.");
			}
			if (!access.permits(named.get().id())) {
				return refuse(request, response, 403, "STORE_NOT_PERMITTED", "You have no role in the store '" + requested + "'.");
			}
			chosen = Optional.of(named.get().id());
		}
		else {
			chosen = switcherChoice(request).filter(access::permits).filter(id -> all.stream().anyMatch(s -> s.id().equals(id)))
				.or(() -> all.stream().map(Store::id).filter(access::permits).findFirst());
		}
		if (chosen.isEmpty()) {
			return refuse(request, response, 403, "NO_STORE_ACCESS", "Your account has no role in any store yet; ask the owner.");
		}
		Role role = principal.owner() ? Role.OWNER : memberships.get().get(chosen.get());
		return bind(principal, chosen.get(), access, role, request);
	}

	private boolean scopePublic(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (request.getRequestURI().startsWith("/api/admin/") || request.getRequestURI().startsWith("/actuator/")) {
			return true; // not signed in: the 401 comes first, whatever store is named
		}
		String requested = request.getHeader(STORE_HEADER);
		Optional<Store> store;
		if (requested != null) {
			store = stores.findByReference(requested);
			if (store.isEmpty()) {
				return refuse(request, response, 404, "STORE_NOT_FOUND", "There is no store '" + requested + "'.");
			}
		}
		else {
			String host = request.getServerName();
			store = stores.findByHost(host + ":" + request.getServerPort()).or(() -> stores.findByHost(host))
				.or(stores::defaultStore);
		}
		store.ifPresent(found -> currentStore.bind(found.id(), StoreAccess.only(Set.of())));
		return true;
	}

	private boolean bind(StaffPrincipal principal, StoreId store, StoreAccess access, Role role,
			HttpServletRequest request) {
		currentStore.bind(store, access);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
				role.permissions().stream().map(permission -> new SimpleGrantedAuthority(permission.name())).toList()));
		// for this request only: the session keeps the login, never these store-specific permissions
		SecurityContextHolder.setContext(context);
		return true;
	}

	private static Optional<StoreId> switcherChoice(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Object chosen = session == null ? null : session.getAttribute(CurrentStore.SESSION_ATTRIBUTE);
		if (chosen == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(StoreId.of(chosen.toString()));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** The account was deactivated or deleted while signed in: end the session. */
	private boolean signOut(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		if (request.getRequestURI().startsWith("/api/")) {
			return refuse(request, response, 401, "ACCOUNT_INACTIVE", "This account is deactivated.");
		}
		response.sendRedirect("/admin/login?inactive");
		return false;
	}

	private static boolean refuse(HttpServletRequest request, HttpServletResponse response, int status, String code,
			String detail) throws IOException {
		if (request.getRequestURI().startsWith("/api/")) {
			ProblemResponses.write(response, Problems.of(status, code, status == 404 ? "Not Found" : "Forbidden", detail));
		}
		else {
			response.sendError(status, detail);
		}
		return false;
	}
}
