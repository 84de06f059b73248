package org.newswire.ingest.parse;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.newswire.events.PublishedDates;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org); other JSON is not a feed. */
final class JsonFeedReader {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private JsonFeedReader() {
	}

	static ParsedFeed read(String json, URI documentUrl, List<String> repairs)
			throws NotAFeedException, MalformedFeedException {
		JsonNode root;
		try {
			root = MAPPER.readTree(json);
		}
		catch (JacksonException ex) {
			throw new MalformedFeedException("invalid or truncated JSON: " + ex.getOriginalMessage(), ex);
		}
		String version = string(root.path("version"));
		if (!root.isObject() || version == null || !version.contains("jsonfeed.org")) {
			throw new NotAFeedException("JSON, but not a JSON Feed (no jsonfeed.org version)");
		}
		String format = version.endsWith("/1") ? "json-feed-1.0" : "json-feed-" + version.substring(version.lastIndexOf('/') + 1);
		URI feedUrl = LinkResolution.parse(string(root.path("feed_url")));
		URI home = LinkResolution.parse(string(root.path("home_page_url")));
		URI base = documentUrl != null ? documentUrl : feedUrl != null && feedUrl.isAbsolute() ? feedUrl : home;
		List<ParsedFeed.Item> items = new ArrayList<>();
		for (JsonNode item : root.path("items")) {
			if (!item.isObject()) {
				continue;
			}
			String rawLink = string(item.path("url"));
			if (rawLink == null) {
				rawLink = string(item.path("external_url"));
			}
			Set<String> authors = new LinkedHashSet<>();
			addName(authors, item.path("author"));
			for (JsonNode author : item.path("authors")) {
				addName(authors, author);
			}
			Set<String> tags = new LinkedHashSet<>();
			for (JsonNode tag : item.path("tags")) {
				String value = PlainText.of(string(tag), "text");
				if (value != null) {
					tags.add(value);
				}
			}
			String content = string(item.path("content_html")) != null
					? PlainText.summary(string(item.path("content_html")), "html")
					: PlainText.summary(string(item.path("content_text")), "text");
			items.add(new ParsedFeed.Item(string(item.path("id")), PlainText.of(string(item.path("title")), "text"),
					LinkResolution.resolve(base, rawLink), rawLink,
					PlainText.summary(string(item.path("summary")), "text"), content,
					PublishedDates.parse(string(item.path("date_published"))),
					PublishedDates.parse(string(item.path("date_modified"))), List.copyOf(authors), List.copyOf(tags)));
		}
		return new ParsedFeed(format, PlainText.of(string(root.path("title")), "text"), home,
				PlainText.of(string(root.path("description")), "text"), string(root.path("language")), null, null,
				null, repairs, items);
	}

	private static void addName(Set<String> target, JsonNode author) {
		String name = PlainText.of(string(author.path("name")), "text");
		if (name != null) {
			target.add(name);
		}
	}

	private static String string(JsonNode node) {
		if (node == null || !(node.isString() || node.isNumber())) {
			return null;
		}
		String value = node.asString().strip();
		return value.isEmpty() ? null : value;
	}

}
