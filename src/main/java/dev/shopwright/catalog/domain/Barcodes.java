package dev.shopwright.catalog.domain;

/** GTIN-8, UPC-A (GTIN-12), EAN-13 and GTIN-14 with their mod-10 check digit. */
public final class Barcodes {

	private Barcodes() {
	}

	public static boolean isValidGtin(String code) {
		if (!code.matches("\\d{8}|\\d{12}|\\d{13}|\\d{14}")) {
			return false;
		}
		int sum = 0;
		// weights alternate 3,1,3,… starting from the digit left of the check digit
		for (int i = code.length() - 2, weight = 3; i >= 0; i--, weight = 4 - weight) {
			sum += (code.charAt(i) - '0') * weight;
		}
		int check = (10 - sum % 10) % 10;
		return check == code.charAt(code.length() - 1) - '0';
	}
}
