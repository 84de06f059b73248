package org.newswire.ingest.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.newswire.testsupport.DevSets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the parser over the shared development corpus ({@code ../shared/feeds-dev}) and holds it to the
 * issue's targets: feeds accepted, non-feeds rejected, item counts right. Skipped when the corpus is absent.
 * The full scoring (titles, links, dates) is {@code ./newswire parse-feed} piped into
 * {@code shared/tools/score-feeds}.
 */
class FeedsDevSetTest {

	@Test
	void acceptsFeedsRejectsNonFeedsAndCountsItems() throws IOException {
		Path corpus = DevSets.find("feeds-dev").filter(dir -> Files.isRegularFile(dir.resolve("manifest.jsonl")))
			.orElse(null);
		Assumptions.assumeTrue(corpus != null, "../shared/feeds-dev is not here: dev-set check skipped");
		FeedParser parser = new FeedParser();
		JsonMapper json = JsonMapper.builder().build();
		int feeds = 0;
		int accepted = 0;
		int nonFeeds = 0;
		int rejected = 0;
		int counts = 0;
		int countsRight = 0;
		List<String> failures = new ArrayList<>();
		for (String line : Files.readAllLines(corpus.resolve("manifest.jsonl"))) {
			JsonNode row = json.readTree(line);
			String file = row.path("file").asString();
			JsonNode shouldParse = row.path("should_parse");
			ParsedFeed feed = null;
			String error = null;
			try {
				feed = parser.parse(Files.readAllBytes(corpus.resolve(file)), null);
			}
			catch (FeedParseException ex) {
				error = ex.getMessage();
			}
			if (shouldParse.isBoolean() && shouldParse.asBoolean()) {
				feeds++;
				if (feed != null) {
					accepted++;
				}
				else {
					failures.add(file + ": rejected (" + error + ")");
				}
				JsonNode count = row.path("expected").path("item_count");
				if (count.isNumber()) {
					counts++;
					if (feed != null && feed.items().size() == count.asInt()) {
						countsRight++;
					}
					else if (feed != null) {
						failures.add(file + ": " + feed.items().size() + " items, expected " + count.asInt());
					}
				}
			}
			else if (shouldParse.isBoolean()) {
				nonFeeds++;
				if (feed == null) {
					rejected++;
				}
				else {
					failures.add(file + ": accepted a non-feed as " + feed.format());
				}
			}
		}
		System.out.printf("feeds-dev: accepted %d/%d, rejected %d/%d, item counts %d/%d%n", accepted, feeds, rejected,
				nonFeeds, countsRight, counts);
		failures.forEach(failure -> System.out.println("  " + failure));
		assertThat(accepted).as("feeds accepted").isGreaterThanOrEqualTo((int) Math.ceil(feeds * 0.99));
		assertThat(rejected).as("non-feeds rejected").isEqualTo(nonFeeds);
		assertThat(countsRight).as("item counts").isGreaterThanOrEqualTo((int) Math.ceil(counts * 0.98));
	}

}
