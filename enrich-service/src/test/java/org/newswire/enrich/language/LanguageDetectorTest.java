package org.newswire.enrich.language;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageDetectorTest {

	private final LanguageDetector detector = new LanguageDetector();

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void detectsTheLanguageOfANewsSentence(String expected, String text) {
		DetectedLanguage detected = detector.detect(text).orElseThrow();

		assertThat(detected.code()).isEqualTo(expected);
		assertThat(detected.confidence()).isBetween(0.3, 1.0);
	}

	@Test
	void givesNoAnswerForTextWithoutWords() {
		assertThat(detector.detect("")).isEmpty();
		assertThat(detector.detect("12 345 — 2025-08-21")).isEmpty();
		assertThat(detector.detect(null)).isEmpty();
	}

	@Test
	void givesNoAnswerForALanguageItHasNoWordsFor() {
		String swahili = "Serikali ilisema Jumatatu kwamba mazungumzo na upinzani yataanza tena wiki ijayo, baada ya "
				+ "mapumziko ya karibu miezi miwili yaliyozua hofu ya machafuko mapya katika mji mkuu.";

		assertThat(detector.detect(swahili)).isEmpty();
	}

	@Test
	void isMoreConfidentWithMoreText() {
		String sentence = "The talks will resume next week, officials said, and both sides have agreed to meet. ";

		double shortText = detector.detect("Officials said the talks were over.").orElseThrow().confidence();
		double longText = detector.detect(sentence.repeat(5)).orElseThrow().confidence();

		assertThat(longText).isGreaterThan(shortText);
	}

	static List<Object[]> samples() throws IOException {
		try (InputStream in = LanguageDetectorTest.class.getResourceAsStream("/language/samples.tsv")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter(line -> !line.isBlank())
				.map(line -> line.split("\t", 2))
				.map(parts -> new Object[] { parts[0], parts[1] })
				.toList();
		}
	}

}
