package org.newswire.enrich.topic;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.newswire.enrich.extract.MainTextExtractor;
import org.newswire.enrich.extract.MainTextExtractorTest;
import org.newswire.events.TopicMatch;
import org.newswire.events.TopicMatch.Evidence;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicTaggerTest {

	private static final TopicTagger TAGGER = new TopicTagger(
			Taxonomy.read(new ClassPathResource("taxonomy/taxonomy.yml")));

	@Test
	void tagsTheSeedArticleWithBeltAndRoadSanctionsAndPeaceTalks() throws IOException {
		String[] seed = article("/extract/seed-article.txt");

		List<TopicMatch> topics = TAGGER.tag(seed[0], seed[1]);

		assertThat(topics).extracting(TopicMatch::id).contains("belt-and-road", "sanctions", "peace-talks");
	}

	@Test
	void recordsEvidenceWithCountsAndWhereEachTermWasFirstSeen() throws IOException {
		String[] seed = article("/extract/seed-article.txt");
		String mainText = new MainTextExtractor().extract(MainTextExtractorTest.parse("seed-article-cluttered.html"))
			.text();

		TopicMatch peace = TAGGER.tag(seed[0], mainText)
			.stream()
			.filter(t -> t.id().equals("peace-talks"))
			.findFirst()
			.orElseThrow();

		assertThat(peace.label()).isEqualTo("Peace talks");
		assertThat(peace.matched()).contains(new Evidence("peace talks", 1, Evidence.TITLE));
		assertThat(peace.matched()).anySatisfy(e -> {
			assertThat(e.term()).isEqualTo("ceasefire");
			assertThat(e.firstSeenIn()).isEqualTo(Evidence.LEAD);
		});
		assertThat(peace.matched()).anySatisfy(e -> {
			assertThat(e.term()).isEqualTo("peace broker");
			assertThat(e.count()).isEqualTo(2);
			assertThat(e.firstSeenIn()).isEqualTo(Evidence.BODY);
		});
		assertThat(peace.score()).isGreaterThan(TAGGER.taxonomy().topics().get(2).threshold());
	}

	@ParameterizedTest
	@ValueSource(strings = { "board-sanctioned-plan", "fifa-sanctions", "trade-talks", "peace-of-mind",
			"silk-road-marketplace", "rust-belt", "nobel-peace-prize", "labour-mediation" })
	void doesNotFallForTraps(String trap) throws IOException {
		String[] article = article("/topic/traps/" + trap + ".txt");

		assertThat(TAGGER.tag(article[0], article[1])).extracting(TopicMatch::id)
			.doesNotContain("belt-and-road", "sanctions", "peace-talks");
	}

	@ParameterizedTest
	@CsvSource({ "cuba-embargo, sanctions", "ceasefire, peace-talks", "cpec, belt-and-road" })
	void findsTopicsNamedWithoutTheirObviousKeyword(String file, String topic) throws IOException {
		String[] article = article("/topic/positives/" + file + ".txt");

		assertThat(TAGGER.tag(article[0], article[1])).extracting(TopicMatch::id).contains(topic);
	}

	@Test
	void matchesRegardlessOfCaseAccentsHyphenationAndInflection() {
		Taxonomy taxonomy = Taxonomy.read(yaml("""
				topics:
				  - id: peace-talks
				    label: Peace talks
				    threshold: 1
				    terms: { cease-fire: 4, négociation: 4 }
				"""), "test");
		TopicTagger tagger = new TopicTagger(taxonomy);

		for (String text : List.of("A CEASEFIRE held.", "The cease fire held.", "Two cease-fires held.",
				"Les negociations ont repris.")) {
			assertThat(tagger.tag("", text)).as(text).extracting(TopicMatch::id).containsExactly("peace-talks");
		}
	}

	@Test
	void countsAcronymsOnlyAsWrittenAndWithSupportingContext() {
		Taxonomy taxonomy = Taxonomy.read(yaml("""
				topics:
				  - id: belt-and-road
				    label: Belt and Road
				    threshold: 2
				    terms: { belt and road: 4 }
				    acronyms: { BRI: 4 }
				    acronym-context: [china]
				"""), "test");
		TopicTagger tagger = new TopicTagger(taxonomy);

		assertThat(tagger.tag("", "Bank BRI posted record profits.")).isEmpty();
		assertThat(tagger.tag("", "China expands the BRI in Africa.")).extracting(TopicMatch::id)
			.containsExactly("belt-and-road");
		assertThat(tagger.tag("", "China expands the bri in Africa.")).isEmpty();
	}

	@Test
	void weighsTheTitleAboveAPassingMentionAtTheEnd() {
		Taxonomy taxonomy = Taxonomy.read(yaml("""
				topics:
				  - id: sanctions
				    label: Sanctions
				    threshold: 5
				    terms: { sanctions: 4 }
				"""), "test");
		TopicTagger tagger = new TopicTagger(taxonomy);
		String filler = "The weather was mild and the markets were calm all week. ".repeat(60);

		assertThat(tagger.tag("New sanctions on Iran", filler)).extracting(TopicMatch::id).containsExactly("sanctions");
		assertThat(tagger.tag("Markets calm", filler + "Sanctions were mentioned once.")).isEmpty();
	}

	@Test
	void needsAStrongTermOrTwoDifferentTerms() {
		Taxonomy taxonomy = Taxonomy.read(yaml("""
				topics:
				  - id: sanctions
				    label: Sanctions
				    threshold: 4
				    terms: { sanctions: 2, embargo: 2, asset freeze: 4 }
				"""), "test");
		TopicTagger tagger = new TopicTagger(taxonomy);

		assertThat(tagger.tag("Sanctions, sanctions", "Sanctions again.")).isEmpty();
		assertThat(tagger.tag("Sanctions and an embargo", "")).extracting(TopicMatch::id).containsExactly("sanctions");
		assertThat(tagger.tag("An asset freeze", "")).extracting(TopicMatch::id).containsExactly("sanctions");
	}

	@Test
	void countsACombinationOnlyWhenEveryGroupIsPresent() {
		Taxonomy taxonomy = Taxonomy.read(yaml("""
				topics:
				  - id: belt-and-road
				    label: Belt and Road
				    threshold: 6
				    terms: { belt and road: 5 }
				    combinations:
				      - weight: 4
				        all: [[chinese-built, chinese-financed], [railway, dam]]
				"""), "test");
		TopicTagger tagger = new TopicTagger(taxonomy);

		List<TopicMatch> found = tagger.tag("Kenya's Chinese-built railway opens", "Passengers boarded on Monday.");

		assertThat(found).singleElement().satisfies(topic -> assertThat(topic.matched())
			.containsExactly(new Evidence("chinese-built + railway", 1, Evidence.TITLE)));
		assertThat(tagger.tag("Kenya's new railway opens", "Passengers boarded on Monday.")).isEmpty();
		assertThat(tagger.tag("A Chinese-built stadium opens", "Fans cheered.")).isEmpty();
	}

	@Test
	void refusesATaxonomyWithoutThresholdNamingTheTopic() {
		assertThatThrownBy(() -> Taxonomy.read(yaml("""
				topics:
				  - id: sanctions
				    label: Sanctions
				    terms: { sanctions: 2 }
				"""), "bad.yml")).isInstanceOf(InvalidTaxonomyException.class)
			.hasMessageContaining("bad.yml")
			.hasMessageContaining("sanctions")
			.hasMessageContaining("threshold");
	}

	@Test
	void refusesMalformedYamlNamingTheLine() {
		assertThatThrownBy(() -> Taxonomy.read(yaml("""
				topics:
				  - id: sanctions
				    label: Sanctions
				    threshold: high
				"""), "bad.yml")).isInstanceOf(InvalidTaxonomyException.class).hasMessageContaining("line 4");
	}

	@Test
	void theDefaultTaxonomyHasAtLeastTwentyFiveTopics() {
		assertThat(TAGGER.taxonomy().topics()).hasSizeGreaterThanOrEqualTo(25);
	}

	private static InputStream yaml(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Title (first line) and text (the rest) of a fixture. */
	static String[] article(String resource) throws IOException {
		try (InputStream in = TopicTaggerTest.class.getResourceAsStream(resource)) {
			String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int newline = content.indexOf('\n');
			return new String[] { content.substring(0, newline).strip(), content.substring(newline + 1) };
		}
	}

	@org.junit.jupiter.params.ParameterizedTest(name = "{0} {1}")
	@org.junit.jupiter.params.provider.MethodSource("multilingual")
	void tagsTheNamedTopicsInFrenchGermanSpanishAndRussian(String language, String topic, String title, String text) {
		TopicTagger tagger = new TopicTagger(Taxonomy.read(new org.springframework.core.io.ClassPathResource("taxonomy/taxonomy.yml")));

		assertThat(tagger.tag(title, text)).extracting(TopicMatch::id).contains(topic);
	}

	static java.util.List<Object[]> multilingual() throws java.io.IOException {
		try (java.io.InputStream in = TopicTaggerTest.class.getResourceAsStream("/topic/multilingual.tsv")) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
				.filter(line -> !line.isBlank())
				.map(line -> (Object[]) line.split("\t", 4))
				.toList();
		}
	}

	@Test
	void leavesOutATopicNamedOnlyInOneBackgroundParagraphOfALongArticle() {
		TopicTagger tagger = new TopicTagger(Taxonomy.read(new org.springframework.core.io.ClassPathResource("taxonomy/taxonomy.yml")));
		String filler = "The city council approved a new budget for schools, roads and libraries after a long debate. ".repeat(25);
		String background = "Last year the region also hosted peace talks between the two warring factions, "
				+ "and a ceasefire brokered by Qatar held for a month before the peace talks collapsed.";
		String passing = filler + "\n\n" + background + "\n\n" + filler;
		String subject = background + "\n\n" + filler + "\n\n" + background + "\n\n" + filler;

		assertThat(tagger.tag("Council passes budget", passing)).extracting(TopicMatch::id).doesNotContain("peace-talks");
		assertThat(tagger.tag("Council passes budget", subject)).extracting(TopicMatch::id).contains("peace-talks");
	}

}
