package dev.shopwright.fulfillment.documents;

import java.io.ByteArrayOutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;

import dev.shopwright.fulfillment.PickList;
import dev.shopwright.fulfillment.Shipment;
import dev.shopwright.fulfillment.ShippingAddress;

/**
 * The printed papers of fulfilment: the 4×6 in shipping label (288×432 pt) with a Code 128 barcode of the tracking
 * number drawn as vector bars from ZXing's encoding, the packing slip, and the pick list.
 */
@Component
public class FulfillmentDocuments {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

	/** 4 × 6 inches. */
	public static final Rectangle LABEL_SIZE = new Rectangle(288, 432);

	public byte[] label(Shipment shipment, String storeName) {
		ShippingAddress to = shipment.to();
		return label(storeName + "\n" + address(shipment.from(), false), to == null ? "(no address)" : address(to, true),
				shipment.serviceName(), "Order " + shipment.orderNumber() + " · " + shipment.parcel().weightGrams() + " g · "
						+ shipment.parcel().lengthCm() + "×" + shipment.parcel().widthCm() + "×"
						+ shipment.parcel().heightCm() + " cm"
						+ (shipment.international() ? " · CUSTOMS DECLARATION ENCLOSED" : ""),
				shipment.trackingNumber());
	}

	/** A return label: the shopper sends the parcel back to the store's location. */
	public byte[] returnLabel(ShippingAddress shopper, ShippingAddress location, String storeName, String serviceName,
			String reference, String trackingNumber) {
		return label(address(shopper, false), storeName + "\n" + address(location, true), serviceName,
				reference + " · RETURN", trackingNumber);
	}

	private byte[] label(String fromBlock, String toBlock, String serviceName, String detail, String trackingNumber) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(LABEL_SIZE, 14, 14, 14, 14);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		document.addTitle("Shipping label " + trackingNumber);
		document.addCreator("Shopwright");
		document.open();
		Font small = FontFactory.getFont(FontFactory.HELVETICA, 7);
		Font normal = FontFactory.getFont(FontFactory.HELVETICA, 9);
		Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
		Font big = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);

		document.add(new Paragraph("FROM", small));
		document.add(new Paragraph(fromBlock, normal));
		document.add(new Paragraph(" ", small));
		document.add(new Paragraph("SHIP TO", small));
		document.add(new Paragraph(toBlock, bold));
		document.add(new Paragraph(" ", small));
		document.add(new Paragraph(serviceName.toUpperCase(java.util.Locale.ROOT), big));
		document.add(new Paragraph(detail, small));

		// the barcode: ZXing decides the bars, we draw them as rectangles so they stay sharp at any printer resolution
		BitMatrix bars = new Code128Writer().encode(trackingNumber, BarcodeFormat.CODE_128, 0, 0,
				Map.of(EncodeHintType.MARGIN, 0));
		float quiet = 14;
		float width = LABEL_SIZE.getWidth() - 2 * quiet;
		float module = width / bars.getWidth();
		float bottom = 40;
		float height = 80;
		PdfContentByte canvas = writer.getDirectContent();
		canvas.setRGBColorFill(0, 0, 0);
		for (int x = 0; x < bars.getWidth(); x++) {
			if (bars.get(x, 0)) {
				canvas.rectangle(quiet + x * module, bottom, module, height);
			}
		}
		canvas.fill();
		ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER, new Phrase(trackingNumber, bold),
				LABEL_SIZE.getWidth() / 2, bottom - 16, 0);
		ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER, new Phrase("TRACKING #", small),
				LABEL_SIZE.getWidth() / 2, bottom + height + 6, 0);
		document.close();
		return out.toByteArray();
	}

	public byte[] packingSlip(Shipment shipment, String storeName) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 40, 40, 40, 40);
		PdfWriter.getInstance(document, out);
		document.addTitle("Packing slip " + shipment.orderNumber());
		document.addCreator("Shopwright");
		document.open();
		Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
		Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
		Font normal = FontFactory.getFont(FontFactory.HELVETICA, 10);
		document.add(new Paragraph(storeName + " · Packing slip", title));
		document.add(new Paragraph("Order " + shipment.orderNumber() + " · shipped "
				+ shipment.shippedAt().atZone(ZoneOffset.UTC).toLocalDate().format(DATE) + " · " + shipment.serviceName()
				+ " " + shipment.trackingNumber(), normal));
		document.add(new Paragraph(" "));
		if (shipment.to() != null) {
			document.add(new Paragraph("Ship to", bold));
			document.add(new Paragraph(address(shipment.to(), true), normal));
			document.add(new Paragraph(" "));
		}
		boolean customs = shipment.international();
		List<String> headings = new ArrayList<>(List.of("SKU", "Item", "Qty"));
		if (customs) {
			headings.addAll(List.of("HS code", "Origin", "Value"));
		}
		PdfPTable table = new PdfPTable(customs ? new float[] { 3, 6, 1.2f, 2.2f, 1.6f, 2.6f } : new float[] { 3, 8, 1.2f });
		table.setWidthPercentage(100);
		headings.forEach(h -> {
			PdfPCell cell = new PdfPCell(new Phrase(h, bold));
			cell.setGrayFill(0.9f);
			table.addCell(cell);
		});
		for (Shipment.Line line : shipment.lines()) {
			table.addCell(new Phrase(line.sku(), normal));
			table.addCell(new Phrase(line.title(), normal));
			table.addCell(new Phrase(Integer.toString(line.quantity()), normal));
			if (customs) {
				table.addCell(new Phrase(nz(line.hsCode()), normal));
				table.addCell(new Phrase(nz(line.originCountry()), normal));
				table.addCell(new Phrase(line.value().toString(), normal));
			}
		}
		document.add(table);
		if (customs) {
			document.add(new Paragraph(" "));
			document.add(new Paragraph("Commercial invoice: goods sold, value as paid by the recipient.", normal));
		}
		document.close();
		return out.toByteArray();
	}

	public byte[] pickList(PickList pickList) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 40, 40, 40, 40);
		PdfWriter.getInstance(document, out);
		document.addTitle("Pick list " + pickList.number());
		document.addCreator("Shopwright");
		document.open();
		Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
		Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
		Font normal = FontFactory.getFont(FontFactory.HELVETICA, 10);
		document.add(new Paragraph("Pick list " + pickList.number() + " · " + pickList.locationName(), title));
		document.add(new Paragraph("Created " + pickList.createdAt().atZone(ZoneOffset.UTC).toLocalDate().format(DATE)
				+ " by " + pickList.createdBy() + " · orders " + String.join(", ", pickList.orderNumbers()), normal));
		document.add(new Paragraph(" "));
		PdfPTable table = new PdfPTable(new float[] { 2, 3, 6, 1.2f, 4 });
		table.setWidthPercentage(100);
		for (String heading : new String[] { "Bin", "SKU", "Item", "Qty", "Orders" }) {
			PdfPCell cell = new PdfPCell(new Phrase(heading, bold));
			cell.setGrayFill(0.9f);
			table.addCell(cell);
		}
		for (PickList.Line line : pickList.lines()) {
			table.addCell(new Phrase(line.bin() == null ? "—" : line.bin(), bold));
			table.addCell(new Phrase(line.sku(), normal));
			table.addCell(new Phrase(line.title(), normal));
			table.addCell(new Phrase(Integer.toString(line.quantity()), bold));
			table.addCell(new Phrase(String.join(", ", line.orderNumbers()), normal));
		}
		document.add(table);
		document.close();
		return out.toByteArray();
	}

	static String address(ShippingAddress a, boolean withName) {
		List<String> lines = new ArrayList<>();
		if (withName && !a.name().isBlank()) {
			lines.add(a.name());
		}
		add(lines, a.company());
		add(lines, a.line1());
		add(lines, a.line2());
		String city = String.join(" ", java.util.stream.Stream.of(a.postalCode(), a.city()).filter(s -> s != null && !s.isBlank()).toList());
		add(lines, city);
		add(lines, a.region());
		add(lines, a.country());
		return String.join("\n", lines);
	}

	private static void add(List<String> lines, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			lines.add(value);
		}
	}

	private static String nz(@Nullable String value) {
		return value == null ? "" : value;
	}

}
