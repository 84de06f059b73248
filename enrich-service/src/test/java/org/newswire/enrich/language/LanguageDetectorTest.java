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

	// one detector for the class: loading models is the slow part
	private static final LanguageDetector detector = new LanguageDetector(LanguageDetector.DEFAULT_LANGUAGES, true);

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void detectsTheLanguageOfANewsSentence(String expected, String text) {
		DetectedLanguage detected = detector.detect(text).orElseThrow();

		assertThat(detected.code()).isEqualTo(expected);
		assertThat(detected.confidence()).isBetween(0.01, 1.0);
	}

	@Test
	void givesNoAnswerForTextWithoutWords() {
		assertThat(detector.detect("")).isEmpty();
		assertThat(detector.detect("12 345 — 2025-08-21")).isEmpty();
		assertThat(detector.detect(null)).isEmpty();
	}

	@Test
	void tellsLanguagesWithoutFunctionWordListsApart() {
		String swahili = "Serikali ilisema Jumatatu kwamba mazungumzo na upinzani yataanza tena wiki ijayo, baada ya "
				+ "mapumziko ya karibu miezi miwili yaliyozua hofu ya machafuko mapya katika mji mkuu.";

		assertThat(detector.detect(swahili).map(DetectedLanguage::code)).contains("sw");
	}

	@Test
	void readsHanWithoutKanaAsChineseAndNorwegianAsNo() {
		assertThat(detector.detect("新华社北京4月24日电 习近平主席向首届中国拉美和加勒比国家航天合作论坛致贺信").map(DetectedLanguage::code))
			.contains("zh");
		assertThat(detector.detect("Regjeringen sa mandag at samtalene med opposisjonen skal gjenopptas neste uke, "
				+ "etter en pause på nesten to måneder.").map(DetectedLanguage::code)).contains("no");
	}

	@Test
	void detectsTheLanguageOfAHeadlineAlone() {
		assertThat(detector.detect("Waffenruhe im Gazastreifen hält an").map(DetectedLanguage::code)).contains("de");
		assertThat(detector.detect("Le cessez-le-feu tient toujours à Gaza").map(DetectedLanguage::code)).contains("fr");
	}

	@Test
	void refusesAnUnknownLanguageCode() {
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> new LanguageDetector(java.util.List.of("en", "klingon"), true))
			.hasMessageContaining("klingon");
	}

	@Test
	void isLessConfidentAboutANameThanAboutASentence() {
		String sentence = "The talks will resume next week, officials said, and both sides have agreed to meet. ";

		double shortText = detector.detect("Real Madrid").map(DetectedLanguage::confidence).orElse(0.0);
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
