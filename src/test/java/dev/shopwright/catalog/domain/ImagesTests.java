package dev.shopwright.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Base64;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import dev.shopwright.catalog.TestImages;
import dev.shopwright.platform.BusinessRuleViolation;

class ImagesTests {

	@Test
	void webpIsReadThroughTheTwelveMonkeysPlugin() {
		byte[] webp = Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");
		Images.Processed image = Images.process(webp);
		assertThat(image.contentType()).isEqualTo("image/webp");
		assertThat(image.extension()).isEqualTo("webp");
		assertThat(image.width()).isEqualTo(1);
		assertThat(TestImages.decode(image.thumbnails().get(160)).getWidth()).isEqualTo(1);
	}

	@Test
	void otherImageFormatsAreRefusedByName() throws Exception {
		ByteArrayOutputStream bmp = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "bmp", bmp);
		assertThatThrownBy(() -> Images.process(bmp.toByteArray())).isInstanceOf(BusinessRuleViolation.class)
			.hasMessageContaining("BMP").hasMessageContaining("JPEG, PNG, GIF or WebP");
	}

	@Test
	void hugeDimensionsAreRefusedBeforeDecoding() throws Exception {
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(10_000, 6_000, BufferedImage.TYPE_BYTE_BINARY), "png", png);
		assertThatThrownBy(() -> Images.process(png.toByteArray())).isInstanceOf(BusinessRuleViolation.class)
			.hasMessageContaining("10000×6000").hasMessageContaining("50 megapixels");
	}

	@Test
	void emptyAndOversizedFilesAreRefused() {
		assertThatThrownBy(() -> Images.process(new byte[0])).hasMessageContaining("empty");
		assertThatThrownBy(() -> Images.process(new byte[(int) Images.MAX_BYTES + 1]))
			.isInstanceOf(BusinessRuleViolation.class).extracting(ex -> ((BusinessRuleViolation) ex).status()).isEqualTo(413);
	}
}
