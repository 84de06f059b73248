package org.newswire.ingest.parse;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.newswire.events.PublishedDates;

/**
 * Reads RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and Google News sitemaps from a leniently built XML tree into a
 * {@link ParsedFeed}. Field rules: an RSS item's link is {@code <link>}, else an Atom alternate link,
 * else a permalink {@code guid}; its date is {@code pubDate}, else {@code dc:date}; an Atom entry's
 * date is {@code published} (0.3: {@code issued}/{@code created}), else {@code dc:date}, and
 * {@code updated} is kept apart. Links resolve against {@code xml:base} and the document's URL.
 */
final class XmlFeedReader {

	/** Elements that hold text only: one containing sibling fields lost its end tag (a misspelt closing tag). */
	private static final Set<String> LEAF_FIELDS = Set.of("title", "link", "description", "pubdate", "guid",
			"author", "category", "comments", "source", "language", "copyright", "lastbuilddate", "ttl", "dc:date",
			"dc:creator", "dc:title", "dc:subject", "atom:title", "atom:id", "atom:published", "atom:updated",
			"atom:summary", "atom:issued", "atom:modified", "atom:created", "content:encoded", "enclosure");

	private static final Set<String> SWALLOWED = Set.of("item", "atom:entry", "entry", "channel");

	private final URI documentUrl;

	private final List<String> repairs;

	private URI documentBase;

	/** Element names are asked for many times (every lookup scans the siblings): computed once each. */
	private final Map<Element, String> names = new IdentityHashMap<>();

	private boolean atom;

	private XmlFeedReader(URI documentUrl, List<String> repairs) {
		this.documentUrl = documentUrl;
		this.repairs = repairs;
	}

	static ParsedFeed read(Element root, URI documentUrl, List<String> repairs) throws NotAFeedException {
		return new XmlFeedReader(documentUrl, repairs).read(root);
	}

	private ParsedFeed read(Element root) throws NotAFeedException {
		String name = XmlNames.of(root);
		String local = XmlNames.local(root);
		switch (local) {
			case "rss" -> {
				return rss(root, "rss-" + (root.hasAttr("version") ? root.attr("version").strip() : "unversioned"));
			}
			case "rdf" -> {
				if (!name.equals("rdf:rdf") || (child(root, "channel") == null && children(root, "item").isEmpty())) {
					throw new NotAFeedException("RDF but not an RSS 1.0 feed (no channel or items)");
				}
				String ns = XmlNames.namespace(root, "");
				return rss(root, ns != null && ns.contains("netscape") ? "rss-0.90" : "rss-1.0");
			}
			case "feed" -> {
				atom = true;
				String ns = XmlNames.namespace(root, prefixOf(root));
				boolean old = "0.3".equals(root.attr("version").strip()) || (ns != null && ns.contains("purl.org/atom"));
				return atom(root, old ? "atom-0.3" : "atom-1.0");
			}
			case "entry" -> {
				atom = true;
				documentBase = base(root);
				return new ParsedFeed("atom-entry", null, null, null, null, null, null, null, repairs,
						List.of(entry(root)));
			}
			case "urlset" -> {
				return sitemap(root);
			}
			case "sitemapindex" -> throw new NotAFeedException("a sitemap index, not a feed");
			case "opml" -> throw new NotAFeedException("an OPML subscription list, not a feed (import it instead)");
			case "html" -> throw new NotAFeedException("an HTML page, not a feed");
			default -> throw new NotAFeedException("XML but not a feed (root element <" + root.tagName() + ">)");
		}
	}

	private static String prefixOf(Element element) {
		int colon = element.tagName().indexOf(':');
		return colon < 0 ? "" : element.tagName().substring(0, colon);
	}

	// ---- RSS

	private ParsedFeed rss(Element root, String format) {
		Element channel = child(root, "channel");
		Element meta = channel != null ? channel : root;
		repairNesting(meta);
		List<Element> itemElements = new ArrayList<>(children(meta, "item"));
		if (channel != null) {
			repairNesting(root);
			itemElements.addAll(children(root, "item"));
		}
		documentBase = base(meta);
		String feedLink = text(child(meta, "link"));
		URI link = resolve(meta, feedLink);
		if (link == null) {
			link = atomLink(meta, "alternate");
		}
		if (documentUrl == null) {
			URI self = atomLink(meta, "self");
			URI fallback = self != null && self.isAbsolute() ? self : link != null && link.isAbsolute() ? link : null;
			if (fallback != null && (documentBase == null || !documentBase.isAbsolute())) {
				documentBase = documentBase == null ? fallback : LinkResolution.resolve(fallback, documentBase.toString());
			}
		}
		List<ParsedFeed.Item> items = new ArrayList<>(itemElements.size());
		for (Element item : itemElements) {
			items.add(rssItem(item));
		}
		String title = html(first(meta, "title", "dc:title"));
		String language = plain(first(meta, "language", "dc:language"));
		return new ParsedFeed(format, title, link, html(first(meta, "description", "atom:subtitle")), language,
				date(first(meta, "pubdate", "dc:date")), date(first(meta, "lastbuilddate", "dc:modified", "atom:updated")),
				refreshHint(meta), repairs, items);
	}

	private ParsedFeed.Item rssItem(Element item) {
		repairNesting(item);
		String rawLink = text(child(item, "link"));
		URI link = resolve(item, rawLink);
		if (link == null) {
			for (Element atomLink : children(item, "atom:link")) {
				String rel = atomLink.attr("rel").strip();
				if ((rel.isEmpty() || rel.equalsIgnoreCase("alternate")) && !atomLink.attr("href").isBlank()) {
					rawLink = atomLink.attr("href").strip();
					link = resolve(atomLink, rawLink);
					break;
				}
			}
		}
		Element guidElement = child(item, "guid");
		String guid = text(guidElement);
		if (link == null && guid != null && !"false".equalsIgnoreCase(guidElement.attr("isPermaLink").strip())
				&& guid.regionMatches(true, 0, "http", 0, 4)) {
			rawLink = guid;
			link = resolve(item, guid);
		}
		String id = guid != null ? guid : blankToNull(item.attr("rdf:about"));
		Set<String> authors = new LinkedHashSet<>();
		addAll(authors, item, "author", "dc:creator", "itunes:author");
		Set<String> categories = new LinkedHashSet<>();
		addAll(categories, item, "category", "dc:subject");
		return new ParsedFeed.Item(id, html(first(item, "title", "dc:title")), link, rawLink,
				PlainText.summary(text(child(item, "description")), null),
				PlainText.summary(text(child(item, "content:encoded")), null),
				date(first(item, "pubdate", "dc:date", "atom:published", "dcterms:issued", "dcterms:created")),
				date(first(item, "dc:modified", "dcterms:modified", "atom:updated")), List.copyOf(authors),
				List.copyOf(categories));
	}

	/** {@code ttl} (minutes), else {@code sy:updatePeriod} / {@code sy:updateFrequency}. */
	private Duration refreshHint(Element channel) {
		String ttl = text(child(channel, "ttl"));
		if (ttl != null && ttl.matches("\\d{1,7}") && Integer.parseInt(ttl) > 0) {
			return Duration.ofMinutes(Integer.parseInt(ttl));
		}
		String period = text(child(channel, "sy:updateperiod"));
		if (period == null) {
			return null;
		}
		Duration unit = switch (period.toLowerCase(Locale.ROOT)) {
			case "hourly" -> Duration.ofHours(1);
			case "daily" -> Duration.ofDays(1);
			case "weekly" -> Duration.ofDays(7);
			case "monthly" -> Duration.ofDays(30);
			case "yearly" -> Duration.ofDays(365);
			default -> null;
		};
		if (unit == null) {
			return null;
		}
		String frequency = text(child(channel, "sy:updatefrequency"));
		int times = frequency != null && frequency.matches("\\d{1,5}") ? Math.max(1, Integer.parseInt(frequency)) : 1;
		return unit.dividedBy(times);
	}

	// ---- Atom

	private ParsedFeed atom(Element feed, String format) {
		repairNesting(feed);
		documentBase = base(feed);
		URI link = atomLink(feed, "alternate");
		if (documentUrl == null) {
			URI self = atomLink(feed, "self");
			URI fallback = self != null && self.isAbsolute() ? self : link != null && link.isAbsolute() ? link : null;
			if (fallback != null && (documentBase == null || !documentBase.isAbsolute())) {
				documentBase = documentBase == null ? fallback : LinkResolution.resolve(fallback, documentBase.toString());
			}
		}
		List<ParsedFeed.Item> items = new ArrayList<>();
		for (Element entry : children(feed, "entry")) {
			items.add(entry(entry));
		}
		String language = blankToNull(feed.attr("xml:lang"));
		if (language == null) {
			language = plain(first(feed, "dc:language"));
		}
		return new ParsedFeed(format, textConstruct(first(feed, "title", "dc:title")), link,
				textConstruct(first(feed, "subtitle", "tagline", "description")), language,
				date(first(feed, "published", "issued", "created", "dc:date")), date(first(feed, "updated", "modified")),
				null, repairs, items);
	}

	private ParsedFeed.Item entry(Element entry) {
		repairNesting(entry);
		String rawLink = null;
		URI link = null;
		for (Element candidate : children(entry, "link")) {
			String rel = candidate.attr("rel").strip();
			String href = candidate.hasAttr("href") ? candidate.attr("href") : text(candidate);
			if ((rel.isEmpty() || rel.equalsIgnoreCase("alternate")) && href != null && !href.isBlank()) {
				rawLink = href.strip();
				link = resolve(candidate, rawLink);
				break;
			}
		}
		Set<String> authors = new LinkedHashSet<>();
		for (Element author : children(entry, "author")) {
			String name = plain(child(author, "name"));
			if (name == null && author.children().isEmpty()) {
				name = plain(author);
			}
			if (name != null) {
				authors.add(name);
			}
		}
		addAll(authors, entry, "dc:creator");
		Set<String> categories = new LinkedHashSet<>();
		for (Element category : children(entry, "category")) {
			String term = blankToNull(category.attr("term"));
			if (term == null) {
				term = blankToNull(category.attr("label"));
			}
			if (term == null) {
				term = plain(category);
			}
			if (term != null) {
				categories.add(term);
			}
		}
		addAll(categories, entry, "dc:subject");
		String summary = textConstruct(first(entry, "summary"));
		String content = textConstruct(first(entry, "content"));
		return new ParsedFeed.Item(plain(child(entry, "id")), textConstruct(first(entry, "title", "dc:title")), link,
				rawLink, summary == null ? null : PlainText.summary(summary, "text"),
				content == null ? null : PlainText.summary(content, "text"),
				date(first(entry, "published", "issued", "created", "dc:date")), date(first(entry, "updated", "modified")),
				List.copyOf(authors), List.copyOf(categories));
	}

	/** An Atom text construct: {@code text} verbatim, {@code html} and {@code xhtml} as their text. */
	private static String textConstruct(Element element) {
		if (element == null) {
			return null;
		}
		String type = element.attr("type").strip().toLowerCase(Locale.ROOT);
		if (type.equals("xhtml") || type.equals("application/xhtml+xml")) {
			return PlainText.of(element.html(), "html");
		}
		String value = element.wholeText();
		if (type.isEmpty() || type.equals("text") || type.equals("text/plain")) {
			if (!element.children().isEmpty() && element.children().stream().noneMatch(e -> XmlNames.of(e).contains(":")
					&& !XmlNames.of(e).startsWith("xhtml:"))) {
				// unescaped markup in a construct that says it is text: its text is what a reader sees
				return PlainText.of(element.html(), "html");
			}
			if (element.attr("mode").equalsIgnoreCase("escaped")) {
				return PlainText.of(value, "html");
			}
			return PlainText.of(value, "text");
		}
		return PlainText.of(value, "html");
	}

	// ---- Google News sitemap

	private ParsedFeed sitemap(Element urlset) throws NotAFeedException {
		List<Element> urls = children(urlset, "url");
		boolean news = !urlset.getElementsByTag("news:news").isEmpty()
				|| urls.stream().anyMatch(url -> child(url, "news:news") != null);
		if (!news) {
			throw new NotAFeedException("a sitemap, not a feed (no Google News entries)");
		}
		documentBase = base(urlset);
		List<ParsedFeed.Item> items = new ArrayList<>(urls.size());
		for (Element url : urls) {
			Element entry = child(url, "news:news");
			String loc = text(child(url, "loc"));
			Set<String> keywords = new LinkedHashSet<>();
			String title = null;
			Instant published = null;
			if (entry != null) {
				title = html(child(entry, "news:title"));
				published = date(child(entry, "news:publication_date"));
				String list = text(child(entry, "news:keywords"));
				if (list != null) {
					for (String keyword : list.split(",")) {
						if (!keyword.isBlank()) {
							keywords.add(keyword.strip());
						}
					}
				}
			}
			items.add(new ParsedFeed.Item(loc, title, resolve(url, loc), loc, null, null, published,
					date(child(url, "lastmod")), List.of(), List.copyOf(keywords)));
		}
		Element publication = urlset.selectFirst("news|publication news|name");
		return new ParsedFeed("sitemap-news", null, null, null,
				publication == null ? null : plain(urlset.selectFirst("news|publication news|language")), null, null,
				null, repairs, items);
	}

	// ---- helpers

	/**
	 * A leaf field that swallowed its siblings (its end tag was misspelt, so the lenient parser kept it
	 * open): the swallowed elements are moved back after it.
	 */
	private void repairNesting(Element container) {
		for (int i = 0; i < container.childrenSize(); i++) {
			Element field = container.child(i);
			if (!LEAF_FIELDS.contains(name(field)) && !LEAF_FIELDS.contains(XmlNames.local(field))) {
				continue;
			}
			Element swallowed = null;
			for (Element inner : field.children()) {
				String name = name(inner);
				if (LEAF_FIELDS.contains(name) || SWALLOWED.contains(name) || SWALLOWED.contains(XmlNames.local(inner))) {
					swallowed = inner;
					break;
				}
			}
			if (swallowed == null) {
				continue;
			}
			List<Node> moved = new ArrayList<>(field.childNodes().subList(swallowed.siblingIndex(), field.childNodeSize()));
			Node after = field;
			for (Node node : moved) {
				node.remove();
				after.after(node);
				after = node;
			}
			repairs.add("<" + field.tagName() + "> not closed properly: the elements it swallowed were restored");
		}
	}

	private String name(Element element) {
		return names.computeIfAbsent(element, XmlNames::of);
	}

	private URI atomLink(Element parent, String wantedRel) {
		for (Element link : children(parent, atom ? "link" : "atom:link")) {
			String rel = link.attr("rel").strip().toLowerCase(Locale.ROOT);
			if (rel.isEmpty()) {
				rel = "alternate";
			}
			if (rel.equals(wantedRel) && !link.attr("href").isBlank()) {
				return resolve(link, link.attr("href"));
			}
		}
		return null;
	}

	/** The base URI in effect at {@code element}: the document's, refined by every {@code xml:base} above. */
	private URI base(Element element) {
		List<String> bases = new ArrayList<>();
		for (Element e = element; e != null; e = e.parent()) {
			if (e.hasAttr("xml:base") && !e.attr("xml:base").isBlank()) {
				bases.add(0, e.attr("xml:base").strip());
			}
		}
		URI base = documentUrl;
		for (String value : bases) {
			URI uri = LinkResolution.parse(value);
			if (uri != null) {
				base = base == null || uri.isAbsolute() || base.isOpaque() ? uri : LinkResolution.resolve(base, value);
			}
		}
		return base;
	}

	private URI resolve(Element at, String link) {
		if (link == null || link.isBlank()) {
			return null;
		}
		URI base = base(at);
		if ((base == null || !base.isAbsolute()) && documentBase != null && documentBase.isAbsolute()) {
			base = base == null ? documentBase : documentBase.resolve(base);
		}
		return LinkResolution.resolve(base, link);
	}

	/** The first child with one of the names, in order of preference (not document order). */
	private Element first(Element parent, String... names) {
		for (String name : names) {
			Element found = child(parent, name);
			if (found != null && text(found) != null) {
				return found;
			}
		}
		return null;
	}

	private Element child(Element parent, String name) {
		for (Element child : parent.children()) {
			if (matches(child, name)) {
				return child;
			}
		}
		return null;
	}

	private List<Element> children(Element parent, String name) {
		List<Element> found = new ArrayList<>();
		for (Element child : parent.children()) {
			if (matches(child, name)) {
				found.add(child);
			}
		}
		return found;
	}

	/** In an Atom document, Atom elements may also come without namespace. */
	private boolean matches(Element element, String name) {
		String actual = name(element);
		return actual.equals(name) || (atom && actual.equals("atom:" + name))
				|| (atom && name.startsWith("atom:") && actual.equals(name.substring(5)));
	}

	private void addAll(Set<String> target, Element parent, String... names) {
		for (String name : names) {
			for (Element element : children(parent, name)) {
				String value = plain(element);
				if (value != null) {
					target.add(value);
				}
			}
		}
	}

	private static String text(Element element) {
		if (element == null) {
			return null;
		}
		String value = element.wholeText().strip();
		return value.isEmpty() ? null : value;
	}

	private static String plain(Element element) {
		return PlainText.of(text(element), "text");
	}

	private static String html(Element element) {
		return PlainText.of(text(element), null);
	}

	private static Instant date(Element element) {
		return PublishedDates.parse(text(element));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
