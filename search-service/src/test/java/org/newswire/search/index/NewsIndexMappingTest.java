package org.newswire.search.index;

import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NewsIndexMappingTest {

	private final TypeMapping mapping = NewsIndexLayout.mapping();

	@Test
	void indexesOnlyTheFieldsItDeclares() {
		assertThat(this.mapping.dynamic()).isEqualTo(DynamicMapping.False);
	}

	@Test
	void analysesFullTextWithTheStandardAnalyzerAvailableEverywhere() {
		for (String field : new String[] { "title", "summary", "text" }) {
			Property property = this.mapping.properties().get(field);
			assertThat(property.isText()).as(field).isTrue();
			assertThat(property.text().analyzer()).as(field).isEqualTo("standard");
		}
		assertThat(this.mapping.properties().get("title").text().fields().get("keyword").isKeyword()).isTrue();
	}

	@Test
	void filtersOnKeywordsAndKeepsIndexingTimeInNanoseconds() {
		for (String field : new String[] { "topics", "source", "language", "url", "fingerprint" }) {
			assertThat(this.mapping.properties().get(field).isKeyword()).as(field).isTrue();
		}
		assertThat(this.mapping.properties().get("entities").object().properties().get("name").isKeyword()).isTrue();
		assertThat(this.mapping.properties().get("publishedAt").isDate()).isTrue();
		assertThat(this.mapping.properties().get("indexedAt").isDateNanos()).isTrue();
		assertThat(this.mapping.properties().get("revision").isInteger()).isTrue();
	}

	@Test
	void mapsSiteNameLeadImageAndLanguageConfidence() {
		assertThat(this.mapping.properties().get("siteName").isKeyword()).isTrue();
		assertThat(this.mapping.properties().get("leadImage").isKeyword()).isTrue();
		assertThat(this.mapping.properties().get("languageConfidence").isFloat()).isTrue();
	}

}
