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

	private static String resource(String name) throws IOException {
		try (InputStream in = SimHashTest.class.getResourceAsStream(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
