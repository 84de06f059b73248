package org.newswire.enrich.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

/**
 * Detects the language of article text with Lingua (n-gram models, chosen for its accuracy on short
 * text), restricted to the languages news arrives in here so memory stays bounded: each language's
 * models load on first use. Answers an ISO 639-1 code with a confidence from 0 to 1 (the best
 * language's lead over the runner-up in Lingua's relative values); Norwegian
 * Bokmål and Nynorsk answer {@code no}, as pages declare it. Text is sampled: the first
 * {@link #SAMPLE_CHARS} characters decide, more adds cost, not accuracy.
 */
public final class LanguageDetector {

	/** Languages detected by default: the dev sets' and the desk's. */
	public static final List<String> DEFAULT_LANGUAGES = List.of("en", "fr", "de", "es", "it", "pt", "nl", "sv", "da",
			"nb", "fi", "is", "pl", "cs", "sk", "hu", "ro", "bg", "hr", "sr", "sl", "lt", "lv", "et", "el", "tr", "ru",
			"uk", "be", "ka", "hy", "az", "kk", "ar", "fa", "he", "ur", "hi", "bn", "zh", "ja", "ko", "vi", "th", "id",
			"ms", "tl", "sw", "so", "yo", "zu", "xh", "af");

	static final int SAMPLE_CHARS = 300;

	/** At or below this margin over the runner-up no language is claimed (a tie). */
	static final double MIN_CONFIDENCE = 0.01;

	/** Text at least this long may be decided by function words alone. */
	static final int FAST_PATH_CHARS = 400;

	/** The function-word answer taken without asking Lingua. */
	static final double FAST_PATH_CONFIDENCE = 0.7;

	private final com.github.pemistahl.lingua.api.LanguageDetector lingua;

	/**
	 * Languages the fast path may answer: those whose function words or script no close neighbour
	 * shares (Swedish/Norwegian/Danish, Czech/Slovak, Russian/Bulgarian, Arabic/Persian go to Lingua).
	 */
	static final java.util.Set<String> FAST_PATH_LANGUAGES = java.util.Set.of("en", "fr", "de", "es", "it", "pt",
			"nl", "ja", "ko", "zh", "el", "he", "th");

	private final FunctionWords functionWords = new FunctionWords();

	public LanguageDetector() {
		this(DEFAULT_LANGUAGES, true);
	}

	/**
	 * @param codes ISO 639-1 codes of the languages to tell apart
	 * @param lowAccuracy trigram models only: a fraction of the memory and time, as accurate on
	 * article-length text, weaker on a title alone
	 */
	public LanguageDetector(List<String> codes, boolean lowAccuracy) {
		List<IsoCode639_1> isoCodes = new ArrayList<>();
		for (String code : codes) {
			try {
				isoCodes.add(IsoCode639_1.valueOf(code.strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("Unknown or unsupported language code '" + code
						+ "' (ISO 639-1 codes Lingua knows, e.g. en, fr, nb)", ex);
			}
		}
		if (isoCodes.size() < 2) {
			throw new IllegalArgumentException("At least two languages are needed to tell them apart: " + codes);
		}
		LanguageDetectorBuilder builder = LanguageDetectorBuilder
			.fromIsoCodes639_1(isoCodes.toArray(IsoCode639_1[]::new));
		this.lingua = (lowAccuracy ? builder.withLowAccuracyMode() : builder).build();
	}

	public Optional<DetectedLanguage> detect(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		if (text.length() >= FAST_PATH_CHARS) {
			// article-length text in a language with a function-word list: the writing system or the
			// function words decide at a fraction of Lingua's cost, and were never wrong on the dev set
			Optional<DetectedLanguage> fast = functionWords.detect(text);
			if (fast.isPresent() && fast.get().confidence() >= FAST_PATH_CONFIDENCE
					&& FAST_PATH_LANGUAGES.contains(fast.get().code())) {
				return fast;
			}
		}
		String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
		if (sample.codePoints().noneMatch(Character::isLetter)) {
			return Optional.empty();
		}
		SortedMap<Language, Double> values = lingua.computeLanguageConfidenceValues(sample);
		Map.Entry<Language, Double> best = null;
		double second = 0;
		for (Map.Entry<Language, Double> entry : values.entrySet()) {
			if (best == null || entry.getValue() > best.getValue()) {
				second = best == null ? second : best.getValue();
				best = entry;
			}
			else if (entry.getValue() > second) {
				second = entry.getValue();
			}
		}
		if (best == null || best.getKey() == Language.UNKNOWN || best.getValue() <= 0) {
			return Optional.empty();
		}
		// Lingua's values are relative to the best (1.0): how far ahead of the runner-up it is is the confidence
		double confidence = (best.getValue() - second) / best.getValue();
		if (confidence < MIN_CONFIDENCE) {
			return Optional.empty();
		}
		String code = best.getKey().getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
		if (code.equals("ja") && sample.codePoints().noneMatch(LanguageDetector::isKana)) {
			// Japanese is written with kana; Han characters alone are Chinese
			code = "zh";
		}
		if (code.equals("nb") || code.equals("nn")) {
			code = "no";
		}
		return Optional.of(new DetectedLanguage(code, Math.round(confidence * 100) / 100.0));
	}

	private static boolean isKana(int codePoint) {
		Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
		return script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
	}

}
