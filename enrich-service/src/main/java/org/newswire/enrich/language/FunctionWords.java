package org.newswire.enrich.language;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.newswire.enrich.text.Tokens;

/**
 * The fast path of {@link LanguageDetector} for article-length text: the writing system decides for scripts used by one language
 * here (Han without kana is Chinese, kana Japanese, Hangul Korean, Arabic, Greek, Hebrew, Thai,
 * Devanagari Hindi; Cyrillic is Russian unless Ukrainian letters show); Latin-script text is
 * scored by how many of its words are frequent function words of one of 19 languages (English,
 * French, German, Spanish, Italian, Portuguese, Dutch, Swedish, Danish, Norwegian, Polish, Czech,
 * Turkish, Indonesian, Finnish, Romanian, Hungarian, Vietnamese). Good enough for article-length
 * text; short or mixed text gets a low confidence, a language without a list no answer.
 */
final class FunctionWords {

	/** Characters looked at; more adds cost, not accuracy. */
	static final int SAMPLE_CHARS = 6000;

	/** Function words needed before a Latin-script guess is made at all. */
	static final int MIN_HITS = 3;

	/** Share of the words that must be function words of the language guessed. */
	static final double MIN_HIT_RATE = 0.1;

	private static final Map<String, Set<String>> STOPWORDS = new LinkedHashMap<>();

	static {
		STOPWORDS.put("en", words("the and of to in is that for it was on with as are this by be at from have has not"
				+ " but which they will said were their been would its an or who"));
		STOPWORDS.put("fr", words("le la les des du et est que qui dans pour une sur pas au aux avec ce cette sont par"
				+ " plus il elle ont ete leur nous vous mais ou ses son"));
		STOPWORDS.put("de", words("der die das und ist nicht mit den dem ein eine zu von auf fur sich des im auch es sie"
				+ " wird bei nach aus wie oder werden hat sind nur noch einer"));
		STOPWORDS.put("es", words("el los las del que y en un una es por con para se no su al lo como mas pero sus fue"
				+ " ha este esta entre tambien sobre"));
		STOPWORDS.put("it", words("il lo gli di del della che e un una per con non sono nel nella al alla si da dei"
				+ " delle ha anche come piu questo"));
		STOPWORDS.put("pt", words("o os do da dos das que e um uma em no na para com nao por se mais ao foi sao como"
				+ " seu sua tambem pelo pela"));
		STOPWORDS.put("nl", words("de het een en van is dat die in op te met voor niet zijn er aan ook als bij door"
				+ " naar wordt om maar dan werd nog"));
		STOPWORDS.put("sv", words("och att det som en pa ar for med till av inte har den jag om ett de var men vid sig"
				+ " fran eller efter nar kan skulle"));
		STOPWORDS.put("da", words("og at det som en pa er for med til af ikke har den jeg om et de var men ved sig fra"
				+ " eller efter nar kan skulle blev nogle hvor"));
		STOPWORDS.put("no", words("og at det som en pa er for med til av ikke har den jeg om et de var men ved seg fra"
				+ " eller etter nar kan skulle ble noen hvor"));
		STOPWORDS.put("pl", words("i w na z do nie sie ze jest to o jak po ale od za co dla przez tak jego tym przy oraz"
				+ " ktory ktore ktora byl"));
		STOPWORDS.put("cs", words("a v se na je ze to s z do o k ale jako by pro ktery ktera byl tak jsou jeho take uz"
				+ " nebo podle pri"));
		STOPWORDS.put("tr", words("ve bir bu da de ile icin olarak gibi daha cok olan sonra kadar ama her ne mi ise"
				+ " degil"));
		STOPWORDS.put("id", words("yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke ada oleh karena"
				+ " bisa sudah kami mereka"));
		STOPWORDS.put("fi", words("ja on ei se etta oli han mutta kun niin myos tai jo ovat kuin ole mita vain joka"
				+ " nyt"));
		STOPWORDS.put("ro", words("si de la in cu pe care nu din un mai este sa pentru au ca fost sau iar dupa acest"
				+ " aceasta"));
		STOPWORDS.put("hu", words("a az es hogy nem is egy meg de van volt csak mint ez azt ami amely mar pedig lesz"
				+ " kell"));
		STOPWORDS.put("vi", words("cua va cac nhung la trong cho nay mot khong nguoi voi tai nhu cung đa đuoc nam"
				+ " khi theo"));
		STOPWORDS.put("ru", words("и в не на что с по это как к из за от о для его он но так был она же при все уже"
				+ " также или бы"));
	}

	/** The lists each function word is on, in the order of {@link #STOPWORDS}: one look-up per word. */
	private static final Map<String, List<String>> LANGUAGES_BY_WORD = new HashMap<>();

	static {
		STOPWORDS.forEach((language, words) -> words
			.forEach(word -> LANGUAGES_BY_WORD.computeIfAbsent(word, w -> new java.util.ArrayList<>()).add(language)));
	}

	enum Script {

		LATIN, CYRILLIC, HAN, KANA, HANGUL, ARABIC, GREEK, HEBREW, THAI, DEVANAGARI, OTHER

	}

	private static final Map<Script, String> SINGLE_LANGUAGE_SCRIPTS = Map.of(Script.HANGUL, "ko", Script.ARABIC, "ar",
			Script.GREEK, "el", Script.HEBREW, "he", Script.THAI, "th", Script.DEVANAGARI, "hi");

	public Optional<DetectedLanguage> detect(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
		Map<Script, Integer> scripts = countScripts(sample);
		int letters = scripts.values().stream().mapToInt(Integer::intValue).sum();
		if (letters == 0) {
			return Optional.empty();
		}
		Script main = scripts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
		int han = scripts.getOrDefault(Script.HAN, 0);
		int kana = scripts.getOrDefault(Script.KANA, 0);
		if (main == Script.HAN || main == Script.KANA) {
			boolean japanese = kana > 0.05 * (han + kana);
			return Optional.of(new DetectedLanguage(japanese ? "ja" : "zh", round((double) (han + kana) / letters)));
		}
		if (SINGLE_LANGUAGE_SCRIPTS.containsKey(main)) {
			return Optional.of(new DetectedLanguage(SINGLE_LANGUAGE_SCRIPTS.get(main),
					round((double) scripts.get(main) / letters)));
		}
		if (main == Script.CYRILLIC && ukrainianLetters(sample) > 0.005 * scripts.get(main)) {
			return Optional.of(new DetectedLanguage("uk", round((double) scripts.get(main) / letters)));
		}
		if (main != Script.LATIN && main != Script.CYRILLIC) {
			return Optional.empty();
		}
		return byFunctionWords(sample);
	}

	private Optional<DetectedLanguage> byFunctionWords(String sample) {
		List<String> words = Tokens.of(sample).foldedForms();
		Map<String, Integer> hits = new HashMap<>();
		for (String word : words) {
			List<String> languages = LANGUAGES_BY_WORD.get(word);
			if (languages != null) {
				for (String language : languages) {
					hits.merge(language, 1, Integer::sum);
				}
			}
		}
		String best = null;
		int bestHits = 0;
		int secondHits = 0;
		for (Map.Entry<String, Integer> entry : hits.entrySet()) {
			if (entry.getValue() > bestHits) {
				secondHits = bestHits;
				bestHits = entry.getValue();
				best = entry.getKey();
			}
			else if (entry.getValue() > secondHits) {
				secondHits = entry.getValue();
			}
		}
		// text in a language without a list here hits a few short words of several lists, never many
		if (best == null || bestHits < MIN_HITS || bestHits < MIN_HIT_RATE * words.size()) {
			return Optional.empty();
		}
		double margin = (double) (bestHits - secondHits) / bestHits;
		double coverage = Math.min(1.0, bestHits / 15.0);
		return Optional.of(new DetectedLanguage(best, round((0.5 + 0.5 * margin) * (0.4 + 0.6 * coverage))));
	}

	/** Letters per script (those seen), OTHER left out. */
	private static Map<Script, Integer> countScripts(String sample) {
		int[] counts = new int[Script.values().length];
		for (int i = 0; i < sample.length();) {
			int cp = sample.codePointAt(i);
			i += Character.charCount(cp);
			if (cp < 0x80) {
				// ASCII letters are Latin: spares the script look-up (a search of Unicode's ranges) for most text
				if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) {
					counts[Script.LATIN.ordinal()]++;
				}
			}
			else if (Character.isLetter(cp)) {
				counts[script(cp).ordinal()]++;
			}
		}
		Map<Script, Integer> seen = new EnumMap<>(Script.class);
		for (Script script : Script.values()) {
			if (counts[script.ordinal()] > 0 && script != Script.OTHER) {
				seen.put(script, counts[script.ordinal()]);
			}
		}
		return seen;
	}

	private static Script script(int codePoint) {
		return switch (Character.UnicodeScript.of(codePoint)) {
			case LATIN -> Script.LATIN;
			case CYRILLIC -> Script.CYRILLIC;
			case HAN -> Script.HAN;
			case HIRAGANA, KATAKANA -> Script.KANA;
			case HANGUL -> Script.HANGUL;
			case ARABIC -> Script.ARABIC;
			case GREEK -> Script.GREEK;
			case HEBREW -> Script.HEBREW;
			case THAI -> Script.THAI;
			case DEVANAGARI -> Script.DEVANAGARI;
			default -> Script.OTHER;
		};
	}

	private static long ukrainianLetters(String sample) {
		long count = 0;
		for (int i = 0; i < sample.length(); i++) {
			if ("іїєґІЇЄҐ".indexOf(sample.charAt(i)) >= 0) {
				count++;
			}
		}
		return count;
	}

	private static Set<String> words(String list) {
		return Set.of(list.split(" "));
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
