package dev.shopwright.search.domain;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Lower case without accents, the way the index compares words; and the words of a text for the lexicon. */
public final class TextFolding {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final Pattern TAGS = Pattern.compile("<[^>]*>");

	private TextFolding() {
	}

	public static String fold(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).replace('ß', 's').strip()
			.replaceAll("\\s+", " ");
	}

	/** Plain text of sanitised HTML, good enough to index. */
	public static String plain(String html) {
		return TAGS.matcher(html).replaceAll(" ").replace("&amp;", "&").replace("&nbsp;", " ").replace("&lt;", "<")
			.replace("&gt;", ">").replace("&#39;", "'").replace("&quot;", "\"");
	}

	/**
	 * Hyphenated words written together ("T-Shirt" gives "tshirt"), because shoppers type both; added to the
	 * indexed title so that the joined spelling and typos of it are found.
	 */
	public static List<String> compounds(String text) {
		Set<String> result = new LinkedHashSet<>();
		for (String word : fold(text).split("\\s+")) {
			if (word.contains("-")) {
				String joined = NON_WORD.matcher(word).replaceAll("");
				if (joined.length() >= 3) {
					result.add(joined);
				}
			}
		}
		return List.copyOf(result);
	}

	/**
	 * The text with each hyphenated word written together ("t-shirt" → "tshirt"): how a query looks a
	 * hyphenated word up, as one indexed term rather than a phrase of its parts.
	 */
	public static String joinHyphenated(String text) {
		StringBuilder result = new StringBuilder();
		for (String word : fold(text).split(" ")) {
			String joined = word.contains("-") ? NON_WORD.matcher(word).replaceAll("") : word;
			result.append(result.isEmpty() ? "" : " ").append(joined.length() >= 3 ? joined : word);
		}
		return result.toString();
	}

	/** Words of three letters or more, folded, plus the compounds. */
	public static Set<String> words(String text) {
		Set<String> result = new LinkedHashSet<>();
		for (String word : NON_WORD.split(fold(text))) {
			if (word.length() >= 3) {
				result.add(word);
			}
		}
		result.addAll(compounds(text));
		return result;
	}
}
