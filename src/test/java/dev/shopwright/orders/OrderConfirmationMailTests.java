package dev.shopwright.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;

import dev.shopwright.payments.PaymentManagement;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.StoreManagement;
import dev.shopwright.testing.ShopwrightTest;
import dev.shopwright.testing.TestMail;

/** The order confirmation goes out once per order over real SMTP (GreenMail), with the invoice PDF attached. */
@ShopwrightTest
class OrderConfirmationMailTests {

	@Autowired
	OrderManagement orders;

	@Autowired
	PaymentManagement payments;

	@Autowired
	StoreManagement stores;

	@Test
	void theShopperGetsOneConfirmationWithTheInvoice() throws Exception {
		OrderFixtures fixtures = new OrderFixtures(stores, payments);
		StoreId store = fixtures.newStore("EUR");
		PlaceOrder command = fixtures.order(OrderId.random(), "EUR",
				List.of(new OrderFixtures.Item("MAIL-1", 2, "10.05"), new OrderFixtures.Item("MAIL-2", 1, "3.33")),
				PlaceOrder.Risk.NOT_ASSESSED, null, null, null, null);
		Order order = orders.place(store, command);
		orders.place(store, command); // a retry of the same order sends nothing more

		MimeMessage message = TestMail.await(order.email(), 1).getFirst();
		assertThat(message.getSubject()).isEqualTo("Order #1001 confirmed - " + stores.get(store).name());
		Multipart parts = (Multipart) message.getContent();
		String text = null;
		byte[] pdf = null;
		for (int i = 0; i < parts.getCount(); i++) {
			Part part = parts.getBodyPart(i);
			if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				assertThat(part.getFileName()).isEqualTo("invoice-1001.pdf");
				try (InputStream in = part.getInputStream()) {
					pdf = in.readAllBytes();
				}
			}
			else {
				text = textOf(part);
			}
		}
		assertThat(text).contains("Order #1001").contains("2 x Product MAIL-1  23.92 EUR")
			.contains("Shipping (Standard): 4.90 EUR").contains("Tax: 5.38 EUR").contains("Total: 33.71 EUR")
			.contains("Payment: pending");
		assertThat(pdf).isNotNull();
		assertThat(new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1)).contains("Invoice for order #1001")
			.contains("MAIL-2").contains("33.71 EUR");

		Thread.sleep(1000);
		assertThat(TestMail.to(order.email())).hasSize(1);
	}

	/** The text of a mail or part: its strings, attachments (the invoice PDF) left out. */
	static String textOf(Part part) throws Exception {
		Object content = part.getContent();
		if (content instanceof String s) {
			return s;
		}
		if (!(content instanceof Multipart nested)) {
			return "";
		}
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < nested.getCount(); i++) {
			text.append(textOf(nested.getBodyPart(i)));
		}
		return text.toString();
	}
}
