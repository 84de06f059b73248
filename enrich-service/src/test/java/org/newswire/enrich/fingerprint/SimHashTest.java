package org.newswire.enrich.fingerprint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.newswire.enrich.extract.MainTextExtractor;
import org.newswire.enrich.extract.MainTextExtractorTest;

import static org.assertj.core.api.Assertions.assertThat;

class SimHashTest {

	/** Differing bits below which two texts are treated as copies of one story. */
	private static final int NEAR = 10;

	@Test
	void givesCopiesOfOneStoryWithDifferentClutterCloseFingerprints() throws IOException {
		MainTextExtractor extractor = new MainTextExtractor();
		String semantic = extractor.extract(MainTextExtractorTest.parse("seed-article-cluttered.html")).text();
		String divs = extractor.extract(MainTextExtractorTest.parse("seed-article-divs.html")).text();
		String seedWithExtras = resource("/extract/seed-article.txt")
				+ "\nRelated: EU weighs new package of measures as summit nears\nFollow us on X and Facebook\n"
				+ "© 2025 Another Syndication Partner. All rights reserved.";

		assertThat(SimHash.distance(SimHash.of(semantic), SimHash.of(divs))).isLessThanOrEqualTo(NEAR);
		assertThat(SimHash.distance(SimHash.of(semantic), SimHash.of(seedWithExtras))).isLessThanOrEqualTo(NEAR);
	}

	@Test
	void givesDifferentStoriesDistantFingerprints() throws IOException {
		String seed = resource("/extract/seed-article.txt");
		String floods = resource("/fingerprint/other-story-floods.txt");
		String rates = resource("/fingerprint/other-story-rates.txt");

		assertThat(SimHash.distance(SimHash.of(seed), SimHash.of(floods))).isGreaterThan(2 * NEAR);
		assertThat(SimHash.distance(SimHash.of(seed), SimHash.of(rates))).isGreaterThan(2 * NEAR);
		assertThat(SimHash.distance(SimHash.of(floods), SimHash.of(rates))).isGreaterThan(2 * NEAR);
	}

	@Test
	void isSixteenHexDigitsAndStable() throws IOException {
		String text = resource("/fingerprint/other-story-floods.txt");

		assertThat(SimHash.of(text)).matches("[0-9a-f]{16}").isEqualTo(SimHash.of(text));
		assertThat(SimHash.of("")).isEqualTo("0000000000000000");
		assertThat(SimHash.of("Two words")).matches("[0-9a-f]{16}");
	}

	@Test
	void ignoresCaseAndPunctuation() {
		String a = "Negotiators met in Geneva on Monday, and the talks went on late into the night.";
		String b = "NEGOTIATORS met in Geneva on Monday - and the talks went on late into the night!";

		assertThat(SimHash.of(a)).isEqualTo(SimHash.of(b));
	}

	@Test
	void hashesTheUtf8BytesOfTheText() {
		for (String text : java.util.List.of("", "ascii words ", "café crème", "日本語", "emoji \ud83d\ude00 x",
				"lone \ud800 high", "lone \udc00 low", "end \ud83d")) {
			long expected = 0xcbf29ce484222325L;
			for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
				expected = (expected ^ (b & 0xff)) * 0x100000001b3L;
			}
			expected ^= expected >>> 33;
			expected *= 0xff51afd7ed558ccdL;
			expected ^= expected >>> 33;
			expected *= 0xc4ceb9fe1a85ec53L;
			expected ^= expected >>> 33;

			assertThat(SimHash.hash(text)).as(text).isEqualTo(expected);
		}
	}

	@Test
	void fingerprintsShinglesOfThreeFoldedWordsEachFollowedByASpace() throws IOException {
		for (String text : java.util.List.of(resource("/extract/seed-article.txt"),
				resource("/fingerprint/other-story-floods.txt"), "Ünïcödé wörds über alles", "two words", "one")) {
			java.util.List<String> words = org.newswire.enrich.text.Tokens.of(text).foldedForms();
			int[] votes = new int[64];
			java.util.List<String> shingles = new java.util.ArrayList<>();
			if (words.size() < 3) {
				shingles.add(String.join(" ", words));
			}
			for (int i = 0; i + 3 <= words.size(); i++) {
				shingles.add(words.get(i) + " " + words.get(i + 1) + " " + words.get(i + 2) + " ");
			}
			for (String shingle : shingles) {
				long hash = SimHash.hash(shingle);
				for (int bit = 0; bit < 64; bit++) {
					votes[bit] += ((hash >>> bit) & 1) != 0 ? 1 : -1;
				}
			}
			long expected = 0;
			for (int bit = 0; bit < 64; bit++) {
				expected |= votes[bit] > 0 ? 1L << bit : 0;
			}

			assertThat(SimHash.of(text)).as(text).isEqualTo(String.format("%016x", expected));
		}
	}

	private static String resource(String name) throws IOException {
		try (InputStream in = SimHashTest.class.getResourceAsStream(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
