package org.newswire.enrich.extract;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoilerplateTest {

	@Test
	void splitsClassNamesIntoWordsAtSeparatorsAndCamelCase() {
		assertThat(Boilerplate.words("shareBar sidebar-grid__content  h1Title ABCDef x9Y"))
			.containsExactly("share", "bar", "sidebar", "grid", "content", "h1title", "abcdef", "x9y");
	}

	@Test
	void handWrittenScanSplitsLikeThePatterns() {
		for (String attributes : List.of("", " ", "a", "aB", "Ab", "AB", "a1B", "newsletter-signup Modal",
				"did_you_know  cookieConsent", "--x--", "zZzZ 12 34a", "résumé-box", "İstanbul nav", "entry-content ")) {
			assertThat(Boilerplate.words(attributes)).as(attributes).isEqualTo(Boilerplate.wordsByPattern(attributes));
		}
	}

}
