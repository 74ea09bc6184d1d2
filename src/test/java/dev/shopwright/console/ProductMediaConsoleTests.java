package dev.shopwright.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shopwright.testing.ApiClient;
import dev.shopwright.testing.Multipart;
import dev.shopwright.testing.ShopwrightTest;
import tools.jackson.databind.JsonNode;

/** The product editor's media section: upload, alt text, refusal of non-images, delete. */
@ShopwrightTest
class ProductMediaConsoleTests {

	@LocalServerPort
	int port;

	AdminSession owner;

	ApiClient api;

	String productId;

	@BeforeEach
	void aProduct() {
		owner = AdminSession.at(port).logIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		api = ApiClient.at(port).loggedIn(ShopwrightTest.OWNER_EMAIL, ShopwrightTest.OWNER_PASSWORD);
		productId = api.post("/api/admin/v1/products", Map.of("title", "Pictured " + ApiClient.unique("p"), "variants",
				List.of(Map.of("price", Map.of("amount", "9.00", "currency", "EUR"))))).json().get("id").asString();
	}

	@Test
	void anUploadedImageAppearsInTheEditorAndCanBeDescribedAndDeleted() throws Exception {
		AdminSession.Page editor = owner.get("/admin/products/" + productId);
		assertThat(editor.body()).contains("id=\"media-upload\"");

		AdminSession.Page uploaded = owner.follow(owner.postMultipart("/admin/products/" + productId + "/media",
				new Multipart().field("alt", "Front view").file("file", "front.png", "image/png", png())));
		assertThat(uploaded.body()).contains("Image added.").contains("alt=\"Front view\"");
		JsonNode media = api.get("/api/admin/v1/products/" + productId + "/media").json();
		JsonNode first = media.has("items") ? media.get("items").get(0) : media.get(0);
		String mediaId = first.get("id").asString();
		assertThat(first.get("status").asString()).isEqualTo("STORED");

		owner.follow(owner.post("/admin/products/" + productId + "/media/" + mediaId, Map.of("alt", "Side view", "position", "1")));
		assertThat(owner.get("/admin/products/" + productId).body()).contains("alt=\"Side view\"");

		AdminSession.Page deleted = owner.follow(owner.post("/admin/products/" + productId + "/media/" + mediaId + "/delete", Map.of()));
		assertThat(deleted.body()).contains("Image deleted.").doesNotContain("alt=\"Side view\"");
	}

	@Test
	void aFileThatIsNotAnImageIsRefusedWithAReadableMessage() {
		AdminSession.Page refused = owner.follow(owner.postMultipart("/admin/products/" + productId + "/media",
				new Multipart().file("file", "photo.jpg", "image/jpeg", "not really a picture".getBytes())));
		assertThat(refused.body()).contains("class=\"alert\"");
		assertThat(refused.body()).doesNotContain("Image added.");
		JsonNode media = api.get("/api/admin/v1/products/" + productId + "/media").json();
		assertThat(media.has("items") ? media.get("items") : media).isEmpty();
	}

	@Test
	void aFailedDownloadShowsItsReasonAndCanBeTriedAgain() throws Exception {
		String mediaId = api.post("/api/admin/v1/products/" + productId + "/media",
				Map.of("url", "https://images.shopwright-test.invalid/lamp.jpg")).json().get("id").asString();
		String status = "PENDING";
		for (int i = 0; i < 200 && status.equals("PENDING"); i++) {
			Thread.sleep(100);
			status = api.get("/api/admin/v1/products/" + productId + "/media").json().get("items").get(0).get("status").asString();
		}
		assertThat(status).isEqualTo("FAILED");
		String editor = owner.get("/admin/products/" + productId).body();
		assertThat(editor).contains("Could not fetch:").contains("/media/" + mediaId + "/retry");

		AdminSession.Page retried = owner.follow(owner.post("/admin/products/" + productId + "/media/" + mediaId + "/retry", Map.of()));
		assertThat(retried.body()).contains("Downloading the image again");
	}

	private static byte[] png() throws Exception {
		BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}
}
