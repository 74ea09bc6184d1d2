package dev.shopwright.identity.security;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import dev.shopwright.identity.InvalidCredentials;
import dev.shopwright.identity.LoginThrottled;
import dev.shopwright.identity.StaffManagement;

/** Console form login through the same checks (and throttle) as the token endpoint. */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

	/** Signals the login page to say "too many attempts" rather than "wrong password". */
	static final class Throttled extends AuthenticationException {

		Throttled(String message) {
			super(message);
		}
	}

	private final StaffManagement staff;

	StaffAuthenticationProvider(StaffManagement staff) {
		this.staff = staff;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : "unknown";
		try {
			StaffPrincipal principal = staff.login(String.valueOf(authentication.getName()),
					String.valueOf(authentication.getCredentials()), address);
			principal.eraseCredentials();
			return UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of());
		}
		catch (LoginThrottled ex) {
			throw new Throttled(ex.getMessage());
		}
		catch (InvalidCredentials ex) {
			throw new BadCredentialsException(ex.getMessage());
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
