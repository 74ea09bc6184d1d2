package dev.shopwright.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import dev.shopwright.identity.StaffManagement;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.platform.web.ProblemResponses;
import dev.shopwright.platform.web.Problems;
import dev.shopwright.stores.StoreManagement;

/**
 * Four filter chains: actuator (public health, metrics by token), the JSON APIs (bearer tokens or the console
 * session, problem+json errors), the admin console (form login, CSRF) and the public storefront. All decide the
 * request's store the same way.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/** The carriers' signed tracking webhooks (fulfilment), reachable without a login or CSRF token. */
	private static final java.util.regex.Pattern CARRIER_TRACKING_EVENTS = java.util.regex.Pattern
		.compile("/api/admin/v1/carriers/[a-z0-9-]+/tracking-events");


	/** Scripts only from our own origin; the pages of the console and storefront use no inline script. */
	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/** The API explorer (Swagger UI) sets inline styles. */
	private static final String API_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'",
			"style-src 'self' 'unsafe-inline'");

	@Bean
	PasswordEncoder passwordEncoder() {
		return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
	}

	@Bean
	StoreScopeFilter storeScopeFilter(StaffManagement staff, StoreManagement stores, CurrentStore currentStore) {
		return new StoreScopeFilter(staff, stores, currentStore);
	}

	@Bean
	BearerTokenFilter bearerTokenFilter(StaffManagement staff) {
		return new BearerTokenFilter(staff);
	}

	// both filters run inside the security chains only, not a second time as plain servlet filters
	@Bean
	FilterRegistrationBean<StoreScopeFilter> storeScopeFilterRegistration(StoreScopeFilter filter) {
		FilterRegistrationBean<StoreScopeFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	FilterRegistrationBean<BearerTokenFilter> bearerTokenFilterRegistration(BearerTokenFilter filter) {
		FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	/** Health is public (load balancers); metrics and info need a token whose role may read analytics. */
	@Bean
	@Order(0)
	SecurityFilterChain actuatorChain(HttpSecurity http, BearerTokenFilter bearerTokens, StoreScopeFilter storeScope)
			throws Exception {
		http.securityMatcher("/actuator/**")
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
				.anyRequest().hasAuthority("ANALYTICS_READ"))
			.csrf(csrf -> csrf.disable()) // read-only endpoints, bearer tokens only
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(bearerTokens, AnonymousAuthenticationFilter.class)
			.addFilterAfter(storeScope, ExceptionTranslationFilter.class)
			.exceptionHandling(errors -> problems(errors,
					"Metrics need Authorization: Bearer <API token with a role that reads analytics>.",
					"This token's role may not read metrics."))
			.headers(headers -> securityHeaders(headers, CONTENT_SECURITY_POLICY));
		return http.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, BearerTokenFilter bearerTokens, StoreScopeFilter storeScope)
			throws Exception {
		RequestMatcher sessionMutation = request -> isMutating(request) && request.getHeader("Authorization") == null
				&& request.getRequestURI().startsWith("/api/admin/")
				&& !request.getRequestURI().equals("/api/admin/v1/auth/token")
				&& !CARRIER_TRACKING_EVENTS.matcher(request.getRequestURI()).matches();
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/api/admin/v1/auth/token").permitAll()
				// carriers push tracking without a login: the HMAC signature is their authentication (fulfilment checks it)
				.requestMatchers(request -> CARRIER_TRACKING_EVENTS.matcher(request.getRequestURI()).matches()).permitAll()
				.requestMatchers("/api/admin/**").authenticated()
				.anyRequest().permitAll())
			.csrf(csrf -> csrf.requireCsrfProtectionMatcher(sessionMutation))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.requestCache(cache -> cache.disable())
			.addFilterBefore(bearerTokens, AnonymousAuthenticationFilter.class)
			.addFilterAfter(storeScope, ExceptionTranslationFilter.class)
			.exceptionHandling(errors -> problems(errors,
					"Send Authorization: Bearer <token> (from POST /api/admin/v1/auth/token or an API token).",
					"Your role in this store does not include this operation."))
			.headers(headers -> securityHeaders(headers, API_CONTENT_SECURITY_POLICY));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain consoleChain(HttpSecurity http, StoreScopeFilter storeScope) throws Exception {
		http.securityMatcher("/admin/**")
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/admin/login").permitAll()
				.anyRequest().authenticated())
			.formLogin(form -> form
				.loginPage("/admin/login")
				.loginProcessingUrl("/admin/login")
				.usernameParameter("email")
				.defaultSuccessUrl("/admin", true)
				.failureHandler((request, response, ex) -> response.sendRedirect(
						ex instanceof StaffAuthenticationProvider.Throttled ? "/admin/login?throttled" : "/admin/login?error")))
			.logout(logout -> logout.logoutUrl("/admin/logout").logoutSuccessUrl("/admin/login?logout"))
			.addFilterAfter(storeScope, ExceptionTranslationFilter.class)
			.headers(headers -> securityHeaders(headers, CONTENT_SECURITY_POLICY));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain storefrontChain(HttpSecurity http, StoreScopeFilter storeScope) throws Exception {
		http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			// the product page is cached HTML shared by all shoppers, so its "Add to cart" form cannot carry a
			// session's token; checkout.web accepts that one form from the same origin only (Fetch Metadata / Origin)
			.csrf(csrf -> csrf.ignoringRequestMatchers(PathPatternRequestMatcher.withDefaults()
				.matcher(HttpMethod.POST, "/cart/add")))
			.addFilterAfter(storeScope, ExceptionTranslationFilter.class)
			.headers(headers -> securityHeaders(headers, CONTENT_SECURITY_POLICY));
		return http.build();
	}

	/** 401 and 403 as problem+json; a refused CSRF token says so rather than blaming the role. */
	private static void problems(
			org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer<HttpSecurity> errors,
			String unauthenticated, String forbidden) {
		errors.authenticationEntryPoint((request, response, ex) -> {
			response.setHeader("WWW-Authenticate", "Bearer");
			ProblemResponses.write(response, Problems.of(401, "UNAUTHENTICATED", "Unauthorized", unauthenticated));
		}).accessDeniedHandler((request, response, ex) -> ProblemResponses.write(response, Problems.of(403, "FORBIDDEN",
				"Forbidden", isCsrf(ex) ? "A session-authenticated change needs the X-CSRF-TOKEN header." : forbidden)));
	}

	private static void securityHeaders(
			org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers,
			String policy) {
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy))
			.frameOptions(frame -> frame.deny())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()"));
	}

	private static boolean isMutating(HttpServletRequest request) {
		String method = request.getMethod();
		return !(HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method) || HttpMethod.OPTIONS.matches(method)
				|| HttpMethod.TRACE.matches(method));
	}

	private static boolean isCsrf(Exception ex) {
		return ex instanceof org.springframework.security.web.csrf.CsrfException;
	}
}
