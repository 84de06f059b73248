package org.newswire.events;

import java.time.Instant;
import java.util.List;

/**
 * A {@link RawArticle} with its main text, language, topics and entities. The fields of the raw
 * article come first and keep their names, so both read the same in JSON.
 */
public record EnrichedArticle(int schema, String articleId, String url, String canonicalUrl, String feedId,
		String feedUrl, String feedTitle, String guid, String title, String summary, Instant publishedAt,
		Instant ingestedAt, List<String> authors, List<String> categories, String language, int revision,
		String text, Extraction extraction, List<TopicMatch> topics, List<EntityMention> entities, int wordCount,
		String fingerprint, Instant enrichedAt) implements Event {

	public static final int SCHEMA = 1;

	public EnrichedArticle {
		authors = Lists.copyOrEmpty(authors);
		categories = Lists.copyOrEmpty(categories);
		topics = Lists.copyOrEmpty(topics);
		entities = Lists.copyOrEmpty(entities);
	}

	/** The enrichment results an enricher adds to a raw article. */
	public record Enrichment(String title, String text, Extraction extraction, String language,
			List<TopicMatch> topics, List<EntityMention> entities, int wordCount, String fingerprint) {
	}

	/**
	 * Combines a raw article with what enrichment found. A title found on the page replaces the feed's
	 * only when the feed had none.
	 */
	public static EnrichedArticle of(RawArticle raw, Enrichment enrichment, Instant enrichedAt) {
		String title = raw.title() == null || raw.title().isBlank() ? enrichment.title() : raw.title();
		return new EnrichedArticle(SCHEMA, raw.articleId(), raw.url(), raw.canonicalUrl(), raw.feedId(),
				raw.feedUrl(), raw.feedTitle(), raw.guid(), title, raw.summary(), raw.publishedAt(),
				raw.ingestedAt(), raw.authors(), raw.categories(), enrichment.language(), raw.revision(),
				enrichment.text(), enrichment.extraction(), enrichment.topics(), enrichment.entities(),
				enrichment.wordCount(), enrichment.fingerprint(), enrichedAt);
	}

}
