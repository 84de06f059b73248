package org.newswire.ingest.poll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newswire.ingest.parse.ParsedFeed;

import static org.assertj.core.api.Assertions.assertThat;

class ItemCapTest {

	@Test
	void keepsTheNewestItemsWhenAFeedHasTooMany() {
		List<ParsedFeed.Item> items = new ArrayList<>();
		Instant base = Instant.parse("2026-01-01T00:00:00Z");
		for (int i = 0; i < 100_000; i++) {
			// document order oldest first, as some archives list them; every tenth item undated
			Instant date = i % 10 == 0 ? null : base.plusSeconds(i);
			items.add(new ParsedFeed.Item("id-" + i, "t" + i, null, null, null, date, null, List.of(), List.of()));
		}

		List<ParsedFeed.Item> kept = FeedIngestor.newest(items, 500);

		assertThat(kept).hasSize(500);
		assertThat(kept.get(0).guid()).isEqualTo("id-99999");
		assertThat(kept).allSatisfy(item -> assertThat(item.publishedAt()).isAfter(base.plusSeconds(99_000)));
	}

}
