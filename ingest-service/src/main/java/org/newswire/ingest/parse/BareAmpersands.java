package org.newswire.ingest.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escapes ampersands that do not start a complete character or entity reference ({@code a=1&b=2} in a
 * link), outside CDATA sections and comments. Without it the lenient parser would read HTML's legacy
 * semicolon-less entities into them: {@code &region=eu} would become {@code ®ion=eu}.
 */
final class BareAmpersands {

	private static final Pattern REFERENCE = Pattern.compile("&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)");

	private BareAmpersands() {
	}

	static String escape(String xml) {
		if (xml.indexOf('&') < 0) {
			return xml;
		}
		StringBuilder out = new StringBuilder(xml.length() + 64);
		Matcher reference = REFERENCE.matcher(xml);
		int i = 0;
		int length = xml.length();
		while (i < length) {
			char c = xml.charAt(i);
			if (c == '<' && xml.startsWith("<![CDATA[", i)) {
				i = copyThrough(xml, i, "]]>", out);
			}
			else if (c == '<' && xml.startsWith("<!--", i)) {
				i = copyThrough(xml, i, "-->", out);
			}
			else if (c == '&') {
				reference.region(i, length);
				out.append(reference.lookingAt() ? "&" : "&amp;");
				i++;
			}
			else {
				out.append(c);
				i++;
			}
		}
		return out.toString();
	}

	private static int copyThrough(String xml, int from, String end, StringBuilder out) {
		int at = xml.indexOf(end, from);
		int to = at < 0 ? xml.length() : at + end.length();
		out.append(xml, from, to);
		return to;
	}

}
