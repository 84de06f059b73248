package org.newswire.ingest.parse;

import java.util.Locale;
import java.util.Map;

import org.jsoup.nodes.Element;

/**
 * Namespace-aware element names for a tree built by jsoup's lenient XML parser (which keeps prefixes
 * as written): an element's name is its local name, lower-cased, behind a conventional prefix chosen by
 * its namespace URI ({@code atom:link} however the document spells the Atom prefix). Elements of the
 * RSS namespaces and of no namespace have no prefix. An undeclared prefix is taken as written.
 */
final class XmlNames {

	private static final Map<String, String> PREFIXES = Map.ofEntries(
			Map.entry("http://www.w3.org/2005/atom", "atom"), Map.entry("http://purl.org/atom/ns#", "atom"),
			Map.entry("http://purl.org/rss/1.0/", ""), Map.entry("http://my.netscape.com/rdf/simple/0.9/", ""),
			Map.entry("http://backend.userland.com/rss2", ""), Map.entry("http://backend.userland.com/rss", ""),
			Map.entry("http://channel.netscape.com/rdf/simple/0.9/", ""),
			Map.entry("http://www.sitemaps.org/schemas/sitemap/0.9", ""),
			Map.entry("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf"),
			Map.entry("http://purl.org/dc/elements/1.1/", "dc"), Map.entry("http://purl.org/dc/terms/", "dcterms"),
			Map.entry("http://purl.org/rss/1.0/modules/content/", "content"),
			Map.entry("http://purl.org/rss/1.0/modules/syndication/", "sy"),
			Map.entry("http://www.itunes.com/dtds/podcast-1.0.dtd", "itunes"),
			Map.entry("http://search.yahoo.com/mrss/", "media"), Map.entry("http://search.yahoo.com/mrss", "media"),
			Map.entry("http://www.google.com/schemas/sitemap-news/0.9", "news"),
			Map.entry("http://www.w3.org/1999/xhtml", "xhtml"));

	private XmlNames() {
	}

	static String of(Element element) {
		String tag = element.tagName();
		int colon = tag.indexOf(':');
		String prefix = colon < 0 ? "" : tag.substring(0, colon);
		String local = (colon < 0 ? tag : tag.substring(colon + 1)).toLowerCase(Locale.ROOT);
		String uri = namespace(element, prefix);
		String conventional;
		if (uri == null) {
			// undeclared: the prefix as written, except an "rss:" prefix on RSS's own elements
			conventional = prefix.equalsIgnoreCase("rss") ? "" : prefix.toLowerCase(Locale.ROOT);
		}
		else {
			String normalized = uri.strip().toLowerCase(Locale.ROOT);
			conventional = PREFIXES.get(normalized);
			if (conventional == null && normalized.startsWith("http://purl.org/atom/ns#")) {
				conventional = "atom";
			}
			if (conventional == null) {
				conventional = prefix.toLowerCase(Locale.ROOT);
			}
		}
		return conventional.isEmpty() ? local : conventional + ":" + local;
	}

	/** The local name without any prefix, lower-cased. */
	static String local(Element element) {
		String tag = element.tagName();
		int colon = tag.indexOf(':');
		return (colon < 0 ? tag : tag.substring(colon + 1)).toLowerCase(Locale.ROOT);
	}

	static String namespace(Element element, String prefix) {
		String attribute = prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix;
		for (Element e = element; e != null; e = e.parent()) {
			if (e.hasAttr(attribute)) {
				return e.attr(attribute);
			}
		}
		return null;
	}

}
