package org.newswire.events;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A {@link RawArticle} with its main text, language, topics and entities. The fields of the raw
 * article come first and keep their names, so both read the same in JSON. Fields added later come
 * last and may be absent (null) in records written before them: {@code siteName} and
 * {@code leadImage} as the page states them, {@code languageConfidence} the detector's confidence
 * in {@code language} (0 to 1; null when the language was declared, not detected).
 * {@code leadImage} is only ever an absolute http(s) URL (anything else, such as a
 * {@code javascript:} or {@code data:} URL, is dropped), so readers may link to it.
 */
public record EnrichedArticle(int schema, String articleId, String url, String canonicalUrl, String feedId,
		String feedUrl, String feedTitle, String guid, String title, String summary, Instant publishedAt,
		Instant ingestedAt, List<String> authors, List<String> categories, String language, int revision,
		String text, Extraction extraction, List<TopicMatch> topics, List<EntityMention> entities, int wordCount,
		String fingerprint, Instant enrichedAt, String siteName, String leadImage, Double languageConfidence)
		implements Event {

	public static final int SCHEMA = 1;

	public EnrichedArticle {
		authors = Lists.copyOrEmpty(authors);
		categories = Lists.copyOrEmpty(categories);
		topics = Lists.copyOrEmpty(topics);
		entities = Lists.copyOrEmpty(entities);
		leadImage = httpUrlOrNull(leadImage);
		languageConfidence = confidenceOrNull(languageConfidence);
	}

	/** The enrichment results an enricher adds to a raw article. */
	public record Enrichment(String title, String text, Extraction extraction, String language,
			Double languageConfidence, List<TopicMatch> topics, List<EntityMention> entities, int wordCount,
			String fingerprint, String siteName, String leadImage) {
	}

	/**
	 * Combines a raw article with what enrichment found. The feed's title is the publisher's headline
	 * for syndication and stays; the page's replaces it when the feed has none, or cut it short with
	 * an ellipsis ("Talks resume in…") and the page's headline is its full form.
	 */
	public static EnrichedArticle of(RawArticle raw, Enrichment enrichment, Instant enrichedAt) {
		String title = title(raw.title(), enrichment.title());
		return new EnrichedArticle(SCHEMA, raw.articleId(), raw.url(), raw.canonicalUrl(), raw.feedId(),
				raw.feedUrl(), raw.feedTitle(), raw.guid(), title, raw.summary(), raw.publishedAt(),
				raw.ingestedAt(), raw.authors(), raw.categories(), enrichment.language(), raw.revision(),
				enrichment.text(), enrichment.extraction(), enrichment.topics(), enrichment.entities(),
				enrichment.wordCount(), enrichment.fingerprint(), enrichedAt, enrichment.siteName(),
				enrichment.leadImage(), enrichment.languageConfidence());
	}

	private static String title(String fromFeed, String fromPage) {
		if (fromFeed == null || fromFeed.isBlank()) {
			return fromPage;
		}
		if (fromPage == null) {
			return fromFeed;
		}
		String feed = fromFeed.strip();
		String stem = feed.endsWith("…") ? feed.substring(0, feed.length() - 1)
				: feed.endsWith("...") ? feed.substring(0, feed.length() - 3) : null;
		if (stem != null && !stem.isBlank() && fromPage.length() > stem.length()
				&& comparable(fromPage).startsWith(comparable(stem))) {
			return fromPage;
		}
		return fromFeed;
	}

	private static String comparable(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
	}

	private static String httpUrlOrNull(String url) {
		if (url == null || url.isBlank()) {
			return null;
		}
		try {
			URI uri = new URI(url.strip());
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri.toString()
					: null;
		}
		catch (java.net.URISyntaxException ex) {
			return null;
		}
	}

	private static Double confidenceOrNull(Double confidence) {
		if (confidence == null || confidence.isNaN()) {
			return null;
		}
		return Math.max(0.0, Math.min(1.0, confidence));
	}

}
