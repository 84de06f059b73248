package org.newswire.ingest.parse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A feed body turned into text. The charset is chosen like lenient feed readers do: a byte-order mark
 * wins; then the XML declaration's encoding if the bytes decode cleanly with it; then the HTTP header's;
 * then UTF-8 if the bytes are valid UTF-8; else windows-1252 (the superset of ISO-8859-1 that
 * mislabelled Western feeds really use). UTF-16 without a mark is recognised by its zero bytes. A
 * gzip-compressed body (a file, or a server compressing twice) is inflated up to a bound. Every
 * deviation from a clean, correctly declared document is recorded in {@code repairs}.
 */
record FeedText(String text, Charset charset, List<String> repairs) {

	private static final Pattern DECLARED = Pattern
		.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:\\-]+)[\"']");

	static FeedText decode(byte[] body, Charset headerCharset, long maxInflatedBytes, List<String> repairs)
			throws MalformedFeedException {
		byte[] bytes = body;
		if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B) {
			bytes = gunzip(bytes, maxInflatedBytes);
			repairs.add("gzip-compressed body inflated");
		}
		int offset = 0;
		Charset charset = null;
		if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
			charset = StandardCharsets.UTF_8;
			offset = 3;
		}
		else if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
			charset = Charset.forName("UTF-32BE");
			offset = 4;
		}
		else if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
			charset = Charset.forName("UTF-32LE");
			offset = 4;
		}
		else if (startsWith(bytes, 0xFE, 0xFF)) {
			charset = StandardCharsets.UTF_16BE;
			offset = 2;
		}
		else if (startsWith(bytes, 0xFF, 0xFE)) {
			charset = StandardCharsets.UTF_16LE;
			offset = 2;
		}
		if (charset != null) {
			return new FeedText(lenientDecode(bytes, offset, charset), charset, repairs);
		}
		Charset sixteen = utf16WithoutMark(bytes);
		if (sixteen != null) {
			repairs.add("UTF-16 without byte-order mark");
			return new FeedText(lenientDecode(bytes, 0, sixteen), sixteen, repairs);
		}
		Charset declared = declared(bytes);
		if (declared != null && isSixteenOrWide(declared)) {
			repairs.add("declares " + declared.name() + " but is single-byte text");
			declared = null;
		}
		if (declared != null) {
			String text = strictDecode(bytes, declared);
			if (text != null && !(isSingleByte(declared) && looksLikeUtf8(bytes))) {
				return new FeedText(text, declared, repairs);
			}
			repairs.add("declares " + declared.name() + " but is not");
		}
		if (headerCharset != null && !isSixteenOrWide(headerCharset)) {
			String text = strictDecode(bytes, headerCharset);
			if (text != null && !(isSingleByte(headerCharset) && looksLikeUtf8(bytes))) {
				return new FeedText(text, headerCharset, repairs);
			}
		}
		String utf8 = strictDecode(bytes, StandardCharsets.UTF_8);
		if (utf8 != null) {
			return new FeedText(utf8, StandardCharsets.UTF_8, repairs);
		}
		if (mostlyUtf8(bytes)) {
			repairs.add("invalid UTF-8 sequences replaced");
			return new FeedText(lenientDecode(bytes, 0, StandardCharsets.UTF_8), StandardCharsets.UTF_8, repairs);
		}
		Charset western = Charset.forName("windows-1252");
		repairs.add("undeclared non-UTF-8 bytes read as windows-1252");
		return new FeedText(lenientDecode(bytes, 0, western), western, repairs);
	}

	private static byte[] gunzip(byte[] bytes, long max) throws MalformedFeedException {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
			ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
			byte[] buffer = new byte[16384];
			int n;
			while ((n = in.read(buffer)) > 0) {
				if (out.size() + n > max) {
					throw new MalformedFeedException("gzip-compressed body inflates beyond " + max + " bytes", null);
				}
				out.write(buffer, 0, n);
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new MalformedFeedException("broken gzip-compressed body: " + ex.getMessage(), ex);
		}
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	/** Markup in UTF-16 without a mark: every other byte of the first characters is zero. */
	private static Charset utf16WithoutMark(byte[] bytes) {
		int n = Math.min(bytes.length, 64) & ~1;
		if (n < 8) {
			return null;
		}
		int evenZeros = 0;
		int oddZeros = 0;
		for (int i = 0; i < n; i += 2) {
			if (bytes[i] == 0) {
				evenZeros++;
			}
			if (bytes[i + 1] == 0) {
				oddZeros++;
			}
		}
		int pairs = n / 2;
		if (evenZeros * 10 >= pairs * 8 && oddZeros == 0) {
			return StandardCharsets.UTF_16BE;
		}
		if (oddZeros * 10 >= pairs * 8 && evenZeros == 0) {
			return StandardCharsets.UTF_16LE;
		}
		return null;
	}

	private static Charset declared(byte[] bytes) {
		String head = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.ISO_8859_1);
		Matcher m = DECLARED.matcher(head);
		if (!m.find()) {
			return null;
		}
		String name = m.group(1).toLowerCase(Locale.ROOT);
		if (name.equals("iso-8859-1") || name.equals("latin1") || name.equals("latin-1") || name.equals("us-ascii")
				|| name.equals("ascii")) {
			// what Western publishers declaring Latin-1 actually send (browsers read it so, too)
			return Charset.forName("windows-1252");
		}
		if (name.equals("gb2312") || name.equals("gbk")) {
			return Charset.forName("GB18030");
		}
		try {
			return Charset.forName(name);
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			return null;
		}
	}

	private static boolean isSixteenOrWide(Charset charset) {
		String name = charset.name().toUpperCase(Locale.ROOT);
		return name.startsWith("UTF-16") || name.startsWith("UTF-32");
	}

	private static boolean isSingleByte(Charset charset) {
		return charset.newEncoder().maxBytesPerChar() <= 1.0f;
	}

	/** Valid UTF-8 with multi-byte sequences: a single-byte declaration on it is wrong. */
	private static boolean looksLikeUtf8(byte[] bytes) {
		boolean multiByte = false;
		for (byte b : bytes) {
			if (b < 0) {
				multiByte = true;
				break;
			}
		}
		return multiByte && strictDecode(bytes, StandardCharsets.UTF_8) != null;
	}

	/** UTF-8 with a few broken sequences, rather than another charset: more valid sequences than invalid ones. */
	private static boolean mostlyUtf8(byte[] bytes) {
		int valid = 0;
		int invalid = 0;
		int i = 0;
		while (i < bytes.length) {
			int b = bytes[i] & 0xFF;
			int length = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
			if (length == 1) {
				i++;
				continue;
			}
			boolean ok = length > 0 && i + length <= bytes.length;
			for (int k = 1; ok && k < length; k++) {
				ok = (bytes[i + k] & 0xC0) == 0x80;
			}
			if (ok) {
				valid++;
				i += length;
			}
			else {
				invalid++;
				i++;
			}
		}
		return valid > invalid * 2;
	}

	private static String strictDecode(byte[] bytes, Charset charset) {
		try {
			return charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private static String lenientDecode(byte[] bytes, int offset, Charset charset) {
		CharBuffer chars;
		try {
			chars = charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPLACE)
				.onUnmappableCharacter(CodingErrorAction.REPLACE)
				.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
		}
		catch (CharacterCodingException ex) {
			throw new IllegalStateException("a replacing decoder does not fail", ex);
		}
		return chars.toString();
	}

}
