package org.newswire.ingest.parse;

import java.util.Locale;

import org.jsoup.Jsoup;

/** Turns a feed text construct (plain text, HTML or XHTML) into plain text with collapsed whitespace. */
final class PlainText {

	/** Summaries longer than this are cut at a word boundary: a full article in a feed is not a summary. */
	static final int MAX_SUMMARY_CHARS = 20_000;

	private PlainText() {
	}

	/** {@code type} is the construct's declared type; RSS declares none and routinely carries HTML. */
	static String of(String value, String type) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = isPlain(type) ? value : Jsoup.parseBodyFragment(value).text();
		text = text.replaceAll("[\\s\\u00A0]+", " ").strip();
		return text.isEmpty() ? null : text;
	}

	static String summary(String value, String type) {
		String text = of(value, type);
		if (text == null || text.length() <= MAX_SUMMARY_CHARS) {
			return text;
		}
		int cut = text.lastIndexOf(' ', MAX_SUMMARY_CHARS);
		return text.substring(0, cut > MAX_SUMMARY_CHARS / 2 ? cut : MAX_SUMMARY_CHARS) + " …";
	}

	private static boolean isPlain(String type) {
		if (type == null) {
			return false;
		}
		String t = type.toLowerCase(Locale.ROOT);
		return t.equals("text") || t.equals("text/plain");
	}

}
