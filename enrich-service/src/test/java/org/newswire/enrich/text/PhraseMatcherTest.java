package org.newswire.enrich.text;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.newswire.enrich.text.PhraseMatcher.Match;

import static org.assertj.core.api.Assertions.assertThat;

class PhraseMatcherTest {

	private static List<String> words(String text) {
		return List.of(text.split(" "));
	}

	@Test
	void findsEveryPhraseIncludingOverlappingAndNestedOnes() {
		PhraseMatcher<String> matcher = PhraseMatcher.<String>builder()
			.add(words("belt and road"), "bar")
			.add(words("belt and road initiative"), "bri")
			.add(words("road"), "road")
			.add(words("and road"), "and-road")
			.build();

		List<Match<String>> matches = matcher.findAll(words("the belt and road initiative and road works"));

		assertThat(matches).extracting(Match::payload, Match::start, Match::end)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("bar", 1, 4),
					org.assertj.core.groups.Tuple.tuple("and-road", 2, 4), org.assertj.core.groups.Tuple.tuple("road", 3, 4),
					org.assertj.core.groups.Tuple.tuple("bri", 1, 5), org.assertj.core.groups.Tuple.tuple("and-road", 5, 7),
					org.assertj.core.groups.Tuple.tuple("road", 6, 7));
	}

	@Test
	void followsFailureLinksAfterAPartialMatch() {
		PhraseMatcher<String> matcher = PhraseMatcher.<String>builder()
			.add(words("peace talks resume"), "long")
			.add(words("talks collapse"), "collapse")
			.build();

		List<Match<String>> matches = matcher.findAll(words("peace talks collapse again"));

		assertThat(matches).extracting(Match::payload).containsExactly("collapse");
		assertThat(matches.get(0).start()).isEqualTo(1);
	}

	@Test
	void unknownTokensResetTheScan() {
		PhraseMatcher<String> matcher = PhraseMatcher.<String>builder().add(words("peace talks"), "pt").build();

		assertThat(matcher.findAll(words("peace of talks"))).isEmpty();
		assertThat(matcher.findAll(words("peace peace talks"))).hasSize(1);
	}

	@Test
	void keepsTheLongestOfOverlappingMatches() {
		PhraseMatcher<String> matcher = PhraseMatcher.<String>builder()
			.add(words("xi"), "short")
			.add(words("xi jinping"), "long")
			.add(words("jinping said"), "other")
			.build();

		List<Match<String>> kept = PhraseMatcher
			.longestNonOverlapping(matcher.findAll(words("president xi jinping said xi")));

		assertThat(kept).extracting(Match::payload).containsExactly("long", "short");
	}

	@Test
	void ignoresEmptyPhrases() {
		PhraseMatcher<String> matcher = PhraseMatcher.<String>builder().add(List.of(), "empty").build();

		assertThat(matcher.phraseCount()).isZero();
		assertThat(matcher.findAll(words("anything at all"))).isEmpty();
	}

}
