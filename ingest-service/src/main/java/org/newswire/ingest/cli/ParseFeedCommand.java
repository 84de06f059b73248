package org.newswire.ingest.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.newswire.fetch.FetchException;
import org.newswire.fetch.FetchRequest;
import org.newswire.fetch.FetchResult;
import org.newswire.fetch.FetchSettings;
import org.newswire.fetch.HttpFetcher;
import org.newswire.ingest.parse.FeedParseException;
import org.newswire.ingest.parse.FeedParser;
import org.newswire.ingest.parse.NotAFeedException;
import org.newswire.ingest.parse.ParsedFeed;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./newswire parse-feed FILE|URL...}: parses feed files offline (no Spring, no Kafka; a URL is
 * fetched through the guarded fetcher) and prints one JSON line per input, in input order:
 * {@code {"input","ok","error","format","repairs","feed":{...},"items":[...]}}. A file that cannot be
 * read or parsed gets {@code "ok": false} and the reason; the command never stops early.
 */
public final class ParseFeedCommand {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ParseFeedCommand() {
	}

	public static void main(String[] args) {
		if (args.length == 0) {
			System.err.println("usage: parse-feed FILE...   (one JSON line per file on standard output)");
			System.exit(2);
		}
		PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
		FeedParser parser = new FeedParser();
		try (HttpFetcher fetcher = new HttpFetcher(FetchSettings.defaults())) {
			for (String arg : args) {
				out.println(JSON.writeValueAsString(parseOne(parser, fetcher, arg)));
			}
		}
		out.flush();
		// every input got its line (with "ok"); the exit status is for usage errors only
		System.exit(0);
	}

	static Map<String, Object> parseOne(FeedParser parser, HttpFetcher fetcher, String input) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("input", input);
		try {
			ParsedFeed feed;
			if (input.regionMatches(true, 0, "http://", 0, 7) || input.regionMatches(true, 0, "https://", 0, 8)) {
				// through the same guarded fetcher as the service: internal addresses are refused
				FetchResult fetched = fetcher.fetch(FetchRequest.of(URI.create(input)));
				feed = parser.parse(fetched.body(), fetched.finalUrl(), fetched.declaredCharset());
			}
			else {
				feed = parser.parse(Files.readAllBytes(Path.of(input)), null);
			}
			line.put("ok", true);
			line.put("error", null);
			line.put("format", feed.format());
			line.put("repairs", feed.repairs());
			line.put("feed", feed(feed));
			List<Map<String, Object>> items = new ArrayList<>(feed.items().size());
			for (ParsedFeed.Item item : feed.items()) {
				items.add(item(item));
			}
			line.put("items", items);
		}
		catch (NotAFeedException ex) {
			failed(line, "not a feed: " + ex.getMessage());
			if (!ex.advertisedFeeds().isEmpty()) {
				line.put("advertisedFeeds", ex.advertisedFeeds());
			}
		}
		catch (FeedParseException ex) {
			failed(line, "malformed: " + ex.getMessage());
		}
		catch (FetchException ex) {
			failed(line, "cannot fetch: " + ex.reason() + (ex.httpStatus() > 0 ? " " + ex.httpStatus() : "") + ": "
					+ ex.getMessage());
		}
		catch (IOException ex) {
			failed(line, "cannot read file: " + ex);
		}
		catch (RuntimeException | StackOverflowError | OutOfMemoryError ex) {
			failed(line, "parser failure: " + ex);
		}
		return line;
	}

	private static void failed(Map<String, Object> line, String error) {
		line.put("ok", false);
		line.put("error", error);
		line.put("format", null);
		line.put("feed", null);
		line.put("items", List.of());
	}

	private static Map<String, Object> feed(ParsedFeed feed) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("title", feed.title());
		map.put("link", text(feed.link()));
		map.put("description", feed.description());
		map.put("language", feed.language());
		map.put("published", text(feed.publishedAt()));
		map.put("updated", text(feed.updatedAt()));
		return map;
	}

	private static Map<String, Object> item(ParsedFeed.Item item) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", item.guid());
		map.put("title", item.title());
		map.put("link", item.link() != null ? item.link().toString() : item.rawLink());
		map.put("description", item.summary());
		map.put("content", item.content());
		map.put("published", text(item.publishedAt()));
		map.put("updated", text(item.updatedAt()));
		map.put("authors", item.authors());
		map.put("categories", item.categories());
		return map;
	}

	private static String text(URI uri) {
		return uri == null ? null : uri.toString();
	}

	private static String text(Instant instant) {
		return instant == null ? null : instant.toString();
	}

}
