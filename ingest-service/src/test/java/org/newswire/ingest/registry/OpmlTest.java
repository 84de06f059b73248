package org.newswire.ingest.registry;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.newswire.events.Feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OpmlTest {

	@Test
	void readsFeedsWithFoldersAndCategoriesAsTags() throws Exception {
		List<FeedInput> feeds = Opml.read("""
				<?xml version="1.0"?><opml version="1.0"><body>
				<outline title="World"><outline text="BBC" xmlUrl="https://feeds.bbci.co.uk/news/world/rss.xml"/></outline>
				<outline text="Tech" title="Tech site" xmlUrl="https://tech.example/feed" category="/tech/gadgets"/>
				</body></opml>""");
		assertThat(feeds).extracting(FeedInput::url)
			.containsExactly("https://feeds.bbci.co.uk/news/world/rss.xml", "https://tech.example/feed");
		assertThat(feeds.get(0).tags()).containsExactly("World");
		assertThat(feeds.get(0).title()).isEqualTo("BBC");
		assertThat(feeds.get(1).title()).isEqualTo("Tech site");
		assertThat(feeds.get(1).tags()).containsExactly("tech", "gadgets");
	}

	@Test
	void refusesWhatIsNotOpml() {
		assertThatExceptionOfType(InvalidFeedException.class).isThrownBy(() -> Opml.read("<rss/>"))
			.withMessageContaining("not an OPML");
	}

	@Test
	void writesWhatItReads() throws Exception {
		String opml = Opml.write(List.of(new Feed(Feed.SCHEMA, "f1", "https://a.example/rss?x=1&y=2", "A & B",
				List.of("news", "eu"), null)));
		List<FeedInput> back = Opml.read(opml);
		assertThat(back).singleElement().satisfies(feed -> {
			assertThat(feed.url()).isEqualTo("https://a.example/rss?x=1&y=2");
			assertThat(feed.title()).isEqualTo("A & B");
			assertThat(feed.tags()).containsExactly("news", "eu");
		});
	}

}
