package org.newswire.enrich.fingerprint;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.newswire.enrich.text.Tokens;

/**
 * A 64-bit SimHash over word shingles, written as 16 hex digits: texts that share most of their
 * shingles (one wire story on two sites with different clutter) get fingerprints a few bits apart,
 * unrelated texts about 32 bits apart. Compare with {@link #distance(String, String)}.
 */
public final class SimHash {

	/** Words per shingle. */
	static final int SHINGLE = 3;

	private SimHash() {
	}

	public static String of(String text) {
		return of(Tokens.of(text));
	}

	/** As {@link #of(String)}, on text already split into tokens. */
	public static String of(Tokens tokens) {
		List<String> words = tokens.foldedForms();
		int[] votes = new int[64];
		if (words.size() < SHINGLE) {
			if (words.isEmpty()) {
				return hex(0);
			}
			add(votes, hash(String.join(" ", words)));
		}
		else {
			StringBuilder shingle = new StringBuilder();
			for (int i = 0; i + SHINGLE <= words.size(); i++) {
				shingle.setLength(0);
				for (int j = i; j < i + SHINGLE; j++) {
					shingle.append(words.get(j)).append(' ');
				}
				add(votes, hash(shingle.toString()));
			}
		}
		long fingerprint = 0;
		for (int bit = 0; bit < 64; bit++) {
			if (votes[bit] > 0) {
				fingerprint |= 1L << bit;
			}
		}
		return hex(fingerprint);
	}

	/** Number of differing bits between two fingerprints made by {@link #of(String)}. */
	public static int distance(String a, String b) {
		return Long.bitCount(Long.parseUnsignedLong(a, 16) ^ Long.parseUnsignedLong(b, 16));
	}

	private static void add(int[] votes, long hash) {
		for (int bit = 0; bit < 64; bit++) {
			votes[bit] += ((hash >>> bit) & 1L) != 0 ? 1 : -1;
		}
	}

	/** FNV-1a 64 over UTF-8, then a final avalanche (MurmurHash3 fmix64) so every bit is well mixed. */
	static long hash(String value) {
		long h = 0xcbf29ce484222325L;
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			h ^= b & 0xff;
			h *= 0x100000001b3L;
		}
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= h >>> 33;
		return h;
	}

	private static String hex(long value) {
		return String.format("%016x", value);
	}

}
