package org.newswire.enrich.entity;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newswire.enrich.text.Tokens;
import org.newswire.events.EntityMention;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityTaggerTest {

	private static final Gazetteer GAZETTEER = Gazetteer.read(new ClassPathResource("gazetteer/gazetteer.yml"));

	private static final EntityTagger TAGGER = new EntityTagger(GAZETTEER);

	@Test
	void resolvesAliasesToOneCanonicalEntityAndCountsMentions() {
		List<EntityMention> entities = TAGGER.tag("President Xi meets Putin",
				"Xi Jinping welcomed Vladimir Putin to Beijing. Xi said the two leaders agreed on trade.");

		assertThat(entities).contains(new EntityMention("person:xi-jinping", "Xi Jinping", "person", 3),
				new EntityMention("person:vladimir-putin", "Vladimir Putin", "person", 2),
				new EntityMention("place:beijing", "Beijing", "place", 1));
	}

	@Test
	void readsUsAsTheCountryOnlyWhenWrittenInCapitals() {
		List<EntityMention> entities = TAGGER.tag("", "The U.S. and the United States Treasury told us that the US "
				+ "would act. Tell us more.");

		assertThat(entities).filteredOn(e -> e.id().equals("place:united-states"))
			.singleElement()
			.extracting(EntityMention::mentions)
			.isEqualTo(3);
	}

	@Test
	void prefersTheLongestAlias() {
		List<EntityMention> entities = TAGGER.tag("", "The UN Security Council met. The UN then adjourned.");

		assertThat(entities).extracting(EntityMention::id)
			.containsExactlyInAnyOrder("organization:un-security-council", "organization:united-nations");
	}

	@Test
	void matchesIgnoringCaseAndAccentsButNotInsideOtherWords() {
		List<EntityMention> entities = TAGGER.tag("", "ERDOGAN spoke; Erdoğan left. Iranian officials and Iraqis.");

		assertThat(entities).extracting(EntityMention::id, EntityMention::mentions)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("person:recep-tayyip-erdogan", 2));
	}

	@Test
	void locatesEachMentionInTitleOrText() {
		String title = "Xi meets Putin";
		String text = "Chinese leader Xi Jinping said China would help.";

		List<EntityTagger.Mention> mentions = TAGGER.mentions(Tokens.of(title), Tokens.of(text));

		assertThat(mentions).extracting(m -> m.entity().id(), EntityTagger.Mention::inTitle,
				m -> (m.inTitle() ? title : text).substring(m.start(), m.end()))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("person:xi-jinping", true, "Xi"),
					org.assertj.core.groups.Tuple.tuple("person:vladimir-putin", true, "Putin"),
					org.assertj.core.groups.Tuple.tuple("person:xi-jinping", false, "Xi Jinping"),
					org.assertj.core.groups.Tuple.tuple("place:china", false, "China"));
		assertThat(TAGGER.tag(title, text)).extracting(EntityMention::id, EntityMention::mentions)
			.contains(org.assertj.core.groups.Tuple.tuple("person:xi-jinping", 2));
	}

	@Test
	void ordersByMentionsThenId() {
		List<EntityMention> entities = TAGGER.tag("", "Russia and Ukraine. Ukraine again. China.");

		assertThat(entities).extracting(EntityMention::id)
			.containsExactly("place:ukraine", "place:china", "place:russia");
	}

	@Test
	void readsAnExactOnlyAliasOnlyAsWritten() {
		List<EntityMention> entities = TAGGER.tag("", "They ate turkey at home. Turkey and Türkiye are one country; "
				+ "the fed cattle were sold before the Fed met. Turkey's army moved.");

		assertThat(entities).extracting(EntityMention::id, EntityMention::mentions)
			.contains(org.assertj.core.groups.Tuple.tuple("place:turkey", 3),
					org.assertj.core.groups.Tuple.tuple("organization:federal-reserve", 1));
	}

	@Test
	void readsANameListedAsExactOnlyAsWritten() {
		List<EntityMention> entities = TAGGER.tag("", "Fine bone china and a chile pepper; China's exports to Chile.");

		assertThat(entities).extracting(EntityMention::id, EntityMention::mentions)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("place:china", 1),
					org.assertj.core.groups.Tuple.tuple("place:chile", 1));
	}

	@Test
	void readsNeitherACurrencyPrefixNorWordsAcrossASentenceEndAsAName() {
		List<EntityMention> entities = TAGGER.tag("", "The deal is worth US$1.12 billion. Refugees fled north or south. "
				+ "Sudan is at war; the US sent aid to South Sudan.");

		assertThat(entities).extracting(EntityMention::id, EntityMention::mentions)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("place:sudan", 1),
					org.assertj.core.groups.Tuple.tuple("place:united-states", 1),
					org.assertj.core.groups.Tuple.tuple("place:south-sudan", 1));
	}

	@Test
	void leavesNamesThatAreAmbiguousEvenAsWrittenUntagged() {
		List<EntityMention> entities = TAGGER.tag("Chad Smith and Jordan Bardella",
				"Chad Smith met Jordan Bardella in Georgia. Then guinea pigs, a mecca for tourists, a turkey sandwich, "
						+ "male voters and a trip on the Congo.");

		assertThat(entities).isEmpty();
	}

	@Test
	void resolvesShortFormsAndNativeSpellingsToOneCountry() {
		List<EntityMention> entities = TAGGER.tag("Ivory Coast and Côte d’Ivoire",
				"Côte d'Ivoire, Cote d'Ivoire. Burma is Myanmar. The Czech Republic is Czechia. DR Congo, the DRC "
						+ "and the Democratic Republic of the Congo; not the Republic of the Congo.");

		assertThat(entities).extracting(EntityMention::id, EntityMention::mentions)
			.contains(org.assertj.core.groups.Tuple.tuple("place:cote-divoire", 4),
					org.assertj.core.groups.Tuple.tuple("place:myanmar", 2),
					org.assertj.core.groups.Tuple.tuple("place:czechia", 2),
					org.assertj.core.groups.Tuple.tuple("place:democratic-republic-of-the-congo", 3),
					org.assertj.core.groups.Tuple.tuple("place:republic-of-the-congo", 1));
	}

	@Test
	void givesAPlaceInsideAnotherNameToThatName() {
		List<EntityMention> entities = TAGGER.tag("", "Melania Trump read the South China Morning Post in the Gulf "
				+ "of Mexico while the Bank of England and Israel Katz spoke.");

		assertThat(entities).extracting(EntityMention::id)
			.containsExactlyInAnyOrder("person:melania-trump", "organization:south-china-morning-post",
					"place:gulf-of-mexico", "organization:bank-of-england", "person:israel-katz");
	}

	@Test
	void givesEveryAliasToOneEntityOnly() {
		Map<String, List<String[]>> claims = new HashMap<>();
		for (Gazetteer.Entry entry : GAZETTEER.entities()) {
			List<String> plain = new ArrayList<>(entry.aliases());
			plain.add(entry.name());
			for (String alias : plain) {
				claims.computeIfAbsent(String.join(" ", Tokens.of(alias).foldedForms()), k -> new ArrayList<>())
					.add(new String[] { entry.id(), null });
			}
			for (String alias : entry.exact()) {
				Tokens tokens = Tokens.of(alias);
				claims.computeIfAbsent(String.join(" ", tokens.foldedForms()), k -> new ArrayList<>())
					.add(new String[] { entry.id(), String.join(" ", tokens.originals()) });
			}
		}
		List<String> shared = new ArrayList<>();
		claims.forEach((alias, owners) -> {
			for (String[] a : owners) {
				for (String[] b : owners) {
					// two exact aliases may share a folded form when their spellings differ ("US" and "us" would)
					boolean distinctSpellings = a[1] != null && b[1] != null && !a[1].equals(b[1]);
					if (!a[0].equals(b[0]) && !distinctSpellings) {
						shared.add(alias + ": " + a[0] + ", " + b[0]);
					}
				}
			}
		});

		assertThat(shared).isEmpty();
	}

	@Test
	void refusesAnEntityWithAnUnknownType() {
		String yaml = "entities:\n  - { id: \"thing:x\", name: X }\n";

		assertThatThrownBy(() -> Gazetteer.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
				"bad.yml"))
			.hasMessageContaining("bad.yml")
			.hasMessageContaining("thing:x");
	}

}
