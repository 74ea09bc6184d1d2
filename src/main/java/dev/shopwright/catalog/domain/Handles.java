package dev.shopwright.catalog.domain;

import java.text.Normalizer;
import java.util.Locale;

/** URL handles from titles: "Crème Brûlée T-Shirt" → "creme-brulee-t-shirt". */
public final class Handles {

	private Handles() {
	}

	public static String fromTitle(String title) {
		String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
			.replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("œ", "oe");
		String handle = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
		if (handle.length() > 200) {
			handle = handle.substring(0, 200).replaceAll("-+$", "");
		}
		return handle.isEmpty() ? "product" : handle;
	}
}
