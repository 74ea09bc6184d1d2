package dev.shopwright.orders;

import static dev.shopwright.platform.PdfCells.block;
import static dev.shopwright.platform.PdfCells.right;

import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
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

import dev.shopwright.customers.AddressDetails;
import dev.shopwright.shared.Address;
import dev.shopwright.shared.Money;
import dev.shopwright.stores.Store;

/**
 * The order's invoice as a PDF: the store (name, address, email), the order number and date in the store's time
 * zone, the addresses, each line with its tax, the tax lines and the totals — the same figures the order keeps, so
 * the invoice never recalculates anything.
 */
@Component
class InvoiceDocument {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

	byte[] render(Order order, Store store) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 40, 40, 40, 40);
		PdfWriter.getInstance(document, out);
		document.addTitle("Invoice " + order.number());
		document.addCreator("Shopwright");
		document.open();
		Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
		Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
		Font normal = FontFactory.getFont(FontFactory.HELVETICA, 10);

		document.add(new Paragraph(store.name(), title));
		String storeAddress = lines(store.address());
		if (!storeAddress.isEmpty()) {
			document.add(new Paragraph(storeAddress.replace("\n", ", "), normal));
		}
		if (store.email() != null) {
			document.add(new Paragraph(store.email(), normal));
		}
		document.add(new Paragraph(" "));
		document.add(new Paragraph("Invoice for order " + order.number(), bold));
		document.add(new Paragraph("Date: " + order.placedAt().atZone(store.timezone()).toLocalDate().format(DATE),
				normal));
		if (order.status() == OrderStatus.CANCELLED) {
			document.add(new Paragraph("This order was cancelled.", bold));
		}
		document.add(new Paragraph(" "));

		PdfPTable parties = new PdfPTable(2);
		parties.setWidthPercentage(100);
		parties.addCell(block("Bill to", person(order.billingAddress(), order.email()), bold, normal));
		parties.addCell(block("Ship to", person(order.shippingAddress(), null), bold, normal));
		document.add(parties);
		document.add(new Paragraph(" "));

		PdfPTable table = new PdfPTable(new float[] { 3, 6, 1.3f, 2.6f, 2.4f, 2.8f });
		table.setWidthPercentage(100);
		for (String heading : new String[] { "SKU", "Item", "Qty", "Unit price", "Tax", "Total" }) {
			PdfPCell cell = new PdfPCell(new Phrase(heading, bold));
			cell.setGrayFill(0.9f);
			table.addCell(cell);
		}
		for (Order.Line line : order.lines()) {
			table.addCell(new Phrase(line.sku(), normal));
			table.addCell(new Phrase(line.title() + (line.variantTitle() == null ? "" : " - " + line.variantTitle()),
					normal));
			table.addCell(right(String.valueOf(line.quantity()), normal));
			table.addCell(right(line.unitPrice().toString(), normal));
			table.addCell(right(line.tax().toString(), normal));
			table.addCell(right(line.total().toString(), normal));
		}
		document.add(table);
		document.add(new Paragraph(" "));

		Order.Totals totals = order.totals();
		PdfPTable sums = new PdfPTable(new float[] { 7, 3 });
		sums.setWidthPercentage(60);
		sums.setHorizontalAlignment(Element.ALIGN_RIGHT);
		sum(sums, "Subtotal", totals.subtotal(), normal);
		if (!totals.discountTotal().isZero()) {
			sum(sums, "Discounts", totals.discountTotal().negate(), normal);
		}
		if (order.shipping() != null) {
			sum(sums, "Shipping (" + order.shipping().name() + ")", totals.shipping(), normal);
		}
		for (Order.TaxLine tax : order.taxLines()) {
			sum(sums, tax.name() + " (" + tax.percent().toPlainString() + "% of " + tax.taxable() + ")", tax.amount(),
					normal);
		}
		sum(sums, totals.pricesIncludeTax() ? "Tax included" : "Tax", totals.taxTotal(), normal);
		sum(sums, "Total", totals.total(), bold);
		document.add(sums);
		document.close();
		return out.toByteArray();
	}

	private static void sum(PdfPTable table, String label, Money amount, Font font) {
		PdfPCell name = new PdfPCell(new Phrase(label, font));
		name.setBorder(0);
		table.addCell(name);
		PdfPCell value = right(amount.toString(), font);
		value.setBorder(0);
		table.addCell(value);
	}

	private static String person(@Nullable AddressDetails details, @Nullable String email) {
		if (details == null) {
			return email == null ? "-" : email;
		}
		StringBuilder text = new StringBuilder();
		String name = ((details.firstName() == null ? "" : details.firstName()) + " "
				+ (details.lastName() == null ? "" : details.lastName())).strip();
		for (String part : new String[] { name, details.company(), lines(details.address()), email }) {
			if (part != null && !part.isBlank()) {
				text.append(text.isEmpty() ? "" : "\n").append(part);
			}
		}
		return text.toString();
	}


	private static String lines(Address address) {
		StringBuilder text = new StringBuilder();
		for (String part : new String[] { address.line1(), address.line2(),
				((address.postalCode() == null ? "" : address.postalCode()) + " "
						+ (address.city() == null ? "" : address.city())).strip(),
				address.region(), address.country() }) {
			if (part != null && !part.isBlank()) {
				text.append(text.isEmpty() ? "" : "\n").append(part);
			}
		}
		return text.toString();
	}
}
