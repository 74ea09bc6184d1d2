package dev.shopwright.orders.drafts.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.shopwright.customers.AddressDetails;
import dev.shopwright.customers.CustomerId;
import dev.shopwright.orders.drafts.DraftOrder;
import dev.shopwright.orders.drafts.DraftOrderDetails;
import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.shared.Address;

/**
 * The draft order form as the console posts it: plain fields, and line rows (blank rows are ignored), so that it
 * works without JavaScript. Turned into {@link DraftOrderDetails}; numbers that do not parse are field errors.
 */
public class DraftForm {

	public static final int EMPTY_ROWS = 3;

	public static class LineRow {

		private String sku = "";

		private String quantity = "1";

		private String customPrice = "";

		private String priceReason = "";

		public String getSku() {
			return sku;
		}

		public void setSku(String sku) {
			this.sku = sku == null ? "" : sku;
		}

		public String getQuantity() {
			return quantity;
		}

		public void setQuantity(String quantity) {
			this.quantity = quantity == null ? "" : quantity;
		}

		public String getCustomPrice() {
			return customPrice;
		}

		public void setCustomPrice(String customPrice) {
			this.customPrice = customPrice == null ? "" : customPrice;
		}

		public String getPriceReason() {
			return priceReason;
		}

		public void setPriceReason(String priceReason) {
			this.priceReason = priceReason == null ? "" : priceReason;
		}
	}

	private String email = "";

	private String customerId = "";

	private String currency = "";

	private List<LineRow> lines = new ArrayList<>();

	private String shippingName = "";

	private String shippingPrice = "";

	private String firstName = "";

	private String lastName = "";

	private String line1 = "";

	private String line2 = "";

	private String city = "";

	private String postalCode = "";

	private String country = "";

	private String note = "";

	private @Nullable Integer version;

	static DraftForm of(DraftOrder draft) {
		DraftForm form = new DraftForm();
		form.email = draft.email();
		form.customerId = draft.customerId() == null ? "" : draft.customerId().value().toString();
		form.currency = draft.currency();
		for (DraftOrder.Line line : draft.lines()) {
			LineRow row = new LineRow();
			row.sku = line.sku();
			row.quantity = String.valueOf(line.quantity());
			if (line.priceReason() != null && line.unitPrice() != null) {
				row.customPrice = line.unitPrice().amount().toPlainString();
				row.priceReason = line.priceReason();
			}
			form.lines.add(row);
		}
		if (draft.shipping() != null) {
			form.shippingName = draft.shipping().name();
			form.shippingPrice = draft.shipping().price().amount().toPlainString();
		}
		AddressDetails address = draft.shippingAddress();
		if (address != null) {
			form.firstName = blankIfNull(address.firstName());
			form.lastName = blankIfNull(address.lastName());
			form.line1 = blankIfNull(address.address().line1());
			form.line2 = blankIfNull(address.address().line2());
			form.city = blankIfNull(address.address().city());
			form.postalCode = blankIfNull(address.address().postalCode());
			form.country = blankIfNull(address.address().country());
		}
		form.note = blankIfNull(draft.note());
		form.version = draft.version();
		return form;
	}

	/** Pads the line rows with empty ones to type into. */
	DraftForm withEmptyRows() {
		while (lines.stream().filter(l -> l.sku.isBlank()).count() < EMPTY_ROWS) {
			lines.add(new LineRow());
		}
		return this;
	}

	DraftOrderDetails details() {
		java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
		List<DraftOrderDetails.Line> parsed = new ArrayList<>();
		int index = 0;
		for (LineRow row : lines) {
			if (row.sku.isBlank()) {
				continue;
			}
			int quantity = 0;
			try {
				quantity = Integer.parseInt(row.quantity.strip());
			}
			catch (NumberFormatException ex) {
				errors.put("lines[" + index + "].quantity", "enter a whole number for " + row.sku.strip());
			}
			BigDecimal price = null;
			if (!row.customPrice.isBlank()) {
				try {
					price = new BigDecimal(row.customPrice.strip());
				}
				catch (NumberFormatException ex) {
					errors.put("lines[" + index + "].customPrice", "enter a price such as 12.50 for " + row.sku.strip());
				}
			}
			parsed.add(new DraftOrderDetails.Line(row.sku.strip(), quantity, price,
					row.priceReason.isBlank() ? null : row.priceReason.strip()));
			index++;
		}
		DraftOrderDetails.Shipping shipping = null;
		if (!shippingName.isBlank() || !shippingPrice.isBlank()) {
			try {
				shipping = new DraftOrderDetails.Shipping(shippingName.strip(),
						new BigDecimal(shippingPrice.isBlank() ? "0" : shippingPrice.strip()));
			}
			catch (NumberFormatException ex) {
				errors.put("shipping.price", "enter a price such as 4.90");
			}
		}
		CustomerId customer = null;
		if (!customerId.isBlank()) {
			try {
				customer = new CustomerId(UUID.fromString(customerId.strip()));
			}
			catch (IllegalArgumentException ex) {
				errors.put("customerId", "not a customer id");
			}
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation("INVALID_DRAFT_ORDER", 422, "Please correct the marked fields.", errors);
		}
		AddressDetails address = line1.isBlank() && city.isBlank() && country.isBlank() ? null
				: new AddressDetails(nullIfBlank(firstName), nullIfBlank(lastName), null, null,
						new Address(nullIfBlank(line1), nullIfBlank(line2), nullIfBlank(city), null,
								nullIfBlank(postalCode), nullIfBlank(country.toUpperCase(java.util.Locale.ROOT))));
		return new DraftOrderDetails(customer, nullIfBlank(email), nullIfBlank(currency), parsed, address, shipping,
				nullIfBlank(note));
	}

	private static String blankIfNull(@Nullable String value) {
		return value == null ? "" : value;
	}

	private static @Nullable String nullIfBlank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	// getters and setters for binding

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getCustomerId() {
		return customerId;
	}

	public void setCustomerId(String customerId) {
		this.customerId = customerId;
	}

	public String getCurrency() {
		return currency;
	}

	public void setCurrency(String currency) {
		this.currency = currency;
	}

	public List<LineRow> getLines() {
		return lines;
	}

	public void setLines(List<LineRow> lines) {
		this.lines = lines;
	}

	public String getShippingName() {
		return shippingName;
	}

	public void setShippingName(String shippingName) {
		this.shippingName = shippingName;
	}

	public String getShippingPrice() {
		return shippingPrice;
	}

	public void setShippingPrice(String shippingPrice) {
		this.shippingPrice = shippingPrice;
	}

	public String getFirstName() {
		return firstName;
	}

	public void setFirstName(String firstName) {
		this.firstName = firstName;
	}

	public String getLastName() {
		return lastName;
	}

	public void setLastName(String lastName) {
		this.lastName = lastName;
	}

	public String getLine1() {
		return line1;
	}

	public void setLine1(String line1) {
		this.line1 = line1;
	}

	public String getLine2() {
		return line2;
	}

	public void setLine2(String line2) {
		this.line2 = line2;
	}

	public String getCity() {
		return city;
	}

	public void setCity(String city) {
		this.city = city;
	}

	public String getPostalCode() {
		return postalCode;
	}

	public void setPostalCode(String postalCode) {
		this.postalCode = postalCode;
	}

	public String getCountry() {
		return country;
	}

	public void setCountry(String country) {
		this.country = country;
	}

	public String getNote() {
		return note;
	}

	public void setNote(String note) {
		this.note = note;
	}

	public @Nullable Integer getVersion() {
		return version;
	}

	public void setVersion(@Nullable Integer version) {
		this.version = version;
	}
}
