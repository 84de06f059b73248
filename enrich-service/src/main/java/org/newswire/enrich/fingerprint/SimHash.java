package org.newswire.enrich.fingerprint;

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
		Votes votes = new Votes();
		if (words.size() < SHINGLE) {
			if (words.isEmpty()) {
				return hex(0);
			}
			long h = FNV_OFFSET;
			for (int j = 0; j < words.size(); j++) {
				h = j == 0 ? h : fnv(h, ' ');
				h = fnv(h, words.get(j));
			}
			votes.add(mix(h));
		}
		else {
			// the hash of the shingle "w1 w2 w3 " without building it
			for (int i = 0; i + SHINGLE <= words.size(); i++) {
				long h = FNV_OFFSET;
				for (int j = i; j < i + SHINGLE; j++) {
					h = fnv(fnv(h, words.get(j)), ' ');
				}
				votes.add(mix(h));
			}
		}
		return hex(votes.majority());
	}

	/** Number of differing bits between two fingerprints made by {@link #of(String)}. */
	public static int distance(String a, String b) {
		return Long.bitCount(Long.parseUnsignedLong(a, 16) ^ Long.parseUnsignedLong(b, 16));
	}

	/**
	 * For each of the 64 bits, how many hashes had it set, kept as 64 counters side by side in bit
	 * planes (plane j holds bit j of every counter): adding a hash is a carry through a few planes
	 * rather than 64 separate additions.
	 */
	private static final class Votes {

		private final long[] planes = new long[32];

		private int hashes;

		void add(long hash) {
			long carry = hash;
			for (int j = 0; carry != 0; j++) {
				long overflow = planes[j] & carry;
				planes[j] ^= carry;
				carry = overflow;
			}
			hashes++;
		}

		/** The bits set in more than half of the hashes (a bit's vote: +1 where set, -1 where not, above 0). */
		long majority() {
			long majority = 0;
			for (int bit = 0; bit < 64; bit++) {
				long ones = 0;
				for (int j = 0; j < planes.length; j++) {
					ones |= ((planes[j] >>> bit) & 1L) << j;
				}
				if (2 * ones > hashes) {
					majority |= 1L << bit;
				}
			}
			return majority;
		}

	}

	private static final long FNV_OFFSET = 0xcbf29ce484222325L;

	private static final long FNV_PRIME = 0x100000001b3L;

	/** FNV-1a 64 over UTF-8, then a final avalanche (MurmurHash3 fmix64) so every bit is well mixed. */
	static long hash(String value) {
		return mix(fnv(FNV_OFFSET, value));
	}

	/** FNV-1a 64 continued over the UTF-8 bytes of {@code value}, encoded as {@code getBytes(UTF_8)} does. */
	private static long fnv(long hash, String value) {
		long h = hash;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x80) {
				h = fnv(h, c);
			}
			else if (c < 0x800) {
				h = fnv(fnv(h, 0xC0 | (c >> 6)), 0x80 | (c & 0x3F));
			}
			else if (Character.isHighSurrogate(c) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1))) {
				int cp = Character.toCodePoint(c, value.charAt(++i));
				h = fnv(fnv(fnv(fnv(h, 0xF0 | (cp >> 18)), 0x80 | ((cp >> 12) & 0x3F)), 0x80 | ((cp >> 6) & 0x3F)),
						0x80 | (cp & 0x3F));
			}
			else if (Character.isSurrogate(c)) {
				// an unpaired surrogate encodes as '?'
				h = fnv(h, '?');
			}
			else {
				h = fnv(fnv(fnv(h, 0xE0 | (c >> 12)), 0x80 | ((c >> 6) & 0x3F)), 0x80 | (c & 0x3F));
			}
		}
		return h;
	}

	private static long fnv(long hash, int octet) {
		return (hash ^ (octet & 0xff)) * FNV_PRIME;
	}

	private static long mix(long hash) {
		long h = hash;
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= h >>> 33;
		return h;
	}

	private static String hex(long value) {
		String digits = Long.toHexString(value);
		return "0".repeat(16 - digits.length()) + digits;
	}

}
