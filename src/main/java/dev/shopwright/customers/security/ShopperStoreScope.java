package dev.shopwright.customers.security;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.shopwright.customers.CustomerPrincipal;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.platform.StoreAccess;
import dev.shopwright.platform.web.ProblemResponses;
import dev.shopwright.platform.web.Problems;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;

/**
 * Binds the store for the Store API and the storefront account pages, as the platform does for anyone who is
 * not staff ({@code X-Store}, host name, default store), with one rule for shoppers: a customer belongs to
 * one store. A customer token acts on its own store (naming another is a 403); a storefront session of
 * another store counts as not signed in.
 */
class ShopperStoreScope extends OncePerRequestFilter {

	private final StoreManagement stores;

	private final CurrentStore currentStore;

	ShopperStoreScope(StoreManagement stores, CurrentStore currentStore) {
		this.stores = stores;
		this.currentStore = currentStore;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean api = request.getRequestURI().startsWith("/api/");
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		CustomerPrincipal customer = authentication != null
				&& authentication.getPrincipal() instanceof CustomerPrincipal principal ? principal : null;
		String requested = request.getHeader("X-Store");
		Optional<Store> store;
		if (requested != null) {
			store = stores.findByReference(requested);
			if (store.isEmpty()) {
				refuse(api, response, 404, "STORE_NOT_FOUND", "There is no store '" + requested + "'.");
				return;
			}
		}
		else if (customer != null && api) {
			store = stores.find(customer.storeId());
		}
		else {
			String host = request.getServerName();
			store = stores.findByHost(host + ":" + request.getServerPort()).or(() -> stores.findByHost(host))
				.or(stores::defaultStore);
		}
		if (customer != null && store.isPresent() && !store.get().id().equals(customer.storeId())) {
			if (api) {
				refuse(true, response, 403, "STORE_NOT_PERMITTED",
						"A customer token acts on its own store only; omit X-Store or name that store.");
				return;
			}
			SecurityContextHolder.clearContext(); // signed in at another store: a guest here
		}
		store.ifPresent(found -> currentStore.bind(found.id(), StoreAccess.only(Set.of())));
		chain.doFilter(request, response);
	}

	private static void refuse(boolean api, HttpServletResponse response, int status, String code, String detail)
			throws IOException {
		if (api) {
			ProblemResponses.write(response, Problems.of(status, code, status == 404 ? "Not Found" : "Forbidden", detail));
		}
		else {
			response.sendError(status, detail);
		}
	}
}
