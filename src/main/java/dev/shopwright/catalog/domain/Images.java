package dev.shopwright.catalog.domain;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import net.coobird.thumbnailator.Thumbnails;

import dev.shopwright.platform.BusinessRuleViolation;

/**
 * Checks that bytes really are a JPEG, PNG, GIF or WebP image (by decoding them, not by trusting a file name
 * or a content type) and renders the thumbnails the storefront and console show.
 */
public final class Images {

	/** Widths of the thumbnails kept next to every original. */
	public static final List<Integer> THUMBNAIL_WIDTHS = List.of(160, 640);

	public static final long MAX_BYTES = 20L * 1024 * 1024;

	/** Decoding needs about 4 bytes per pixel; this keeps one image below ~200 MB of heap. */
	static final long MAX_PIXELS = 50_000_000L;

	private static final Map<String, String> CONTENT_TYPES = Map.of("jpeg", "image/jpeg", "png", "image/png", "gif",
			"image/gif", "webp", "image/webp");

	static {
		// plugins (WebP) are found through the class loader that first touches ImageIO; make sure it is ours
		ImageIO.scanForPlugins();
	}

	private Images() {
	}

	/** A decoded image: its format, size, and the encoded thumbnails by width. */
	public record Processed(String contentType, String extension, int width, int height,
			Map<Integer, byte[]> thumbnails) {
	}

	/** The thumbnails of an image of this content type are PNG, except for JPEG photos, which stay JPEG. */
	public static String thumbnailExtension(String contentType) {
		return "image/jpeg".equals(contentType) ? "jpg" : "png";
	}

	public static String extension(String contentType) {
		return switch (contentType) {
			case "image/jpeg" -> "jpg";
			case "image/png" -> "png";
			case "image/gif" -> "gif";
			case "image/webp" -> "webp";
			default -> throw new IllegalArgumentException(contentType);
		};
	}

	/**
	 * Decodes the image and renders its thumbnails; a 422 {@code INVALID_IMAGE} names what is wrong (not an image,
	 * an unsupported format, too large, damaged).
	 */
	public static Processed process(byte[] content) {
		if (content.length == 0) {
			throw invalid("The file is empty.");
		}
		if (content.length > MAX_BYTES) {
			throw new BusinessRuleViolation("IMAGE_TOO_LARGE", 413,
					"The image has %,d bytes; at most 20 MB are accepted.".formatted(content.length));
		}
		String format;
		int width;
		int height;
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw invalid("The file is not an image (JPEG, PNG, GIF or WebP).");
			}
			ImageReader reader = readers.next();
			try {
				format = normalise(reader.getFormatName());
				if (!CONTENT_TYPES.containsKey(format)) {
					throw invalid("Images in %s format are not accepted; use JPEG, PNG, GIF or WebP."
						.formatted(reader.getFormatName().toUpperCase(Locale.ROOT)));
				}
				reader.setInput(in, true, true);
				width = reader.getWidth(0);
				height = reader.getHeight(0);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof BusinessRuleViolation violation) {
				throw violation;
			}
			throw invalid("The image could not be read; the file may be damaged.");
		}
		if ((long) width * height > MAX_PIXELS) {
			throw invalid("The image is %d×%d pixels; at most 50 megapixels are accepted.".formatted(width, height));
		}
		String contentType = CONTENT_TYPES.get(format);
		BufferedImage image;
		try {
			// through Thumbnailator so that a photo's EXIF orientation is applied
			image = Thumbnails.of(new ByteArrayInputStream(content)).scale(1.0).asBufferedImage();
		}
		catch (IOException | RuntimeException | OutOfMemoryError ex) {
			throw invalid("The image could not be decoded; the file may be damaged or truncated.");
		}
		Map<Integer, byte[]> thumbnails = new LinkedHashMap<>();
		String thumbnailFormat = thumbnailExtension(contentType);
		for (int thumbnailWidth : THUMBNAIL_WIDTHS) {
			thumbnails.put(thumbnailWidth, render(image, Math.min(thumbnailWidth, image.getWidth()), thumbnailFormat));
		}
		return new Processed(contentType, extension(contentType), width, height, thumbnails);
	}

	private static byte[] render(BufferedImage image, int width, String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Thumbnails.Builder<BufferedImage> builder = Thumbnails.of(image).width(width).outputFormat(format);
			if (format.equals("jpg")) {
				builder.outputQuality(0.85);
			}
			builder.toOutputStream(out);
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not render a thumbnail", ex);
		}
		return out.toByteArray();
	}

	private static String normalise(String formatName) {
		String name = formatName.toLowerCase(Locale.ROOT);
		return name.equals("jpg") ? "jpeg" : name;
	}

	static BusinessRuleViolation invalid(String detail) {
		return new BusinessRuleViolation("INVALID_IMAGE", 422, detail, Map.of("file", detail));
	}
}
