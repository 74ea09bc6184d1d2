package dev.shopwright.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole platform on a random port against its own database on the shared embedded PostgreSQL. All
 * tests with this annotation share one running application; tests make their own data (unique handles and
 * emails) so that they don't depend on each other.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"shopwright.admin.email=" + ShopwrightTest.OWNER_EMAIL,
		"shopwright.admin.password=" + ShopwrightTest.OWNER_PASSWORD,
		"shopwright.auth.login-failures-per-address=1000", "shopwright.search.temporary-index=true",
		// forecasting the whole demo store takes ~10 s of CPU in the background; tests compute what they read
		"shopwright.forecasts.recompute-demo-on-start=false",
		"shopwright.media.directory=${shopwright.test.artifacts:target/test-artifacts}/media" })
@ContextConfiguration(initializers = { TestDatabase.class, TestMail.class })
public @interface ShopwrightTest {

	String OWNER_EMAIL = "owner@test.local";

	String OWNER_PASSWORD = "correct-horse-battery-staple";
}
