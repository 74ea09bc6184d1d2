package dev.shopwright.catalog.imports;

import static dev.shopwright.catalog.imports.ImportTestSupport.awaitFinished;
import static dev.shopwright.catalog.imports.ImportTestSupport.freshStore;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.shopwright.shared.StoreId;
import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

/** A node that dies in the middle of an import: the job is taken over and continues after its last committed product. */
@ShopwrightTest
class ImportResumeTests {

	private static final String FILE = "Handle,Title,Variant Price\nfirst,First,1.00\nsecond,Second,2.00\nthird,Third,3.00\n";

	@LocalServerPort
	int port;

	@Autowired
	ImportJobs jobs;

	@Autowired
	ImportWorker worker;

	@Autowired
	ShopifyFormat shopify;

	@Autowired
	JdbcClient jdbc;

	ApiClient owner;

	@BeforeEach
	void logIn() {
		owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
	}

	/** A job as a dead node left it: RUNNING, heartbeat long stopped, {@code productsDone} products committed. */
	UUID abandonedJob(ApiClient store, int productsDone, int attempts, String heartbeatAge) {
		StoreId storeId = StoreId.of(store.get("/api/store/v1/store").json().get("id").asString());
		UploadInspector.Inspection file = UploadInspector.inspect(
				new ByteArrayInputStream(FILE.getBytes(StandardCharsets.UTF_8)), shopify, 1000, 1 << 20);
		UUID id = UUID.randomUUID();
		jobs.insert(storeId, id, ImportFormat.SHOPIFY, "crashed.csv", file.bytes(), file.rows(), file.notes(),
				new ImportJobs.StartedBy("staff", "test", ShopwrightTest.OWNER_EMAIL), file.gzipped());
		jdbc.sql("""
				update catalog.import_job set status = 'RUNNING', claimed_by = 'dead-node', heartbeat_at = now() - ?::interval,
				  started_at = now() - interval '1 hour', products_done = ?, rows_done = ?, created_count = ?, attempts = ?
				where store_id = ? and id = ?""")
			.params(heartbeatAge, productsDone, productsDone, productsDone, attempts, storeId.value(), id).update();
		worker.wakeUp();
		return id;
	}

	@Test
	void aJobLeftRunningByADeadNodeContinuesAfterItsLastCommittedProduct() {
		ApiClient store = freshStore(owner);
		UUID id = abandonedJob(store, 1, 1, "10 minutes");
		JsonNode job = awaitFinished(store, id.toString());
		assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(job.get("rowsDone").asInt()).isEqualTo(3);
		assertThat(job.get("created").asInt()).isEqualTo(3);
		// "first" was committed by the dead node (here: only counted), so it is not imported a second time
		assertThat(store.get("/api/admin/v1/products?q=first").json().get("items")).isEmpty();
		assertThat(store.get("/api/admin/v1/products?q=second").json().get("items")).hasSize(1);
		assertThat(store.get("/api/admin/v1/products?q=third").json().get("items")).hasSize(1);
	}

	@Test
	void aJobThatKeepsDyingIsGivenUpWithWhereItStopped() {
		ApiClient store = freshStore(owner);
		UUID id = abandonedJob(store, 2, ImportWorker.MAX_ATTEMPTS, "10 minutes");
		JsonNode job = awaitFinished(store, id.toString());
		assertThat(job.get("status").asString()).isEqualTo("FAILED");
		assertThat(job.get("failure").asString()).contains("interrupted 5 times").contains("after 2 products (2 rows)");
		assertThat(store.get("/api/admin/v1/products?q=third").json().get("items")).isEmpty();
	}

	@Test
	void aJobWhoseNodeIsAliveIsNotTakenOver() {
		ApiClient store = freshStore(owner);
		UUID id = abandonedJob(store, 1, 1, "1 second");
		ImportTestSupport.sleep(1500);
		JsonNode job = store.get("/api/admin/v1/imports/" + id).json();
		assertThat(job.get("status").asString()).isEqualTo("RUNNING");
		assertThat(job.get("rowsDone").asInt()).isEqualTo(1);
		jdbc.sql("update catalog.import_job set status = 'FAILED', failure = 'test over' where id = ?").param(id).update();
	}
}
