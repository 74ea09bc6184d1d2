package dev.shopwright.identity.security;

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

import dev.shopwright.identity.StaffManagement;
import dev.shopwright.platform.web.ProblemResponses;
import dev.shopwright.platform.web.Problems;

/** Authenticates {@code Authorization: Bearer …}; a token that is unknown, expired or revoked is a 401 at once. */
class BearerTokenFilter extends OncePerRequestFilter {

	private final StaffManagement staff;

	BearerTokenFilter(StaffManagement staff) {
		this.staff = staff;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		String secret = header.substring(7).strip();
		Optional<StaffPrincipal> principal = secret.isEmpty() || secret.length() > 200 ? Optional.empty()
				: staff.authenticateToken(secret);
		if (principal.isEmpty()) {
			response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
			ProblemResponses.write(response, Problems.of(401, "INVALID_TOKEN", "Unauthorized",
					"The bearer token is unknown, expired or revoked."));
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal.get(), null, List.of()));
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}
}
