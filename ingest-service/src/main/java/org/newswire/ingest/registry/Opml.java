package org.newswire.ingest.registry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.newswire.events.Feed;

/**
 * OPML subscription lists, as feed readers export and import them. On import, every {@code outline} with
 * an {@code xmlUrl} is a feed; the folders it sits in and its {@code category} attribute become tags.
 * Read with jsoup's XML parser: no DTD is ever loaded.
 */
final class Opml {

	private Opml() {
	}

	static List<FeedInput> read(String opml) throws InvalidFeedException {
		Document document = Jsoup.parse(opml, "", Parser.xmlParser());
		if (document.selectFirst("opml") == null) {
			throw new InvalidFeedException("not an OPML document (no <opml> element)");
		}
		List<FeedInput> feeds = new ArrayList<>();
		for (Element outline : document.select("outline[xmlUrl]")) {
			Set<String> tags = new LinkedHashSet<>();
			for (Element parent = outline.parent(); parent != null; parent = parent.parent()) {
				if (parent.tagName().equals("outline") && !parent.hasAttr("xmlUrl")) {
					String folder = parent.hasAttr("title") ? parent.attr("title") : parent.attr("text");
					if (!folder.isBlank()) {
						tags.add(folder.strip());
					}
				}
			}
			for (String category : outline.attr("category").split("[,/]")) {
				if (!category.isBlank()) {
					tags.add(category.strip());
				}
			}
			String title = outline.hasAttr("title") ? outline.attr("title") : outline.attr("text");
			feeds.add(new FeedInput(outline.attr("xmlUrl"), title, List.copyOf(tags), null, null, null));
		}
		return feeds;
	}

	static String write(List<Feed> feeds) {
		Document document = Jsoup.parse("<opml version=\"2.0\"><head><title>newswire feeds</title></head><body></body></opml>",
				"", Parser.xmlParser());
		Element body = document.selectFirst("body");
		for (Feed feed : feeds) {
			String title = feed.title() != null ? feed.title() : feed.url();
			Element outline = body.appendElement("outline").attr("type", "rss").attr("text", title).attr("title", title)
				.attr("xmlUrl", feed.url());
			if (!feed.tags().isEmpty()) {
				outline.attr("category", String.join(",", feed.tags()));
			}
		}
		document.outputSettings().prettyPrint(true);
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + document.outerHtml() + "\n";
	}

}
