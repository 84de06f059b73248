package org.newswire.search.index;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.newswire.events.EnrichedArticle;
import org.newswire.events.EntityMention;
import org.newswire.events.Extraction;
import org.newswire.events.TopicMatch;

/**
 * What one article looks like in the index ({@code index/news-mapping.json}). Topic ids are a keyword
 * field for filtering; the full topic matches, with their evidence, are kept in the source only.
 * {@code siteName}, {@code leadImage} and {@code languageConfidence} are null for articles enriched
 * before the events carried them.
 */
public record ArticleDocument(String articleId, String url, String canonicalUrl, String feedId, String source,
		String title, String summary, String text, List<String> authors, List<String> categories, String language,
		List<String> topics, List<TopicMatch> topicMatches, List<EntityMention> entities, Extraction extraction,
		Instant publishedAt, Instant ingestedAt, Instant enrichedAt, Instant indexedAt, Integer wordCount,
		Integer revision, String fingerprint, String siteName, String leadImage, Double languageConfidence) {

	public static ArticleDocument of(EnrichedArticle article, int maxTextBytes, Instant indexedAt) {
		List<String> topicIds = article.topics().stream().map(TopicMatch::id).toList();
		return new ArticleDocument(article.articleId(), article.url(), article.canonicalUrl(), article.feedId(),
				article.feedTitle(), article.title(), article.summary(), truncate(article.text(), maxTextBytes),
				article.authors(), article.categories(), article.language(), topicIds, article.topics(),
				article.entities(), article.extraction(), article.publishedAt(), article.ingestedAt(),
				article.enrichedAt(), indexedAt, article.wordCount(), article.revision(), article.fingerprint(),
				article.siteName(), article.leadImage(), article.languageConfidence());
	}

	/**
	 * Cuts {@code text} to at most {@code maxBytes} UTF-8 bytes without splitting a character, at the
	 * last whitespace when there is one in the last tenth (so no half word gets indexed).
	 */
	static String truncate(String text, int maxBytes) {
		if (text == null || text.length() <= maxBytes / 3) {
			return text;
		}
		CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE);
		CharBuffer in = CharBuffer.wrap(text);
		encoder.encode(in, ByteBuffer.allocate(maxBytes), true);
		if (!in.hasRemaining()) {
			return text;
		}
		int end = in.position();
		int space = text.lastIndexOf(' ', end);
		if (space > end - end / 10 && space > 0) {
			end = space;
		}
		return text.substring(0, end);
	}

}
