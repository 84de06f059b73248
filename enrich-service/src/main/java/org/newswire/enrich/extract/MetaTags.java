package org.newswire.enrich.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A page's {@code <meta>} contents by attribute and value ({@code property=og:title},
 * {@code name=author}), read in one walk rather than one document search per name looked up; the
 * first non-blank content of a name wins, and names compare ignoring case.
 */
final class MetaTags {

	private static final String[] KEYS = { "property", "name", "itemprop", "http-equiv" };

	private final Map<String, String> contents = new HashMap<>();

	private MetaTags() {
	}

	static MetaTags of(Document doc) {
		MetaTags tags = new MetaTags();
		for (Element meta : doc.getElementsByTag("meta")) {
			String content = meta.attr("content").strip();
			if (content.isEmpty()) {
				continue;
			}
			for (String key : KEYS) {
				String value = meta.attr(key);
				if (!value.isEmpty()) {
					tags.contents.putIfAbsent(key + "=" + value.strip().toLowerCase(Locale.ROOT), content);
				}
			}
		}
		return tags;
	}

	/** The content of the first meta tag with {@code attribute=value}, or null. */
	String get(String attribute, String value) {
		return contents.get(attribute + "=" + value.toLowerCase(Locale.ROOT));
	}

	/** {@link #get} of the first {@code attribute=value} pair given that the page has. */
	String first(String... attributeValuePairs) {
		for (int i = 0; i + 1 < attributeValuePairs.length; i += 2) {
			String content = get(attributeValuePairs[i], attributeValuePairs[i + 1]);
			if (content != null) {
				return content;
			}
		}
		return null;
	}

}
