package dev.shopwright.customers.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import dev.shopwright.customers.CustomerManagement;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.platform.web.ProblemResponses;
import dev.shopwright.platform.web.Problems;
import dev.shopwright.stores.StoreManagement;

/**
 * The shoppers' two filter chains, ahead of the platform's: the Store API (customer tokens only) and the
 * storefront account pages (a session key of their own). Staff credentials are never read by either, and a
 * customer never gets an authority, so nothing under /api/admin or /admin can be reached with one. See ADR 0015.
 */
@Configuration(proxyBeanMethods = false)
class CustomerSecurityConfiguration {

	/** As the rest of the storefront: scripts and styles only from our own origin. */
	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	CustomerTokenFilter customerTokenFilter(CustomerManagement customers) {
		return new CustomerTokenFilter(customers);
	}

	@Bean
	ShopperStoreScope shopperStoreScope(StoreManagement stores, CurrentStore currentStore) {
		return new ShopperStoreScope(stores, currentStore);
	}

	// both filters run inside these chains only, not a second time as plain servlet filters
	@Bean
	FilterRegistrationBean<CustomerTokenFilter> customerTokenFilterRegistration(CustomerTokenFilter filter) {
		FilterRegistrationBean<CustomerTokenFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ShopperStoreScope> shopperStoreScopeRegistration(ShopperStoreScope filter) {
		FilterRegistrationBean<ShopperStoreScope> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	/** Store API: public, except the signed-in shopper's own resources; stateless, customer tokens only. */
	@Bean
	@Order(0) // before the platform's /api/** chain (order 1); disjoint from the actuator chain
	SecurityFilterChain storeApiChain(HttpSecurity http, CustomerTokenFilter customerTokens,
			ShopperStoreScope storeScope) throws Exception {
		http.securityMatcher("/api/store/**")
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/api/store/v1/customers/me", "/api/store/v1/customers/me/**",
						"/api/store/v1/customers/logout").authenticated()
				.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable()) // no cookies are read here: bearer tokens only
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.addFilterBefore(customerTokens, AnonymousAuthenticationFilter.class)
			.addFilterAfter(storeScope, ExceptionTranslationFilter.class)
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> {
					response.setHeader("WWW-Authenticate", "Bearer");
					ProblemResponses.write(response, Problems.of(401, "UNAUTHENTICATED", "Unauthorized",
							"Send Authorization: Bearer <customer token from POST /api/store/v1/customers/login>."));
				})
				.accessDeniedHandler((request, response, ex) -> ProblemResponses.write(response,
						Problems.of(403, "FORBIDDEN", "Forbidden", "This is not allowed."))))
			.headers(CustomerSecurityConfiguration::securityHeaders);
		return http.build();
	}

	/** Storefront account pages: the shopper's own sign-in in the session, CSRF on every form. */
	@Bean
	@Order(2) // before the platform's catch-all storefront chain (order 3); disjoint from /admin/**
	SecurityFilterChain accountChain(HttpSecurity http, ShopperSessions sessions, ShopperStoreScope storeScope)
			throws Exception {
		http.securityMatcher("/account", "/account/**")
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/account/login", "/account/register", "/account/reset", "/account/reset/**")
				.permitAll()
				.anyRequest().authenticated())
			.securityContext(context -> context.securityContextRepository(sessions.repository()))
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable()) // the account controller signs out the shopper only
			.addFilterAfter(storeScope, ExceptionTranslationFilter.class)
			.exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/account/login")))
			.headers(CustomerSecurityConfiguration::securityHeaders);
		return http.build();
	}

	private static void securityHeaders(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.frameOptions(frame -> frame.deny())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()"));
	}
}
