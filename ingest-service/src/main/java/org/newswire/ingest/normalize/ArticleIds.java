package org.newswire.ingest.normalize;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable ids: the first 128 bits of SHA-256, as 32 lower-case hex characters. */
public final class ArticleIds {

	private ArticleIds() {
	}

	/** The article id of a canonical URL (see {@link CanonicalUrl}): the same story from two feeds is one article. */
	public static String of(String canonicalUrl) {
		return hash(canonicalUrl);
	}

	/** The feed id of a feed URL, hashed in canonical form so trivially different spellings are one feed. */
	public static String feedId(URI feedUrl) {
		return hash(CanonicalUrl.of(feedUrl));
	}

	private static String hash(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}
