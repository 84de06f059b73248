package org.newswire.enrich.pipeline;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Page metadata made fit for the event: a site name as one line of plain text, a lead image as an
 * absolute http(s) URL (resolved against the page's URL; {@code javascript:}, {@code data:} and other
 * schemes are dropped), so readers can show and link them without further checks.
 */
final class PageFields {

	static final int MAX_SITE_NAME = 200;

	static final int MAX_URL = 2048;

	private PageFields() {
	}

	static String siteName(String name) {
		if (name == null) {
			return null;
		}
		String clean = name.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
		if (clean.isEmpty()) {
			return null;
		}
		if (clean.length() <= MAX_SITE_NAME) {
			return clean;
		}
		int end = Character.isHighSurrogate(clean.charAt(MAX_SITE_NAME - 1)) ? MAX_SITE_NAME - 1 : MAX_SITE_NAME;
		return clean.substring(0, end).strip();
	}

	/** {@code image} as an absolute http(s) URL, relative ones resolved against {@code pageUrl}; else null. */
	static String leadImage(String image, String pageUrl) {
		if (image == null || image.isBlank()) {
			return null;
		}
		try {
			URI url = new URI(image.strip().replace(" ", "%20"));
			if (!url.isAbsolute()) {
				if (pageUrl == null || pageUrl.isBlank()) {
					return null;
				}
				url = new URI(pageUrl.strip()).resolve(url);
			}
			String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
			if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
				return null;
			}
			String absolute = url.toString();
			return absolute.length() <= MAX_URL ? absolute : null;
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			return null;
		}
	}

}
