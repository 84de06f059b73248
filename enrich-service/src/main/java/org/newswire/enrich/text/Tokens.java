package org.newswire.enrich.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Text split into word tokens. Each token keeps its original spelling (for case-sensitive
 * matching such as acronyms), a folded form (lower case, accents removed, possessive {@code 's}
 * dropped) and a light stem of the folded form (plural, {@code -ed}, {@code -ing} and final {@code e}
 * removed), so that "Sanctions", "sanctioned" and "sanctioning" meet. Hyphens and punctuation
 * separate tokens; every CJK ideograph or kana is a token of its own.
 */
public final class Tokens {

	private final String text;

	private final List<String> original;

	private final List<String> folded;

	/** Made when first asked for: language detection and entities read folded forms only. */
	private List<String> stems;

	private final int[] starts;

	private Tokens(String text, List<String> original, int[] starts) {
		this.text = text;
		this.original = original;
		this.folded = new ArrayList<>(original.size());
		this.starts = starts;
		for (int i = 0; i < original.size(); i++) {
			String f = fold(original.get(i));
			this.folded.add(f);
		}
	}

	public static Tokens of(String text) {
		String source = text == null ? "" : text;
		List<String> words = new ArrayList<>();
		int[] starts = new int[16];
		int i = 0;
		int n = source.length();
		while (i < n) {
			int cp = source.codePointAt(i);
			int width = Character.charCount(cp);
			if (isSingleCharWord(cp)) {
				starts = withStart(starts, words.size(), i);
				words.add(source.substring(i, i + width));
				i += width;
				continue;
			}
			if (!isWordChar(cp)) {
				i += width;
				continue;
			}
			int start = i;
			int end = i;
			while (end < n) {
				int c = source.codePointAt(end);
				if (isWordChar(c) && !isSingleCharWord(c)) {
					end += Character.charCount(c);
				}
				else if (isApostrophe(c) && end + 1 < n && Character.isLetter(source.codePointAt(end + 1))
						&& end > start) {
					end += Character.charCount(c);
				}
				else {
					break;
				}
			}
			starts = withStart(starts, words.size(), start);
			words.add(source.substring(start, end));
			i = end;
		}
		return new Tokens(source, words, Arrays.copyOf(starts, words.size()));
	}

	private static int[] withStart(int[] starts, int index, int start) {
		int[] grown = index < starts.length ? starts : Arrays.copyOf(starts, starts.length * 2);
		grown[index] = start;
		return grown;
	}

	public int size() {
		return original.size();
	}

	public String original(int index) {
		return original.get(index);
	}

	public String folded(int index) {
		return folded.get(index);
	}

	public String stem(int index) {
		return stems().get(index);
	}

	/** Character offset of the token in the text it was made from. */
	public int start(int index) {
		return starts[index];
	}

	public List<String> originals() {
		return original;
	}

	public List<String> foldedForms() {
		return folded;
	}

	public List<String> stems() {
		List<String> made = stems;
		if (made == null) {
			String[] stemmed = new String[folded.size()];
			for (int i = 0; i < stemmed.length; i++) {
				stemmed[i] = stem(folded.get(i));
			}
			// immutable, so tokens shared between threads may make it twice but never see it half made
			made = List.of(stemmed);
			stems = made;
		}
		return made;
	}

	public String text() {
		return text;
	}

	/** Lower case, accents removed, possessive dropped, apostrophes removed. */
	public static String fold(String word) {
		String lower = word.toLowerCase(Locale.ROOT);
		if (lower.endsWith("'s") || lower.endsWith("\u2019s")) {
			lower = lower.substring(0, lower.length() - 2);
		}
		boolean ascii = true;
		for (int i = 0; i < lower.length(); i++) {
			char c = lower.charAt(i);
			if (c >= 0x80 || c == '\'') {
				ascii = false;
				break;
			}
		}
		if (ascii) {
			return lower;
		}
		String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFKD);
		StringBuilder out = new StringBuilder(decomposed.length());
		for (int i = 0; i < decomposed.length(); i++) {
			char c = decomposed.charAt(i);
			if (Character.getType(c) == Character.NON_SPACING_MARK || isApostrophe(c)) {
				continue;
			}
			out.append(c);
		}
		return out.toString();
	}

	/** A light English stemmer: enough to make plural, past and gerund forms meet. */
	public static String stem(String folded) {
		String s = folded;
		if (s.length() <= 3 || !isLatinWord(s)) {
			return s;
		}
		if (s.endsWith("ies") && s.length() > 4) {
			s = s.substring(0, s.length() - 3) + "y";
		}
		else if (s.endsWith("sses")) {
			s = s.substring(0, s.length() - 2);
		}
		else if (s.endsWith("s") && !s.endsWith("ss") && !s.endsWith("us") && !s.endsWith("is")) {
			s = s.substring(0, s.length() - 1);
		}
		if (s.endsWith("ing") && s.length() - 3 >= 3) {
			s = s.substring(0, s.length() - 3);
		}
		else if (s.endsWith("ed") && s.length() - 2 >= 3) {
			s = s.substring(0, s.length() - 2);
		}
		if (s.endsWith("e") && s.length() >= 4) {
			s = s.substring(0, s.length() - 1);
		}
		return s;
	}

	private static boolean isLatinWord(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c < 'a' || c > 'z') {
				return false;
			}
		}
		return true;
	}

	private static boolean isWordChar(int cp) {
		if (cp < 0x80) {
			return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
		}
		return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
				|| Character.getType(cp) == Character.COMBINING_SPACING_MARK;
	}

	private static boolean isApostrophe(int cp) {
		return cp == '\'' || cp == '\u2019';
	}

	/** CJK ideographs and kana: no spaces between words, so each character is a token. */
	static boolean isSingleCharWord(int cp) {
		if (cp < 0x2E80) {
			// below the CJK radicals no code point is Han, Hiragana or Katakana (the common case, cheaply)
			return false;
		}
		Character.UnicodeScript script = Character.UnicodeScript.of(cp);
		return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA;
	}

}
