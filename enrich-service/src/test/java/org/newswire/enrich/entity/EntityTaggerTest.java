package org.newswire.enrich.entity;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newswire.events.EntityMention;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityTaggerTest {

	private static final EntityTagger TAGGER = new EntityTagger(
			Gazetteer.read(new ClassPathResource("gazetteer/gazetteer.yml")));

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
	void ordersByMentionsThenId() {
		List<EntityMention> entities = TAGGER.tag("", "Russia and Ukraine. Ukraine again. China.");

		assertThat(entities).extracting(EntityMention::id)
			.containsExactly("place:ukraine", "place:china", "place:russia");
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
