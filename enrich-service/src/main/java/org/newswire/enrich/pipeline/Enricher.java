package org.newswire.enrich.pipeline;

import java.time.Clock;
import java.util.List;

import org.newswire.enrich.entity.EntityTagger;
import org.newswire.enrich.extract.ExtractedText;
import org.newswire.enrich.extract.MainTextExtractor;
import org.newswire.enrich.fingerprint.SimHash;
import org.newswire.enrich.language.DetectedLanguage;
import org.newswire.enrich.language.LanguageDetector;
import org.newswire.enrich.page.PageFetcher;
import org.newswire.enrich.page.PageResult;
import org.newswire.enrich.text.Tokens;
import org.newswire.enrich.topic.TopicTagger;
import org.newswire.events.EnrichedArticle;
import org.newswire.events.EnrichedArticle.Enrichment;
import org.newswire.events.EntityMention;
import org.newswire.events.Extraction;
import org.newswire.events.RawArticle;
import org.newswire.events.TopicMatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a raw article into an enriched one: fetch the page, extract its main text (or fall back to
 * the feed summary, saying why in {@code extraction}), then language, topics, entities, word count
 * and fingerprint. Knows nothing of Kafka.
 */
public class Enricher {

	private static final Logger log = LoggerFactory.getLogger(Enricher.class);

	private final PageFetcher pages;

	private final MainTextExtractor extractor;

	private final LanguageDetector languages;

	private final TopicTagger topics;

	private final EntityTagger entities;

	private final int minTextLength;

	private final Clock clock;

	public Enricher(PageFetcher pages, MainTextExtractor extractor, LanguageDetector languages, TopicTagger topics,
			EntityTagger entities, int minTextLength, Clock clock) {
		this.pages = pages;
		this.extractor = extractor;
		this.languages = languages;
		this.topics = topics;
		this.entities = entities;
		this.minTextLength = minTextLength;
		this.clock = clock;
	}

	public EnrichedArticle enrich(RawArticle raw) {
		return build(raw, mainText(raw));
	}

	/**
	 * The article from its feed data alone (title, summary), with {@code status} and {@code detail}
	 * saying why there is no page text: for an article whose page took too long or whose enrichment failed.
	 */
	public EnrichedArticle fromFeed(RawArticle raw, String status, String detail) {
		return build(raw, fallback(raw, status, detail, null));
	}

	private EnrichedArticle build(RawArticle raw, MainText main) {
		String title = raw.title() == null || raw.title().isBlank() ? main.title() : raw.title();
		String text = main.text();
		String language = languages.detect(text.length() >= 100 ? text : join(title, text))
			.map(DetectedLanguage::code)
			.orElse(raw.language());
		List<TopicMatch> topicMatches = topics.tag(title, text);
		List<EntityMention> entityMentions = entities.tag(title, text);
		Enrichment enrichment = new Enrichment(main.title(), text, main.extraction(), language, topicMatches,
				entityMentions, Tokens.of(text).size(), SimHash.of(text));
		return EnrichedArticle.of(raw, enrichment, clock.instant());
	}

	private record MainText(String text, Extraction extraction, String title) {
	}

	private MainText mainText(RawArticle raw) {
		PageResult page = pages.fetch(raw.url());
		if (page instanceof PageResult.Failed failed) {
			log.info("Article {}: no page from {} ({}: {}), using the feed summary", raw.articleId(), raw.url(),
					failed.status(), failed.detail());
			return fallback(raw, failed.status(), failed.detail(), null);
		}
		PageResult.Fetched fetched = (PageResult.Fetched) page;
		ExtractedText extracted;
		try {
			extracted = extractor.extract(fetched.document());
		}
		catch (RuntimeException ex) {
			// a page that breaks the extractor must not cost the article: publish from the feed
			log.warn("Article {}: extracting {} failed, using the feed summary", raw.articleId(), raw.url(), ex);
			return fallback(raw, Extraction.NO_TEXT, "extractor failed: " + ex, null);
		}
		if (extracted.text().length() < minTextLength) {
			return fallback(raw, Extraction.NO_TEXT,
					"main text of " + extracted.text().length() + " characters is below " + minTextLength,
					extracted.title());
		}
		return new MainText(extracted.text(), Extraction.ok(extracted.method()), extracted.title());
	}

	private static MainText fallback(RawArticle raw, String status, String detail, String pageTitle) {
		String summary = raw.summary() == null ? "" : raw.summary();
		return new MainText(summary, Extraction.fallback(status, detail), pageTitle);
	}

	private static String join(String title, String text) {
		return title == null ? text : title + "\n\n" + text;
	}

}
