package dev.shopwright.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.util.Base64;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

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
	void cmykJpegsFromPrintWorkflowsAreReadAndTheirThumbnailsAreRgb() throws Exception {
		// a CMYK JPEG as Photoshop exports it for print: an Adobe APP14 marker and inverted ink values. Pure red
		// is cyan 0, magenta 100%, yellow 100%, black 0, stored inverted as 255, 0, 0, 255.
		WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 40, 20, 4, null);
		for (int y = 0; y < 20; y++) {
			for (int x = 0; x < 40; x++) {
				cmyk.setPixel(x, y, new int[] { 255, 0, 0, 255 });
			}
		}
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
		try (ImageOutputStream out = ImageIO.createImageOutputStream(jpeg)) {
			writer.setOutput(out);
			writer.write(null, new IIOImage(cmyk, null, null), writer.getDefaultWriteParam());
		}
		finally {
			writer.dispose();
		}

		byte[] plain = jpeg.toByteArray();
		byte[] adobe = { (byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0 };
		byte[] photoshop = new byte[plain.length + adobe.length];
		System.arraycopy(plain, 0, photoshop, 0, 2);
		System.arraycopy(adobe, 0, photoshop, 2, adobe.length);
		System.arraycopy(plain, 2, photoshop, 2 + adobe.length, plain.length - 2);

		Images.Processed image = Images.process(photoshop);

		assertThat(image.contentType()).isEqualTo("image/jpeg");
		assertThat(image.width()).isEqualTo(40);
		BufferedImage thumbnail = TestImages.decode(image.thumbnails().get(160));
		assertThat(thumbnail.getColorModel().getNumComponents()).isEqualTo(3);
		java.awt.Color centre = new java.awt.Color(thumbnail.getRGB(thumbnail.getWidth() / 2, thumbnail.getHeight() / 2));
		assertThat(centre.getRed()).as("cyan 0, magenta and yellow full is red").isGreaterThan(180);
		assertThat(centre.getGreen()).isLessThan(90);
		assertThat(centre.getBlue()).isLessThan(90);
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
