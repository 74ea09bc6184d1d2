package dev.shopwright.catalog.domain;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Product descriptions are merchant HTML shown to shoppers: keep formatting, lists, tables, links and
 * images; drop scripts, event handlers, styles and anything else that could run in a shopper's browser.
 */
public final class RichText {

	private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
		.and(Sanitizers.LINKS)
		.and(Sanitizers.TABLES)
		.and(Sanitizers.IMAGES)
		.and(new HtmlPolicyBuilder().allowElements("hr", "br", "span", "figure", "figcaption").toFactory());

	private RichText() {
	}

	public static String sanitize(String html) {
		return POLICY.sanitize(html);
	}

	/** The text without any markup, for search and meta descriptions. */
	public static String plainText(String html) {
		return new HtmlPolicyBuilder().toFactory().sanitize(html).replace("&amp;", "&").replace("&lt;", "<")
			.replace("&gt;", ">").replace("&#34;", "\"").replace("&#39;", "'").replaceAll("\\s+", " ").strip();
	}
}
