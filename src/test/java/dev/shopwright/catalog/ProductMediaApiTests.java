package dev.shopwright.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.Multipart;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

@ShopwrightTest
class ProductMediaApiTests {

	@LocalServerPort
	int port;

	ApiClient owner;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void logIn() {
		owner = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
	}

	String newProduct() {
		ApiClient.Response created = owner.post("/api/admin/v1/products", Map.of("title", ApiClient.unique("Mug"), "variants",
				List.of(Map.of("price", Map.of("amount", "9.50", "currency", "EUR")))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	ApiClient.Response upload(String product, String fileName, String contentType, byte[] content, String alt) {
		return owner.postMultipart("/api/admin/v1/products/" + product + "/media",
				new Multipart().file("file", fileName, contentType, content).field("alt", alt));
	}

	HttpResponse<byte[]> fetch(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void anUploadedImageIsStoredWithThumbnailsAndServedPubliclyWithCachingHeaders() throws Exception {
		String product = newProduct();
		ApiClient.Response created = upload(product, "front.png", "image/png", TestImages.png(800, 600), "Front view");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode media = created.json();
		assertThat(media.get("status").asString()).isEqualTo("STORED");
		assertThat(media.get("alt").asString()).isEqualTo("Front view");
		assertThat(media.get("position").asInt()).isEqualTo(1);
		assertThat(media.get("width").asInt()).isEqualTo(800);
		assertThat(media.get("height").asInt()).isEqualTo(600);
		assertThat(media.get("contentType").asString()).isEqualTo("image/png");
		assertThat(created.header("location")).endsWith("/media/" + media.get("id").asString());

		HttpResponse<byte[]> original = fetch(media.get("url").asString());
		assertThat(original.statusCode()).isEqualTo(200);
		assertThat(original.headers().firstValue("content-type")).hasValue("image/png");
		assertThat(original.headers().firstValue("cache-control").orElseThrow()).contains("max-age=31536000")
			.contains("public").contains("immutable");
		assertThat(original.body()).isEqualTo(TestImages.png(800, 600));

		for (String width : List.of("160", "640")) {
			HttpResponse<byte[]> thumbnail = fetch(media.get("thumbnailUrls").get(width).asString());
			assertThat(thumbnail.statusCode()).as(width).isEqualTo(200);
			BufferedImage image = TestImages.decode(thumbnail.body());
			assertThat(image.getWidth()).isEqualTo(Integer.parseInt(width));
			assertThat(image.getHeight()).isEqualTo(Integer.parseInt(width) * 3 / 4);
		}
		JsonNode listed = owner.get("/api/admin/v1/products/" + product + "/media").json().get("items");
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("id").asString()).isEqualTo(media.get("id").asString());
	}

	@Test
	void jpegAndGifAreAcceptedAndSmallImagesAreNotBlownUp() throws Exception {
		String product = newProduct();
		JsonNode jpeg = upload(product, "photo.jpeg", "image/jpeg", TestImages.jpeg(300, 200), "").json();
		assertThat(jpeg.get("contentType").asString()).isEqualTo("image/jpeg");
		assertThat(jpeg.get("thumbnailUrls").get("640").asString()).endsWith(".jpg");
		assertThat(TestImages.decode(fetch(jpeg.get("thumbnailUrls").get("640").asString()).body()).getWidth())
			.as("not enlarged beyond the original").isEqualTo(300);
		JsonNode gif = upload(product, "anim.gif", "image/gif", TestImages.gif(50, 50), "").json();
		assertThat(gif.get("contentType").asString()).isEqualTo("image/gif");
		assertThat(gif.get("position").asInt()).isEqualTo(2);
	}

	@Test
	void aTextFileNamedLikeAnImageIsRefused() {
		String product = newProduct();
		ApiClient.Response refused = upload(product, "photo.jpg", "image/jpeg",
				"this is not a picture".getBytes(StandardCharsets.UTF_8), "");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("code").asString()).isEqualTo("INVALID_IMAGE");
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
		byte[] truncated = java.util.Arrays.copyOf(TestImages.jpeg(400, 400), 200);
		assertThat(upload(product, "cut.jpg", "image/jpeg", truncated, "").status()).isEqualTo(422);
		assertThat(owner.get("/api/admin/v1/products/" + product + "/media").json().get("items")).isEmpty();
	}

	@Test
	void anImageByUrlIsRecordedAndMarkedFailedWhenItCannotBeFetched() {
		String product = newProduct();
		ApiClient.Response created = owner.post("/api/admin/v1/products/" + product + "/media",
				Map.of("url", "https://images.shopwright-test.invalid/mug.jpg", "alt", "Mug"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("status").asString()).isIn("PENDING", "FAILED");
		assertThat(created.json().get("sourceUrl").asString()).isEqualTo("https://images.shopwright-test.invalid/mug.jpg");
		JsonNode failed = awaitSettled(product, created.json().get("id").asString());
		assertThat(failed.get("status").asString()).isEqualTo("FAILED");
		assertThat(failed.get("error").asString()).contains("images.shopwright-test.invalid");
		assertThat(failed.get("url").isNull()).isTrue();

		ApiClient.Response retried = owner.post("/api/admin/v1/products/" + product + "/media/" + failed.get("id").asString()
				+ "/retry", Map.of());
		assertThat(retried.status()).as(retried.body()).isEqualTo(202);
		assertThat(retried.json().get("status").asString()).isIn("PENDING", "FAILED");
		assertThat(retried.json().get("error").isNull()).as("the old reason is cleared").isTrue();
		assertThat(awaitSettled(product, failed.get("id").asString()).get("error").asString())
			.as("downloaded again, and failed again for the same reason").contains("images.shopwright-test.invalid");
		String stored = upload(product, "ok.png", "image/png", TestImages.png(10, 10), "").json().get("id").asString();
		ApiClient.Response notFailed = owner.post("/api/admin/v1/products/" + product + "/media/" + stored + "/retry", Map.of());
		assertThat(notFailed.status()).isEqualTo(409);
		assertThat(notFailed.json().get("code").asString()).isEqualTo("MEDIA_NOT_FAILED");

		ApiClient.Response internal = owner.post("/api/admin/v1/products/" + product + "/media",
				Map.of("url", "http://127.0.0.1:" + port + "/actuator/health"));
		JsonNode refused = awaitSettled(product, internal.json().get("id").asString());
		assertThat(refused.get("error").asString()).contains("inside the server's network");

		ApiClient.Response notHttp = owner.post("/api/admin/v1/products/" + product + "/media", Map.of("url", "file:///etc/passwd"));
		assertThat(notHttp.status()).isEqualTo(422);
		assertThat(notHttp.json().get("code").asString()).isEqualTo("INVALID_IMAGE_URL");
	}

	@Test
	void imagesAreReorderedDescribedAndDeletedWithTheirFiles() throws Exception {
		String product = newProduct();
		String first = upload(product, "a.png", "image/png", TestImages.png(100, 100), "A").json().get("id").asString();
		String second = upload(product, "b.png", "image/png", TestImages.png(100, 100), "B").json().get("id").asString();
		JsonNode third = upload(product, "c.png", "image/png", TestImages.png(100, 100), "C").json();

		ApiClient.Response moved = owner.patch("/api/admin/v1/products/" + product + "/media/" + third.get("id").asString(),
				Map.of("position", 1, "alt", "C, now first"));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(moved.json().get("alt").asString()).isEqualTo("C, now first");
		JsonNode order = owner.get("/api/admin/v1/products/" + product + "/media").json().get("items");
		assertThat(order.findValuesAsString("id")).containsExactly(third.get("id").asString(), first, second);
		assertThat(order.findValues("position").stream().map(JsonNode::asInt)).containsExactly(1, 2, 3);

		assertThat(owner.delete("/api/admin/v1/products/" + product + "/media/" + third.get("id").asString()).status())
			.isEqualTo(204);
		assertThat(fetch(third.get("url").asString()).statusCode()).isEqualTo(404);
		assertThat(fetch(third.get("thumbnailUrls").get("160").asString()).statusCode()).isEqualTo(404);
		JsonNode rest = owner.get("/api/admin/v1/products/" + product + "/media").json().get("items");
		assertThat(rest.findValuesAsString("id")).containsExactly(first, second);
		assertThat(rest.findValues("position").stream().map(JsonNode::asInt)).containsExactly(1, 2);
	}

	@Test
	void deletingTheProductDeletesItsImageFiles() throws Exception {
		String product = newProduct();
		JsonNode media = upload(product, "a.png", "image/png", TestImages.png(64, 64), "").json();
		assertThat(fetch(media.get("url").asString()).statusCode()).isEqualTo(200);
		assertThat(owner.delete("/api/admin/v1/products/" + product).status()).isEqualTo(204);
		Instant deadline = Instant.now().plusSeconds(10);
		while (fetch(media.get("url").asString()).statusCode() != 404 && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
		assertThat(fetch(media.get("url").asString()).statusCode()).isEqualTo(404);
		assertThat(owner.get("/api/admin/v1/products/" + product + "/media").status()).isEqualTo(404);
	}

	@Test
	void anotherStoreCannotSeeOrChangeTheImages() {
		String product = newProduct();
		String media = upload(product, "a.png", "image/png", TestImages.png(64, 64), "").json().get("id").asString();
		ApiClient outlet = owner.store("outlet");
		assertThat(outlet.get("/api/admin/v1/products/" + product + "/media").status()).isEqualTo(404);
		assertThat(outlet.patch("/api/admin/v1/products/" + product + "/media/" + media, Map.of("alt", "mine")).status())
			.isEqualTo(404);
		assertThat(outlet.delete("/api/admin/v1/products/" + product + "/media/" + media).status()).isEqualTo(404);
	}

	JsonNode awaitSettled(String product, String media) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (true) {
			JsonNode items = owner.get("/api/admin/v1/products/" + product + "/media").json().get("items");
			for (JsonNode item : items) {
				if (item.get("id").asString().equals(media) && !item.get("status").asString().equals("PENDING")) {
					return item;
				}
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("media " + media + " still pending: " + items);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}
}
