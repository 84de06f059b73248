package org.newswire.enrich.extract;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.newswire.events.EventSerde;
import org.newswire.events.PublishedDates;
import tools.jackson.databind.JsonNode;

/** Reads {@link PageMetadata} from a parsed page. One instance per page. */
final class MetadataReader {

	static final Instant EARLIEST = Instant.parse("1995-01-01T00:00:00Z");

	private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "reportagenewsarticle",
			"analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "blogposting",
			"liveblogposting", "socialmediaposting", "report", "scholarlyarticle", "techarticle", "webpage",
			"videoobject");

	private static final String[] DATE_METAS = { "property", "article:published_time", "name",
			"article:published_time", "property", "og:published_time", "itemprop", "datePublished", "name", "pubdate",
			"name", "publishdate", "name", "publish-date", "name", "parsely-pub-date", "name", "sailthru.date", "name",
			"dc.date.issued", "name", "dcterms.created", "name", "citation_publication_date", "name", "date",
			"property", "article:published", "name", "original-publish-date" };

	private static final Pattern URL_DATE = Pattern
		.compile("/((?:199[5-9]|20[0-9]{2}))[/-]([01]?[0-9])[/-]([0-3]?[0-9])(?:/|-|$)");

	private static final Pattern BYLINE_PREFIX = Pattern.compile("^(?i)(by|von|par|por|di|door|av|af|от|автор)\\s+");

	private static final List<String> JSON_LD_OPENINGS = List.of("//<![CDATA[", "<![CDATA[", "<!--");

	private static final List<String> JSON_LD_CLOSINGS = List.of("//]]>", "]]>", "//-->", "-->");

	private static final Pattern CONTROL_OR_SPACE = Pattern.compile("[\\p{Cntrl}\\s]+");

	private static final int MAX_SITE_NAME = 200;

	private static final int MAX_URL = 2048;

	private final Document doc;

	private final MetaTags metas;

	private final Clock clock;

	private final List<JsonNode> articles = new ArrayList<>();

	MetadataReader(Document doc, Clock clock) {
		this.doc = doc;
		this.metas = MetaTags.of(doc);
		this.clock = clock;
		for (Element script : doc.select("script[type=application/ld+json]")) {
			try {
				collect(EventSerde.mapper().readTree(unwrapped(script.data())), 0);
			}
			catch (RuntimeException ex) {
				// broken JSON-LD is common; the other sources still count
			}
		}
	}

	/** JSON-LD without the CDATA or comment markers some CMSs wrap it in. */
	static String unwrapped(String data) {
		String json = data.strip();
		for (String opening : JSON_LD_OPENINGS) {
			if (json.startsWith(opening)) {
				json = json.substring(opening.length()).strip();
				break;
			}
		}
		for (String closing : JSON_LD_CLOSINGS) {
			if (json.endsWith(closing)) {
				json = json.substring(0, json.length() - closing.length()).strip();
				break;
			}
		}
		return json;
	}

	PageMetadata read() {
		String headline = text("headline");
		String structured = headline;
		if (structured == null) {
			structured = metas.get("property", "og:title");
		}
		if (structured == null && !doc.title().isBlank()) {
			structured = doc.title();
		}
		String title = Headline.title(doc, metas, structured, headline != null);
		Dated published = published();
		return new PageMetadata(title, authors(), published == null ? null : published.instant(),
				published == null ? null : published.source(), canonicalUrl(), siteName(), leadImage(), language(),
				text("articleBody"));
	}

	private void collect(JsonNode node, int depth) {
		if (node == null || depth > 4) {
			return;
		}
		if (node.isArray()) {
			node.forEach(child -> collect(child, depth + 1));
			return;
		}
		if (!node.isObject()) {
			return;
		}
		if (node.has("@graph")) {
			collect(node.get("@graph"), depth + 1);
		}
		if (isArticle(node)) {
			articles.add(node);
		}
		else if (node.has("mainEntity")) {
			collect(node.get("mainEntity"), depth + 1);
		}
	}

	private static boolean isArticle(JsonNode node) {
		JsonNode type = node.get("@type");
		if (type == null) {
			return false;
		}
		if (type.isArray()) {
			for (JsonNode t : type) {
				if (ARTICLE_TYPES.contains(t.asString("").toLowerCase(Locale.ROOT))) {
					return true;
				}
			}
			return false;
		}
		return ARTICLE_TYPES.contains(type.asString("").toLowerCase(Locale.ROOT));
	}

	/** A string field of the first article object having it; article types before WebPage. */
	private String text(String field) {
		for (boolean pages : new boolean[] { false, true }) {
			for (JsonNode article : articles) {
				boolean webPage = article.path("@type").asString("").equalsIgnoreCase("WebPage");
				if (webPage != pages) {
					continue;
				}
				JsonNode value = article.get(field);
				if (value != null && value.isString() && !value.asString().isBlank()) {
					return org.jsoup.parser.Parser.unescapeEntities(value.asString().strip(), false);
				}
			}
		}
		return null;
	}

	record Dated(Instant instant, String source) {
	}

	private Dated published() {
		Dated dated = dated(text("datePublished"), "json-ld");
		if (dated == null) {
			dated = dated(text("dateCreated"), "json-ld");
		}
		for (int i = 0; dated == null && i + 1 < DATE_METAS.length; i += 2) {
			dated = dated(metas.get(DATE_METAS[i], DATE_METAS[i + 1]), "meta");
		}
		if (dated == null) {
			Element time = doc.selectFirst("time[itemprop=datePublished][datetime], time[pubdate][datetime], "
					+ "[itemprop=datePublished][content]");
			if (time == null) {
				time = doc.selectFirst("article time[datetime], main time[datetime], time[datetime]");
			}
			if (time != null) {
				dated = dated(time.hasAttr("datetime") ? time.attr("datetime") : time.attr("content"), "time");
			}
		}
		if (dated == null && doc.location() != null) {
			Matcher matcher = URL_DATE.matcher(doc.location());
			if (matcher.find()) {
				try {
					dated = dated(LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
							Integer.parseInt(matcher.group(3))).toString(), "url");
				}
				catch (RuntimeException ex) {
					dated = null;
				}
			}
		}
		return dated;
	}

	private Dated dated(String value, String source) {
		Instant instant = parseDate(value);
		if (instant == null || instant.isBefore(EARLIEST)
				|| instant.isAfter(clock.instant().plus(1, ChronoUnit.DAYS))) {
			return null;
		}
		return new Dated(instant, source);
	}

	/** ISO 8601 with or without offset or time, RFC 1123, "yyyy-MM-dd HH:mm:ss"; local times count as UTC. */
	static Instant parseDate(String value) {
		return PublishedDates.parse(value);
	}

	private List<String> authors() {
		Set<String> names = new LinkedHashSet<>();
		for (JsonNode article : articles) {
			JsonNode author = article.get("author");
			if (author == null) {
				author = article.get("creator");
			}
			addAuthors(names, author);
			if (!names.isEmpty()) {
				break;
			}
		}
		if (names.isEmpty()) {
			for (Element meta : doc.select("meta[name=author][content], meta[property=article:author][content], "
					+ "meta[name=parsely-author][content], meta[name=sailthru.author][content], meta[name=dc.creator][content]")) {
				String content = meta.attr("content");
				if (!content.contains("://")) {
					for (String name : content.split("\\s*(,|;|\\band\\b|\\bund\\b|\\bet\\b|\\by\\b|&)\\s*")) {
						addName(names, name);
					}
				}
			}
		}
		if (names.isEmpty()) {
			for (Element element : doc.select("[itemprop=author] [itemprop=name], [rel=author], .byline__name, "
					+ ".author-name, .byline [itemprop=name]")) {
				addName(names, element.text());
			}
		}
		return names.stream().limit(10).toList();
	}

	private static void addAuthors(Set<String> names, JsonNode author) {
		if (author == null) {
			return;
		}
		if (author.isArray()) {
			author.forEach(a -> addAuthors(names, a));
		}
		else if (author.isString()) {
			for (String name : author.asString().split("\\s*(,|;|\\band\\b|&)\\s*")) {
				addName(names, name);
			}
		}
		else if (author.isObject()) {
			String type = author.path("@type").asString("");
			if (!type.equalsIgnoreCase("Organization") && !type.equalsIgnoreCase("NewsMediaOrganization")) {
				addName(names, author.path("name").asString(""));
			}
		}
	}

	private static void addName(Set<String> names, String raw) {
		String name = BYLINE_PREFIX.matcher(org.jsoup.parser.Parser.unescapeEntities(raw, false).strip())
			.replaceFirst("")
			.replaceAll("\\s+", " ")
			.strip();
		if (name.length() >= 3 && name.length() <= 80 && !name.contains("://") && !name.contains("@")
				&& !name.matches(".*\\d.*") && Character.isLetter(name.codePointAt(0))) {
			names.add(name);
		}
	}

	private String canonicalUrl() {
		String page = doc.location();
		for (String candidate : new String[] { attr("link[rel=canonical][href]", "href"),
				metas.get("property", "og:url") }) {
			if (candidate == null || candidate.isBlank()) {
				continue;
			}
			try {
				URI base = page == null || page.isBlank() ? null : URI.create(page);
				URI url = base == null ? URI.create(candidate.strip()) : base.resolve(candidate.strip());
				if (!url.isAbsolute() || url.getHost() == null
						|| !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
					continue;
				}
				if (base == null || base.getHost() == null
						|| RegisteredDomain.of(url.getHost()).equals(RegisteredDomain.of(base.getHost()))) {
					return url.toString();
				}
			}
			catch (IllegalArgumentException ex) {
				// not a URL
			}
		}
		return null;
	}

	private String siteName() {
		String site = metas.get("property", "og:site_name");
		if (site == null) {
			for (JsonNode article : articles) {
				String name = article.path("publisher").path("name").asString(null);
				if (name != null && !name.isBlank()) {
					site = name.strip();
					break;
				}
			}
		}
		if (site == null) {
			site = metas.get("name", "application-name");
		}
		if (site == null) {
			return null;
		}
		String line = CONTROL_OR_SPACE.matcher(site).replaceAll(" ").strip();
		if (line.length() > MAX_SITE_NAME) {
			int end = Character.isHighSurrogate(line.charAt(MAX_SITE_NAME - 1)) ? MAX_SITE_NAME - 1 : MAX_SITE_NAME;
			line = line.substring(0, end).strip();
		}
		return line.isEmpty() ? null : line;
	}

	private String leadImage() {
		String image = metas.get("property", "og:image");
		if (image == null) {
			image = metas.get("name", "twitter:image");
		}
		if (image == null) {
			for (JsonNode article : articles) {
				JsonNode node = article.get("image");
				if (node != null && node.isArray() && !node.isEmpty()) {
					node = node.get(0);
				}
				if (node != null && node.isObject()) {
					node = node.get("url");
				}
				if (node != null && node.isString() && !node.asString().isBlank()) {
					image = node.asString().strip();
					break;
				}
			}
		}
		if (image == null) {
			return null;
		}
		try {
			String page = doc.location();
			String escaped = image.replace(" ", "%20");
			URI url = page == null || page.isBlank() ? URI.create(escaped) : URI.create(page).resolve(escaped);
			String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
			return (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null
					&& url.toString().length() <= MAX_URL ? url.toString() : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private String language() {
		String declared = doc.selectFirst("html") == null ? "" : doc.selectFirst("html").attr("lang");
		if (declared.isBlank()) {
			declared = metas.get("http-equiv", "content-language");
		}
		if (declared == null || declared.isBlank()) {
			declared = metas.get("property", "og:locale");
		}
		if (declared == null || declared.isBlank()) {
			declared = text("inLanguage");
		}
		if (declared == null || declared.isBlank()) {
			return null;
		}
		String primary = declared.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
		return primary.matches("[a-z]{2}") ? primary : null;
	}

	private String attr(String selector, String attribute) {
		Element element = doc.selectFirst(selector);
		if (element == null) {
			return null;
		}
		String value = element.attr(attribute).strip();
		return value.isEmpty() ? null : value;
	}

}
