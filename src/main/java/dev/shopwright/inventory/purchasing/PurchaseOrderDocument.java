package dev.shopwright.inventory.purchasing;

import static dev.shopwright.platform.PdfCells.block;
import static dev.shopwright.platform.PdfCells.right;

import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

import dev.shopwright.shared.Address;
import dev.shopwright.stores.Store;

/** The purchase order as a PDF for the supplier: who orders, where to deliver, and the lines with their costs. */
@Component
class PurchaseOrderDocument {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

	byte[] render(PurchaseOrder order, Store store, Supplier supplier, Address deliverTo) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 40, 40, 40, 40);
		PdfWriter.getInstance(document, out);
		document.addTitle("Purchase order " + order.number());
		document.addCreator("Shopwright");
		document.open();
		Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
		Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
		Font normal = FontFactory.getFont(FontFactory.HELVETICA, 10);

		document.add(new Paragraph("Purchase order " + order.number(), title));
		String date = (order.sentAt() != null ? order.sentAt() : order.createdAt()).atZone(ZoneId.of("UTC")).toLocalDate()
			.format(DATE);
		document.add(new Paragraph("Date: " + date, normal));
		if (order.expectedOn() != null) {
			document.add(new Paragraph("Requested delivery: " + order.expectedOn().format(DATE), normal));
		}
		document.add(new Paragraph(" "));

		PdfPTable parties = new PdfPTable(2);
		parties.setWidthPercentage(100);
		parties.addCell(block("From", store.name() + "\n" + lines(store.address())
				+ (store.email() == null ? "" : "\n" + store.email()), bold, normal));
		parties.addCell(block("Supplier", supplier.name() + (supplier.email() == null ? "" : "\n" + supplier.email())
				+ (supplier.phone() == null ? "" : "\n" + supplier.phone()), bold, normal));
		document.add(parties);
		String address = lines(deliverTo);
		document.add(new Paragraph("Deliver to: " + order.locationName(), bold));
		if (!address.isEmpty()) {
			document.add(new Paragraph(address.replace("\n", ", "), normal));
		}
		document.add(new Paragraph(" "));

		PdfPTable table = new PdfPTable(new float[] { 3.2f, 3, 5, 1.3f, 2.6f, 2.8f });
		table.setWidthPercentage(100);
		for (String heading : new String[] { "Our SKU", "Your code", "Item", "Qty", "Unit cost", "Total" }) {
			PdfPCell cell = new PdfPCell(new Phrase(heading, bold));
			cell.setGrayFill(0.9f);
			table.addCell(cell);
		}
		for (PurchaseOrderLine line : order.lines()) {
			table.addCell(new Phrase(line.sku(), normal));
			table.addCell(new Phrase(line.supplierCode() == null ? "" : line.supplierCode(), normal));
			table.addCell(new Phrase(line.title(), normal));
			table.addCell(right(String.valueOf(line.quantity()), normal));
			table.addCell(right(line.unitCost().toString(), normal));
			table.addCell(right(line.total().toString(), normal));
		}
		PdfPCell totalLabel = new PdfPCell(new Phrase("Total (" + order.unitsOrdered() + " units)", bold));
		totalLabel.setColspan(5);
		totalLabel.setHorizontalAlignment(Element.ALIGN_RIGHT);
		table.addCell(totalLabel);
		table.addCell(right(order.total().toString(), bold));
		document.add(table);
		if (order.note() != null) {
			document.add(new Paragraph(" "));
			document.add(new Paragraph("Note: " + order.note(), normal));
		}
		document.close();
		return out.toByteArray();
	}


	private static String lines(Address address) {
		StringBuilder text = new StringBuilder();
		for (String part : new String[] { address.line1(), address.line2(),
				join(address.postalCode(), address.city()), address.country() }) {
			if (part != null && !part.isBlank()) {
				text.append(text.isEmpty() ? "" : "\n").append(part);
			}
		}
		return text.toString();
	}

	private static String join(String a, String b) {
		return ((a == null ? "" : a) + " " + (b == null ? "" : b)).strip();
	}
}
