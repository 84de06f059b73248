package org.newswire.ingest.dedup;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeenArticlesTest {

	@Test
	void remembersWhatWasAlreadyPublishedBeforeStartUp() {
		SeenArticles seen = new SeenArticles(1000, sink -> List.of("a", "b").forEach(sink));

		assertThat(seen.ensureLoaded()).isTrue();

		assertThat(seen.contains("a")).isTrue();
		assertThat(seen.contains("b")).isTrue();
		assertThat(seen.contains("c")).isFalse();
	}

	@Test
	void remembersArticlesMarkedPublished() {
		SeenArticles seen = new SeenArticles(1000, sink -> {
		});
		seen.ensureLoaded();

		seen.markPublished("c");

		assertThat(seen.contains("c")).isTrue();
	}

	@Test
	void reportsNotReadyWhileThePublishedIdsCannotBeRead() {
		AtomicInteger attempts = new AtomicInteger();
		SeenArticles seen = new SeenArticles(1000, sink -> {
			if (attempts.incrementAndGet() == 1) {
				sink.accept("partial");
				throw new TimeoutException("broker not reachable");
			}
			List.of("partial", "complete").forEach(sink);
		});

		assertThat(seen.ensureLoaded()).isFalse();
		assertThat(seen.ensureLoaded()).isTrue();
		assertThat(seen.ensureLoaded()).isTrue();

		assertThat(attempts).hasValue(2);
		assertThat(seen.contains("complete")).isTrue();
	}

	@Test
	void forgetsTheLeastRecentlySeenWhenFull() {
		SeenArticles seen = new SeenArticles(3, sink -> List.of("a", "b", "c").forEach(sink));
		seen.ensureLoaded();

		seen.contains("a"); // still offered by a feed: must outlive "b"
		seen.markPublished("d");

		assertThat(seen.contains("b")).isFalse();
		assertThat(seen.contains("a")).isTrue();
		assertThat(seen.contains("c")).isTrue();
		assertThat(seen.contains("d")).isTrue();
		assertThat(seen.size()).isEqualTo(3);
		assertThat(seen.evicted()).isEqualTo(1);
	}

}
