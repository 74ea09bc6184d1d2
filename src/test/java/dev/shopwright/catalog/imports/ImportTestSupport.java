package dev.shopwright.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.Multipart;
import tools.jackson.databind.JsonNode;

/** Stores of their own for import tests (so that fixed SKUs and handles never meet), uploads and waiting for jobs. */
final class ImportTestSupport {

	private ImportTestSupport() {
	}

	/** A new EUR store; the returned client acts on it. */
	static ApiClient freshStore(ApiClient owner) {
		String handle = ApiClient.unique("imp");
		ApiClient.Response created = owner.post("/api/admin/v1/stores",
				Map.of("name", "Import " + handle, "handle", handle, "defaultCurrency", "EUR"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return owner.store(handle);
	}

	static byte[] fixture(String name) {
		try (InputStream in = ImportTestSupport.class.getResourceAsStream("/imports/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ApiClient.Response upload(ApiClient client, String fileName, byte[] content, String format) {
		return client.postMultipart("/api/admin/v1/imports",
				new Multipart().file("file", fileName, "text/csv", content).field("format", format));
	}

	/** Uploads and waits until the job has finished; fails the test if the upload is refused. */
	static JsonNode importAndWait(ApiClient client, String fileName, byte[] content, String format) {
		ApiClient.Response started = upload(client, fileName, content, format);
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		assertThat(started.header("location")).endsWith("/api/admin/v1/imports/" + started.json().get("id").asString());
		return awaitFinished(client, started.json().get("id").asString());
	}

	static JsonNode awaitFinished(ApiClient client, String jobId) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (true) {
			JsonNode job = client.get("/api/admin/v1/imports/" + jobId).json();
			String status = job.get("status").asString();
			if (status.equals("COMPLETED") || status.equals("FAILED")) {
				return job;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("import still " + status + ": " + job);
			}
			sleep(50);
		}
	}

	static JsonNode product(ApiClient client, String handle) {
		for (JsonNode item : client.get("/api/admin/v1/products?limit=250&q=" + handle).json().get("items")) {
			if (item.get("handle").asString().equals(handle)) {
				return item;
			}
		}
		throw new AssertionError("no product " + handle);
	}

	static JsonNode media(ApiClient client, JsonNode product) {
		return client.get("/api/admin/v1/products/" + product.get("id").asString() + "/media").json().get("items");
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
