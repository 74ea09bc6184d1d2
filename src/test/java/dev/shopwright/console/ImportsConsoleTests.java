package dev.shopwright.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.shopwright.console.AdminSession.Page;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.Multipart;
import dev.shopwright.testing.ShopwrightTest;

/** The Import & export screen: upload through the form, a progress panel that polls while the job runs, the report. */
@ShopwrightTest
class ImportsConsoleTests {

	private static final String STAFF_PASSWORD = "a-long-staff-password";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	AdminSession owner;

	ApiClient ownerApi;

	@BeforeEach
	void logIn() {
		ownerApi = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		owner = AdminSession.at(port).logIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
	}

	@Test
	void aFileUploadedThroughTheFormIsImportedAndItsJobPageShowsTheResult() {
		Page screen = owner.get("/admin/imports");
		assertThat(screen.status()).isEqualTo(200);
		assertThat(screen.body()).contains("<h1>Import &amp; export</h1>").contains("id=\"import-form\"")
			.contains("enctype=\"multipart/form-data\"").contains("href=\"/admin/imports\"")
			.contains("/api/admin/v1/exports/products.csv?format=SHOPWRIGHT")
			.contains("/api/admin/v1/exports/products.csv?format=SHOPIFY")
			.doesNotContainPattern("<script(?![^>]*\\bsrc=)");

		String handle = ApiClient.unique("console-import");
		String csv = "Handle,Title,Variant Price,Variant Inventory Qty\n" + handle + ",Console Import,4.00,7\n" + handle
				+ "-bad,Bad,four,1\n";
		Page posted = owner.postMultipart("/admin/imports", new Multipart()
			.file("file", "console.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)).field("format", "SHOPIFY"));
		assertThat(posted.isRedirect()).as(posted.toString()).isTrue();
		assertThat(posted.location()).matches(".*/admin/imports/[0-9a-f-]{36}");
		String jobPath = posted.location().replaceFirst("^https?://[^/]+", "");

		Page progress = awaitFinished(jobPath + "/progress");
		assertThat(progress.body()).contains("id=\"import-progress\"").doesNotContain("hx-trigger")
			.contains("<dd id=\"count-created\">1</dd>").contains("<dd id=\"count-failed\">1</dd>")
			.contains("Variant Inventory Qty: 2 values not imported — stock belongs to inventory")
			.contains("id=\"error-report\"").doesNotContain("<html");
		Page job = owner.get(jobPath);
		assertThat(job.body()).contains("<h1>Import of console.csv</h1>").contains("<progress id=\"import-bar\" max=\"100\" value=\"100\"");
		assertThat(owner.get("/admin/imports").body()).contains("console.csv");

		String errorsUrl = job.body().replaceAll("(?s).*id=\"error-report\" href=\"([^\"]+)\".*", "$1");
		Page report = owner.get(errorsUrl);
		assertThat(report.status()).isEqualTo(200);
		assertThat(report.body()).contains("3,Variant Price," + handle + "-bad,\"'four' is not a number");
	}

	@Test
	void theProgressPanelPollsWhileTheJobRuns() {
		String csv = "Handle,Title,Variant Price\n" + ApiClient.unique("poll") + ",Poll,1.00\n";
		ApiClient.Response started = ownerApi.postMultipart("/api/admin/v1/imports", new Multipart()
			.file("file", "poll.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)).field("format", "SHOPIFY"));
		String id = started.json().get("id").asString();
		awaitFinished("/admin/imports/" + id + "/progress");
		// as if another node were still working on it
		jdbc.sql("update catalog.import_job set status = 'RUNNING', claimed_by = 'other', heartbeat_at = now() where id = ?")
			.param(UUID.fromString(id)).update();
		try {
			Page running = owner.get("/admin/imports/" + id + "/progress");
			assertThat(running.body()).contains("hx-get=\"/admin/imports/" + id + "/progress\"")
				.contains("hx-trigger=\"every 1s\"").contains("hx-swap=\"outerHTML\"").contains("Importing");
		}
		finally {
			jdbc.sql("update catalog.import_job set status = 'COMPLETED', claimed_by = null where id = ?")
				.param(UUID.fromString(id)).update();
		}
	}

	@Test
	void aRefusedFileIsExplainedOnTheForm() {
		Page refused = owner.postMultipart("/admin/imports", new Multipart()
			.file("file", "x.csv", "text/csv", "Title\nNo handle\n".getBytes(StandardCharsets.UTF_8)).field("format", "SHOPIFY"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("class=\"alert\"").contains("lacks the column &#39;Handle&#39;");
	}

	@Test
	void onlyStaffWhoMayChangeTheCatalogSeeTheScreen() {
		String catalogEmail = newStaff("CATALOG");
		AdminSession catalog = AdminSession.at(port).logIn(catalogEmail, STAFF_PASSWORD);
		assertThat(catalog.get("/admin").body()).contains("href=\"/admin/imports\"");
		assertThat(catalog.get("/admin/imports").status()).isEqualTo(200);

		String supportEmail = newStaff("SUPPORT");
		AdminSession support = AdminSession.at(port).logIn(supportEmail, STAFF_PASSWORD);
		assertThat(support.get("/admin").body()).doesNotContain("href=\"/admin/imports\"");
		assertThat(support.get("/admin/imports").status()).isEqualTo(403);
	}

	private Page awaitFinished(String progressPath) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (true) {
			Page page = owner.get(progressPath);
			assertThat(page.status()).isEqualTo(200);
			if (page.body().matches("(?s).*id=\"import-status\">(Completed|Failed)<.*")) {
				return page;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("still running: " + page);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	private String newStaff(String role) {
		String email = ApiClient.unique("imports") + "@test.local";
		ApiClient.Response created = ownerApi.post("/api/admin/v1/staff",
				Map.of("email", email, "name", "Imports " + role, "password", STAFF_PASSWORD, "role", role));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return email;
	}
}
