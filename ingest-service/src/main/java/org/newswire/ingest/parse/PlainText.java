package org.newswire.ingest.parse;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jsoup.parser.Parser;

/**
 * Turns a feed text construct (plain text, HTML or XHTML) into plain text with collapsed whitespace.
 * Markup boundaries become spaces (so {@code <p>a</p><p>b</p>} reads "a b"); characters are kept as
 * decoded, invisible ones included (the text is what the feed says, not a cleaned-up version of it).
 */
final class PlainText {

	private static final Pattern COMMENTS_SCRIPTS_STYLES = Pattern.compile(
			"<!--.*?-->|<script\\b.*?</script\\s*>|<style\\b.*?</style\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern TAG = Pattern.compile("</?[A-Za-z][^<>]*>|<![^<>]*>|<\\?[^<>]*\\?>");

	private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2028\\u2029]+");

	private static final Pattern ENTITY = Pattern.compile("&(?:#\\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?");

	/** Summaries longer than this are cut at a word boundary: a full article in a feed is not a summary. */
	static final int MAX_SUMMARY_CHARS = 20_000;

	private PlainText() {
	}

	/** {@code type} is the construct's declared type; RSS declares none and routinely carries HTML. */
	static String of(String value, String type) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = isPlain(type) || (value.indexOf('<') < 0 && !ENTITY.matcher(value).find()) ? value : htmlText(value);
		text = SPACES.matcher(text).replaceAll(" ").strip();
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

	/**
	 * Markup to text without building a DOM (feeds carry thousands of small fragments): comments, scripts
	 * and styles dropped, every tag a space, entities decoded (twice over when the markup was escaped).
	 */
	private static String htmlText(String html) {
		String text = COMMENTS_SCRIPTS_STYLES.matcher(html).replaceAll(" ");
		text = TAG.matcher(text).replaceAll(" ");
		text = Parser.unescapeEntities(text, false);
		if (text.indexOf('<') >= 0 && TAG.matcher(text).find()) {
			text = Parser.unescapeEntities(TAG.matcher(text).replaceAll(" "), false);
		}
		return text;
	}

	private static boolean isPlain(String type) {
		if (type == null) {
			return false;
		}
		String t = type.toLowerCase(Locale.ROOT);
		return t.equals("text") || t.equals("text/plain");
	}

}
