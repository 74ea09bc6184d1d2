package dev.shopwright.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import dev.shopwright.platform.StartupNotice;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.TestDatabase;

/** Without SHOPWRIGHT_ADMIN_PASSWORD the first start generates the owner's password and shows it once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "shopwright.admin.email=first@test.local", "shopwright.admin.password=",
				"shopwright.search.temporary-index=true" })
@ContextConfiguration(initializers = TestDatabase.class)
class FirstStartTests {

	@LocalServerPort
	int port;

	@Autowired
	List<StartupNotice> notices;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theGeneratedPasswordIsShownInTheBannerAndLogsTheOwnerIn() {
		String line = notices.stream().flatMap(notice -> notice.lines().stream())
			.filter(text -> text.contains("first@test.local")).findFirst().orElseThrow();
		assertThat(line).contains("generated; shown only this once");
		String password = line.replaceAll(".*first@test.local / (\\S+).*", "$1");
		assertThat(password).hasSize(23);
		assertThat(ApiClient.at(port).post("/api/admin/v1/auth/token",
				java.util.Map.of("email", "first@test.local", "password", password)).status()).isEqualTo(200);
		String stored = jdbc.sql("select password_hash from identity.staff_user where email = 'first@test.local'")
			.query(String.class).single();
		assertThat(stored).doesNotContain(password).startsWith("$argon2id$");
	}

	@Test
	void startingAgainCreatesNoSecondOwnerAndNoMoreDemoStores() throws Exception {
		int stores = count("stores.store");
		int staff = count("identity.staff_user");
		for (ApplicationRunner runner : context.getBeansOfType(ApplicationRunner.class).values()) {
			runner.run(new DefaultApplicationArguments());
		}
		assertThat(count("stores.store")).isEqualTo(stores).isEqualTo(2);
		assertThat(count("identity.staff_user")).isEqualTo(staff).isEqualTo(1);
	}

	private int count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
	}
}
