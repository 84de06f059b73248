package org.newswire.enrich.pipeline;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.jsoup.nodes.Document;
import org.newswire.enrich.entity.EntityTagger;
import org.newswire.enrich.extract.ExtractedText;
import org.newswire.enrich.extract.MainTextExtractor;
import org.newswire.enrich.extract.PageMetadata;
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
 * Turns a raw article into an enriched one: fetch the page, read its metadata and extract its main
 * text (or fall back to the feed summary, saying why in {@code extraction}), then language, topics,
 * entities, word count and fingerprint. Page metadata (date, authors, canonical URL, site name, lead
 * image) is taken where present and sound; the feed's values fill the gaps; the feed's title stays the
 * article's title when it has one ({@link EnrichedArticle#of}). Knows nothing of Kafka.
 */
public class Enricher {

	private static final Logger log = LoggerFactory.getLogger(Enricher.class);

	/** Method recorded when the text is the page's JSON-LD articleBody (the page's own text was too short). */
	static final String JSON_LD_BODY = "json-ld-article-body";

	private final PageFetcher pages;

	private final MainTextExtractor extractor;

	private final LanguageDetector languages;

	private final Supplier<TopicTagger> topics;

	private final EntityTagger entities;

	private final int minTextLength;

	private final Clock clock;

	public Enricher(PageFetcher pages, MainTextExtractor extractor, LanguageDetector languages, TopicTagger topics,
			EntityTagger entities, int minTextLength, Clock clock) {
		this(pages, extractor, languages, () -> topics, entities, minTextLength, clock);
	}

	/** With {@code topics} asked for the current tagger per article (a taxonomy that reloads). */
	public Enricher(PageFetcher pages, MainTextExtractor extractor, LanguageDetector languages,
			Supplier<TopicTagger> topics, EntityTagger entities, int minTextLength, Clock clock) {
		this.pages = pages;
		this.extractor = extractor;
		this.languages = languages;
		this.topics = topics;
		this.entities = entities;
		this.minTextLength = minTextLength;
		this.clock = clock;
	}

	/** An enriched article with the page metadata and language detection behind it. */
	public record Result(EnrichedArticle article, PageMetadata metadata, Optional<DetectedLanguage> language) {
	}

	public EnrichedArticle enrich(RawArticle raw) {
		return enrichInDetail(raw).article();
	}

	public Result enrichInDetail(RawArticle raw) {
		PageResult page = pages.fetch(raw.url());
		if (page instanceof PageResult.Failed failed) {
			log.info("Article {}: no page from {} ({}: {}), using the feed summary", raw.articleId(), raw.url(),
					failed.status(), failed.detail());
			return build(raw, fallback(raw, failed.status(), failed.detail(), null), PageMetadata.NONE);
		}
		return fromPage(raw, ((PageResult.Fetched) page).document());
	}

	/** Enriches from a page already at hand (a file, a fetched document); no network. */
	public Result fromPage(RawArticle raw, Document document) {
		PageMetadata metadata;
		try {
			// before extraction, which removes scripts (JSON-LD) from the document
			metadata = PageMetadata.of(document, clock);
		}
		catch (RuntimeException ex) {
			log.warn("Article {}: reading the metadata of {} failed", raw.articleId(), raw.url(), ex);
			metadata = PageMetadata.NONE;
		}
		return build(raw, mainText(raw, document, metadata), metadata);
	}

	/**
	 * The article from its feed data alone (title, summary), with {@code status} and {@code detail}
	 * saying why there is no page text: for an article whose page took too long or whose enrichment failed.
	 */
	public EnrichedArticle fromFeed(RawArticle raw, String status, String detail) {
		return build(raw, fallback(raw, status, detail, null), PageMetadata.NONE).article();
	}

	private Result build(RawArticle raw, MainText main, PageMetadata metadata) {
		RawArticle filled = withPageMetadata(raw, metadata);
		String title = filled.title() == null || filled.title().isBlank() ? main.title() : filled.title();
		String text = main.text();
		Optional<DetectedLanguage> detected = languages.detect(text.length() >= 100 ? text : join(title, text));
		// a page's declared language is often the CMS default: detection wins, the declaration fills in
		String language = detected.map(DetectedLanguage::code)
			.orElse(metadata.language() != null ? metadata.language() : raw.language());
		// split once: topics, entities, word count and fingerprint all read the same tokens
		Tokens titleTokens = Tokens.of(title);
		Tokens textTokens = Tokens.of(text);
		List<TopicMatch> topicMatches = topics.get().tag(titleTokens, textTokens);
		List<EntityMention> entityMentions = entities.tag(titleTokens, textTokens);
		Enrichment enrichment = new Enrichment(main.title(), text, main.extraction(), language,
				detected.map(DetectedLanguage::confidence).orElse(null), topicMatches, entityMentions,
				textTokens.size(), SimHash.of(textTokens), metadata.siteName(), metadata.leadImage());
		return new Result(EnrichedArticle.of(filled, enrichment, clock.instant()), metadata, detected);
	}

	private static RawArticle withPageMetadata(RawArticle raw, PageMetadata page) {
		if (page == PageMetadata.NONE) {
			return raw;
		}
		return new RawArticle(raw.schema(), raw.articleId(), raw.url(),
				page.canonicalUrl() != null ? page.canonicalUrl() : raw.canonicalUrl(), raw.feedId(), raw.feedUrl(),
				raw.feedTitle(), raw.guid(), raw.title(), raw.summary(),
				page.publishedAt() != null ? page.publishedAt() : raw.publishedAt(), raw.ingestedAt(),
				page.authors().isEmpty() ? raw.authors() : page.authors(), raw.categories(), raw.language(),
				raw.revision());
	}

	private record MainText(String text, Extraction extraction, String title) {
	}

	private MainText mainText(RawArticle raw, Document document, PageMetadata metadata) {
		ExtractedText extracted;
		try {
			extracted = extractor.extract(document);
		}
		catch (RuntimeException ex) {
			// a page that breaks the extractor must not cost the article: publish from the feed
			log.warn("Article {}: extracting {} failed, using the feed summary", raw.articleId(), raw.url(), ex);
			return fallback(raw, Extraction.NO_TEXT, "extractor failed: " + ex, metadata.title());
		}
		String title = metadata.title() != null ? metadata.title() : extracted.title();
		if (extracted.text().length() >= minTextLength) {
			return new MainText(extracted.text(), Extraction.ok(extracted.method()), title);
		}
		// structured data is not trusted blindly: its articleBody stands in only when the page's own text is too short
		String body = metadata.articleBody();
		if (body != null && body.length() >= minTextLength && body.length() > extracted.text().length()) {
			return new MainText(body.strip(), Extraction.ok(JSON_LD_BODY), title);
		}
		return fallback(raw, Extraction.NO_TEXT,
				"main text of " + extracted.text().length() + " characters is below " + minTextLength, title);
	}

	private static MainText fallback(RawArticle raw, String status, String detail, String pageTitle) {
		String summary = raw.summary() == null ? "" : raw.summary();
		return new MainText(summary, Extraction.fallback(status, detail), pageTitle);
	}

	private static String join(String title, String text) {
		return title == null ? text : title + "\n\n" + text;
	}

}
