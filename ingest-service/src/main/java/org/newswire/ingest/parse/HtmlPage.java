package org.newswire.ingest.parse;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/** An HTML page served where a feed was expected: which feeds it advertises with {@code <link rel="alternate">}. */
final class HtmlPage {

	private static final Set<String> FEED_TYPES = Set.of("application/rss+xml", "application/atom+xml",
			"application/rdf+xml", "application/feed+json", "application/json", "text/xml", "application/xml");

	private final String html;

	private final Document document;

	private HtmlPage(String html, Document document) {
		this.html = html;
		this.document = document;
	}

	static HtmlPage parse(String html, URI documentUrl) {
		return new HtmlPage(html, Jsoup.parse(html, documentUrl == null ? "" : documentUrl.toString()));
	}

	List<String> advertisedFeeds() {
		Set<String> feeds = new LinkedHashSet<>();
		for (Element link : document.select("link[rel][href], a[rel][href][type]")) {
			String rel = link.attr("rel").toLowerCase(Locale.ROOT);
			String type = link.attr("type").toLowerCase(Locale.ROOT).strip();
			if (rel.contains("alternate") && FEED_TYPES.contains(type)) {
				String href = link.absUrl("href");
				feeds.add(href.isEmpty() ? link.attr("href").strip() : href);
			}
		}
		return List.copyOf(feeds);
	}

	/**
	 * A feed embedded in the page (an XHTML page wrapping an Atom feed or an RSS channel), read as XML;
	 * null when none. An RSS element counts only with a channel in it, so a page merely mentioning one does not.
	 */
	Element embeddedFeed() {
		if (!html.contains("http://www.w3.org/2005/Atom") && !html.contains("<rss") && !html.contains("<RSS")) {
			return null;
		}
		for (Element element : Jsoup.parse(html, "", Parser.xmlParser()).getAllElements()) {
			String name = XmlNames.of(element);
			if (name.equals("atom:feed") || (name.equals("rss") && element.children().stream()
				.anyMatch(child -> XmlNames.local(child).equals("channel")))) {
				return element;
			}
		}
		return null;
	}

	NotAFeedException notAFeed(String what) {
		List<String> feeds = advertisedFeeds();
		String title = document.title().isBlank() ? "" : " titled \"" + document.title().strip() + "\"";
		String message = feeds.isEmpty() ? what + title + ", not a feed; it advertises no feed"
				: what + title + ", not a feed; it advertises: " + String.join(", ", feeds);
		return new NotAFeedException(message, feeds);
	}

}
