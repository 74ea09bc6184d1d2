package dev.shopwright.platform;

import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;

/** Table cells the business documents (invoices, purchase orders) lay out the same way. */
public final class PdfCells {

	private PdfCells() {
	}

	/** A borderless cell: a bold heading over a body (an address block, say). */
	public static PdfPCell block(String heading, String body, Font bold, Font normal) {
		Paragraph paragraph = new Paragraph();
		paragraph.add(new Phrase(heading + "\n", bold));
		paragraph.add(new Phrase(body, normal));
		PdfPCell cell = new PdfPCell(paragraph);
		cell.setBorder(0);
		return cell;
	}

	/** A right-aligned cell, for amounts and quantities. */
	public static PdfPCell right(String text, Font font) {
		PdfPCell cell = new PdfPCell(new Phrase(text, font));
		cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
		return cell;
	}
}
