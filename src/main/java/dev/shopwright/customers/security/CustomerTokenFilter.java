package dev.shopwright.customers.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.shopwright.customers.CustomerManagement;
import dev.shopwright.customers.CustomerPrincipal;
import dev.shopwright.platform.web.ProblemResponses;
import dev.shopwright.platform.web.Problems;

/**
 * Authenticates a customer token ({@code Authorization: Bearer swc_…}) on the Store API. A customer token
 * that is unknown, expired or revoked is a 401 at once. Any other bearer value (a staff token) is not a
 * shopper's credential: it authenticates nobody here and grants nothing.
 */
class CustomerTokenFilter extends OncePerRequestFilter {

	private final CustomerManagement customers;

	CustomerTokenFilter(CustomerManagement customers) {
		this.customers = customers;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String secret = bearer(request);
		if (secret == null || !secret.startsWith(CustomerManagement.TOKEN_PREFIX)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<CustomerPrincipal> principal = customers.authenticateToken(secret);
		if (principal.isEmpty()) {
			response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
			ProblemResponses.write(response, Problems.of(401, "INVALID_TOKEN", "Unauthorized",
					"The customer token is unknown, expired or revoked."));
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal.get(), null, List.of()));
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}

	static @org.jspecify.annotations.Nullable String bearer(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		return header.substring(7).strip();
	}
}
