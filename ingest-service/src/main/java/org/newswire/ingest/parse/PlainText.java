package org.newswire.ingest.parse;

import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns a feed text construct (plain text, HTML or XHTML) into plain text with collapsed whitespace.
 * Markup boundaries become spaces (so {@code <p>a</p><p>b</p>} reads "a b"); characters are kept as
 * decoded, invisible ones included (the text is what the feed says, not a cleaned-up version of it).
 */
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
		String text = isPlain(type) || (value.indexOf('<') < 0 && value.indexOf('&') < 0) ? value : htmlText(value);
		text = text.replaceAll("[\\s\\u00A0\\u2028\\u2029]+", " ").strip();
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

	private static String htmlText(String html) {
		Element body = Jsoup.parseBodyFragment(html).body();
		StringBuilder text = new StringBuilder(html.length());
		NodeTraversor.traverse(new NodeVisitor() {
			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode textNode) {
					text.append(textNode.getWholeText());
				}
				else if (node instanceof Element && depth > 0) {
					text.append(' ');
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (node instanceof Element && depth > 0) {
					text.append(' ');
				}
			}
		}, body);
		return text.toString();
	}

	private static boolean isPlain(String type) {
		if (type == null) {
			return false;
		}
		String t = type.toLowerCase(Locale.ROOT);
		return t.equals("text") || t.equals("text/plain");
	}

}
