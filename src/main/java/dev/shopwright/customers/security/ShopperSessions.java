package dev.shopwright.customers.security;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

import dev.shopwright.customers.CustomerPrincipal;
import dev.shopwright.platform.CurrentStore;

/**
 * The storefront's own sign-in, kept in the HTTP session under a key of its own: a staff member's console
 * login (Spring Security's default key) and a shopper's storefront login in the same browser never see each
 * other, and signing the shopper out leaves the console session alone.
 */
@Component
@NamedInterface("sessions") // orders' storefront pages read the signed-in shopper through it
public class ShopperSessions {

	static final String CONTEXT_KEY = "shopwright.customer.security-context";

	private final HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	private final CurrentStore currentStore;

	ShopperSessions(CurrentStore currentStore) {
		this.currentStore = currentStore;
		repository.setSpringSecurityContextKey(CONTEXT_KEY);
	}

	HttpSessionSecurityContextRepository repository() {
		return repository;
	}

	/** Signs the shopper in; the session id changes (session fixation), its other contents stay. */
	public void signIn(CustomerPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
		SecurityContextHolder.setContext(context);
		repository.saveContext(context, request, response);
	}

	/** Signs the shopper out, and only the shopper. */
	public void signOut(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(CONTEXT_KEY);
		}
		SecurityContextHolder.clearContext();
	}

	/** The shopper signed in to the store this request acts on, read from the session on any storefront page. */
	public Optional<CustomerPrincipal> current(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(CONTEXT_KEY) instanceof SecurityContext context)
				|| context.getAuthentication() == null
				|| !(context.getAuthentication().getPrincipal() instanceof CustomerPrincipal principal)) {
			return Optional.empty();
		}
		return currentStore.find().filter(principal.storeId()::equals).map(store -> principal);
	}
}
