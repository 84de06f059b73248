package org.newswire.ingest.parse;

import java.net.URI;
import java.net.URISyntaxException;

/** Turning the link text feeds carry (spaces, pipes, non-ASCII, relative forms) into URIs. */
final class LinkResolution {

	private LinkResolution() {
	}

	/** Parses a possibly sloppy URI reference; null when it is not one even after escaping. */
	static URI parse(String link) {
		if (link == null || link.isBlank()) {
			return null;
		}
		String trimmed = link.strip();
		try {
			return new URI(trimmed);
		}
		catch (URISyntaxException ex) {
			StringBuilder escaped = new StringBuilder(trimmed.length() + 16);
			for (char c : trimmed.toCharArray()) {
				if (c == ' ' || c == '|' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`'
						|| c == '{' || c == '}') {
					escaped.append('%').append(String.format("%02X", (int) c));
				}
				else if (c > 0x20) {
					escaped.append(c);
				}
			}
			try {
				return new URI(escaped.toString());
			}
			catch (URISyntaxException again) {
				return null;
			}
		}
	}

	/** Resolves {@code link} against {@code base} when it is relative and the base can take it. */
	static URI resolve(URI base, String link) {
		URI uri = parse(link);
		if (uri == null || base == null || uri.isAbsolute() || base.isOpaque()) {
			return uri;
		}
		try {
			return base.resolve(uri);
		}
		catch (IllegalArgumentException ex) {
			return uri;
		}
	}

}
