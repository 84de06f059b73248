package org.newswire.ingest.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newswire.fetch.FetchSettings;
import org.newswire.fetch.HttpFetcher;
import org.newswire.ingest.parse.FeedParser;

import static org.assertj.core.api.Assertions.assertThat;

class ParseFeedCommandTest {

	private final FeedParser parser = new FeedParser();

	@Test
	void printsFeedAndItemsWithUtcDates() throws Exception {
		Path rss = Path.of(getClass().getResource("/parse/rss2-world.xml").toURI());
		try (HttpFetcher fetcher = new HttpFetcher(FetchSettings.defaults())) {
			Map<String, Object> line = ParseFeedCommand.parseOne(parser, fetcher, rss.toString());
			assertThat(line).containsEntry("ok", true).containsEntry("error", null).containsEntry("format", "rss-2.0");
			assertThat(line.get("feed")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.containsEntry("title", "World & Region News");
			List<?> items = (List<?>) line.get("items");
			assertThat(items).hasSize(4);
			Map<?, ?> first = (Map<?, ?>) items.get(0);
			assertThat(first.get("published")).isEqualTo("2024-06-03T12:30:00Z");
			assertThat(first.get("id")).isEqualTo("talks-2024-001");
		}
	}

	@Test
	void reportsUnreadableInputWithoutStopping() {
		try (HttpFetcher fetcher = new HttpFetcher(FetchSettings.defaults())) {
			Map<String, Object> missing = ParseFeedCommand.parseOne(parser, fetcher, "/no/such/feed.xml");
			assertThat(missing).containsEntry("ok", false);
			assertThat((String) missing.get("error")).startsWith("cannot read file");

			Map<String, Object> internal = ParseFeedCommand.parseOne(parser, fetcher, "http://127.0.0.1:9/feed.xml");
			assertThat(internal).containsEntry("ok", false);
			assertThat((String) internal.get("error")).contains("BLOCKED_ADDRESS");
		}
	}

}
