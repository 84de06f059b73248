package org.newswire.enrich.extract;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jsoup.nodes.Document;

/**
 * What a page says about its article, from structured data (JSON-LD, OpenGraph, meta, {@code <time>})
 * where present and sound, else from the page itself; null (or empty) where it says nothing.
 * {@code publishedFrom} names the source of the date ({@code json-ld}, {@code meta}, {@code time},
 * {@code url}); {@code language} is the page's declared language (ISO 639-1, often a CMS default);
 * {@code articleBody} is the JSON-LD article body, for when the page's own text cannot be found.
 * {@code siteName} is one line of plain text (at most 200 characters); {@code leadImage} an absolute
 * http(s) URL resolved against the page's location (anything else is dropped), so both can go on
 * the event as they are.
 */
public record PageMetadata(String title, List<String> authors, Instant publishedAt, String publishedFrom,
		String canonicalUrl, String siteName, String leadImage, String language, String articleBody) {

	public PageMetadata {
		authors = authors == null ? List.of() : List.copyOf(authors);
	}

	public static final PageMetadata NONE = new PageMetadata(null, List.of(), null, null, null, null, null, null,
			null);

	/** A date as pages write it (ISO 8601 with or without offset or time, RFC 1123); null when unreadable. */
	public static Instant parseDate(String value) {
		return MetadataReader.parseDate(value);
	}

	/** "Headline | Site" and "Headline - Section | Site" become "Headline" (a short or the named site's part goes). */
	public static String withoutSiteName(String title, String siteName) {
		return title == null ? null : Headline.withoutSiteName(title, siteName);
	}

	/** Reads the metadata of a parsed page; {@code clock} bounds plausible dates (up to now + 1 day). */
	public static PageMetadata of(Document document, Clock clock) {
		return new MetadataReader(document, clock).read();
	}

}
