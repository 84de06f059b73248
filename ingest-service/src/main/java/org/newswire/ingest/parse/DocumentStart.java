package org.newswire.ingest.parse;

import java.util.Locale;

/**
 * What a decoded document starts with, after whitespace, stray byte-order marks, the XML declaration,
 * processing instructions and comments: enough to route it to the XML, JSON or HTML reading.
 *
 * @param at where the first markup (or JSON) starts in the text
 * @param doctypeEnd where a DOCTYPE before the root element ends (exclusive), or -1 when there is none
 */
record DocumentStart(Kind kind, String name, int at, int doctypeStart, int doctypeEnd, boolean internalSubset) {

	enum Kind {

		EMPTY, HTML, XML, JSON, NOT_MARKUP

	}

	static DocumentStart of(String text) {
		int i = 0;
		int doctypeStart = -1;
		int doctypeEnd = -1;
		boolean subset = false;
		int first = -1;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c) || c == '\uFEFF' || c == '\0' || c == '\uFFFD' || Character.isISOControl(c)) {
				i++;
			}
			else if (text.startsWith("<?", i)) {
				first = first < 0 ? i : first;
				i = skipPast(text, i, "?>");
			}
			else if (text.startsWith("<!--", i)) {
				first = first < 0 ? i : first;
				i = skipPast(text, i, "-->");
			}
			else if (text.regionMatches(true, i, "<!doctype", 0, 9)) {
				first = first < 0 ? i : first;
				doctypeStart = i;
				doctypeEnd = doctypeEnd(text, i);
				subset = text.substring(i, doctypeEnd).indexOf('[') >= 0;
				String name = nameAt(text, i + 9);
				if (name.equals("html")) {
					return new DocumentStart(Kind.HTML, name, first, doctypeStart, doctypeEnd, subset);
				}
				i = doctypeEnd;
			}
			else {
				break;
			}
		}
		if (i >= text.length()) {
			return new DocumentStart(Kind.EMPTY, null, -1, doctypeStart, doctypeEnd, subset);
		}
		first = first < 0 ? i : first;
		char c = text.charAt(i);
		if (c == '{' || c == '[') {
			return new DocumentStart(Kind.JSON, null, i, -1, -1, false);
		}
		if (c != '<') {
			return new DocumentStart(Kind.NOT_MARKUP, text.substring(i, Math.min(text.length(), i + 20)).strip(), i,
					doctypeStart, doctypeEnd, subset);
		}
		String name = nameAt(text, i + 1);
		Kind kind = name.equals("html") || name.equals("head") || name.equals("body") ? Kind.HTML : Kind.XML;
		return new DocumentStart(kind, name, first, doctypeStart, doctypeEnd, subset);
	}

	boolean hasDoctype() {
		return doctypeStart >= 0;
	}

	/** The end of a DOCTYPE declaration, skipping an internal subset in brackets. */
	private static int doctypeEnd(String text, int from) {
		int depth = 0;
		char quote = 0;
		for (int i = from + 2; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
			}
			else if (c == '"' || c == '\'') {
				quote = c;
			}
			else if (c == '[') {
				depth++;
			}
			else if (c == ']') {
				depth--;
			}
			else if (c == '>' && depth <= 0) {
				return i + 1;
			}
		}
		return text.length();
	}

	private static int skipPast(String text, int from, String end) {
		int at = text.indexOf(end, from);
		return at < 0 ? text.length() : at + end.length();
	}

	private static String nameAt(String text, int from) {
		int i = from;
		while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
			i++;
		}
		int start = i;
		while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "<>/[\"'".indexOf(text.charAt(i)) < 0) {
			i++;
		}
		return text.substring(start, i).toLowerCase(Locale.ROOT);
	}

}
