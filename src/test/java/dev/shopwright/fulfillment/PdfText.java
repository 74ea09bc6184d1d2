package dev.shopwright.fulfillment;

import java.awt.image.BufferedImage;
import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.oned.Code128Reader;

/** Reads generated PDFs back with PDFBox: their text, page size, and barcodes from a rendered page (ZXing). */
public final class PdfText {

	private PdfText() {
	}

	public static String of(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static float[] pageSize(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			var box = document.getPage(0).getMediaBox();
			return new float[] { box.getWidth(), box.getHeight() };
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Renders the first page at 203 dpi (a thermal label printer) and decodes the Code 128 barcode on it. */
	public static String code128(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 203);
			Result result = new Code128Reader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))),
					java.util.Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
			return result.getText();
		}
		catch (IOException | NotFoundException | com.google.zxing.FormatException ex) {
			throw new AssertionError("no Code 128 barcode found on the page", ex);
		}
	}
}
