package org.newswire.enrich.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokensTest {

	@Test
	void splitsOnHyphensAndPunctuationAndKeepsOriginalSpelling() {
		Tokens tokens = Tokens.of("The U.S. cease-fire, China’s BRI.");

		assertThat(tokens.originals()).containsExactly("The", "U", "S", "cease", "fire", "China’s", "BRI");
		assertThat(tokens.foldedForms()).containsExactly("the", "u", "s", "cease", "fire", "china", "bri");
	}

	@Test
	void foldsCaseAndAccents() {
		assertThat(Tokens.of("Négociations ÉTÉ Erdoğan").foldedForms()).containsExactly("negociations", "ete",
				"erdogan");
	}

	@Test
	void stemsInflectedFormsToOneStem() {
		assertThat(Tokens.stem("sanctions")).isEqualTo(Tokens.stem("sanctioned"))
			.isEqualTo(Tokens.stem("sanctioning"))
			.isEqualTo(Tokens.stem("sanction"));
		assertThat(Tokens.stem("ceasefires")).isEqualTo(Tokens.stem("ceasefire"));
		assertThat(Tokens.stem("talks")).isEqualTo(Tokens.stem("talked")).isEqualTo(Tokens.stem("talking"));
		assertThat(Tokens.stem("countries")).isEqualTo(Tokens.stem("country"));
		assertThat(Tokens.stem("us")).isEqualTo("us");
	}

	@Test
	void makesEachHanCharacterAToken() {
		assertThat(Tokens.of("一带一路倡议 BRI").originals()).containsExactly("一", "带", "一", "路", "倡", "议", "BRI");
	}

}
