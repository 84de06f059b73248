package org.newswire.ingest.parse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a document starts with, after any byte-order mark, whitespace, XML declaration, processing
 * instructions and comments. Enough to tell an HTML page or a JSON body from XML before handing it to
 * the XML parser, and to name the root element when the parser does not recognise it.
 */
record DocumentStart(Kind kind, String name) {

	enum Kind {

		EMPTY, HTML, DOCTYPE, ELEMENT, NOT_MARKUP

	}

	private static final int PREFIX_BYTES = 8192;

	static DocumentStart of(byte[] body) {
		String text = prefix(body);
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c) || c == '\uFEFF' || c == '\0') {
				i++;
			}
			else if (text.startsWith("<?", i)) {
				i = skipPast(text, i, "?>");
			}
			else if (text.startsWith("<!--", i)) {
				i = skipPast(text, i, "-->");
			}
			else {
				break;
			}
		}
		if (i >= text.length()) {
			return new DocumentStart(Kind.EMPTY, null);
		}
		if (text.charAt(i) != '<') {
			return new DocumentStart(Kind.NOT_MARKUP, text.substring(i, Math.min(text.length(), i + 20)).strip());
		}
		String rest = text.substring(i + 1);
		if (rest.regionMatches(true, 0, "!doctype", 0, 8)) {
			String name = nameAt(rest, 8);
			return new DocumentStart("html".equalsIgnoreCase(name) ? Kind.HTML : Kind.DOCTYPE, name);
		}
		String name = nameAt(rest, 0);
		if ("html".equalsIgnoreCase(name)) {
			return new DocumentStart(Kind.HTML, name);
		}
		return new DocumentStart(Kind.ELEMENT, name);
	}

	private static String prefix(byte[] body) {
		int length = Math.min(body.length, PREFIX_BYTES);
		Charset charset = StandardCharsets.ISO_8859_1;
		if (length >= 2 && ((body[0] == (byte) 0xFE && body[1] == (byte) 0xFF)
				|| (body[0] == (byte) 0xFF && body[1] == (byte) 0xFE))) {
			charset = StandardCharsets.UTF_16;
		}
		else if (length >= 2 && body[0] == 0 && body[1] == '<') {
			charset = StandardCharsets.UTF_16BE;
		}
		else if (length >= 2 && body[0] == '<' && body[1] == 0) {
			charset = StandardCharsets.UTF_16LE;
		}
		else if (length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF) {
			return new String(body, 3, length - 3, StandardCharsets.ISO_8859_1);
		}
		return new String(body, 0, length, charset);
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
