package org.newswire.enrich.page;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides the charset of an HTML page: a byte-order mark first, then a {@code <meta>} declaration
 * in the first bytes, then the HTTP header, then UTF-8. The choice is checked by decoding: a page
 * that claims UTF-8 but is not valid UTF-8 is read as windows-1252. Labels follow browsers
 * (ISO-8859-1 and ASCII mean windows-1252, GB2312 means GBK).
 */
final class PageDecoder {

	/** How far into the page a {@code <meta charset>} is looked for. */
	static final int META_SCAN_BYTES = 4096;

	private static final Pattern META_CHARSET = Pattern.compile(
			"<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

	private static final Map<String, String> BROWSER_LABELS = Map.of("iso-8859-1", "windows-1252", "latin1",
			"windows-1252", "us-ascii", "windows-1252", "ascii", "windows-1252", "gb2312", "GBK", "x-gbk", "GBK",
			"shift-jis", "Shift_JIS", "utf8", "UTF-8");

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private PageDecoder() {
	}

	static Charset charset(byte[] body, Charset declaredByHeader) {
		Charset bom = byteOrderMark(body);
		if (bom != null) {
			return bom;
		}
		Charset chosen = metaCharset(body);
		if (chosen == null) {
			chosen = declaredByHeader != null ? byLabel(declaredByHeader.name()) : StandardCharsets.UTF_8;
		}
		if (chosen == null) {
			chosen = StandardCharsets.UTF_8;
		}
		if (chosen.equals(StandardCharsets.UTF_8) && !validUtf8(body)) {
			return WINDOWS_1252;
		}
		return chosen;
	}

	static Charset byteOrderMark(byte[] body) {
		if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
			return StandardCharsets.UTF_8;
		}
		if (body.length >= 2 && (body[0] & 0xff) == 0xFE && (body[1] & 0xff) == 0xFF) {
			return StandardCharsets.UTF_16BE;
		}
		if (body.length >= 2 && (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xFE) {
			return StandardCharsets.UTF_16LE;
		}
		return null;
	}

	private static Charset metaCharset(byte[] body) {
		String head = new String(body, 0, Math.min(body.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
		Matcher matcher = META_CHARSET.matcher(head);
		return matcher.find() ? byLabel(matcher.group(1)) : null;
	}

	static Charset byLabel(String label) {
		String normalized = label.strip().toLowerCase(Locale.ROOT);
		String name = BROWSER_LABELS.getOrDefault(normalized, normalized);
		try {
			Charset charset = Charset.forName(name);
			// a page cannot be UTF-16 without a BOM in practice; such a meta is a copy-paste error
			return charset.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : charset;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** Well-formed UTF-8 (no decoding, no allocation: pages are large and this runs on every one). */
	static boolean validUtf8(byte[] body) {
		int i = 0;
		int n = body.length;
		while (i < n) {
			int b = body[i] & 0xff;
			if (b < 0x80) {
				i++;
				continue;
			}
			int continuation;
			int min;
			if (b >= 0xC2 && b <= 0xDF) {
				continuation = 1;
				min = 0x80;
			}
			else if (b >= 0xE0 && b <= 0xEF) {
				continuation = 2;
				min = 0x800;
			}
			else if (b >= 0xF0 && b <= 0xF4) {
				continuation = 3;
				min = 0x10000;
			}
			else {
				return false;
			}
			if (i + continuation >= n) {
				return false;
			}
			int codePoint = b & (0x3F >> continuation);
			for (int k = 1; k <= continuation; k++) {
				int c = body[i + k] & 0xff;
				if ((c & 0xC0) != 0x80) {
					return false;
				}
				codePoint = (codePoint << 6) | (c & 0x3F);
			}
			if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
				return false;
			}
			i += continuation + 1;
		}
		return true;
	}

}
