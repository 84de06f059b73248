package org.newswire.enrich.page;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newswire.fetch.FetchSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagePropertiesTest {

	private static final FetchSettings FETCH = new FetchSettings(null, null, null, 0, 0, List.of(), 2,
			Duration.ofSeconds(1), Duration.ofSeconds(45));

	@Test
	void refusesAMaximumCrawlDelayNotShorterThanTheWaitForATurn() {
		RobotsSettings robots = new RobotsSettings(true, Duration.ofHours(24), Duration.ofMinutes(10), 100,
				Duration.ofSeconds(45));

		assertThatThrownBy(() -> new PageProperties(FETCH, FetchRetry.none(), robots))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("newswire.enrich.robots.max-crawl-delay")
			.hasMessageContaining("newswire.enrich.fetch.per-host-max-wait");
	}

	@Test
	void acceptsAShorterMaximumCrawlDelayOrRobotsTurnedOff() {
		RobotsSettings robots = new RobotsSettings(true, Duration.ofHours(24), Duration.ofMinutes(10), 100,
				Duration.ofSeconds(30));

		assertThat(new PageProperties(FETCH, FetchRetry.none(), robots).robots().maxCrawlDelay())
			.isEqualTo(Duration.ofSeconds(30));
		assertThat(new PageProperties(FETCH, FetchRetry.none(), RobotsSettings.disabled()).robots().enabled()).isFalse();
	}

	@Test
	void refusesANegativeMaximumCrawlDelay() {
		assertThatThrownBy(() -> new RobotsSettings(true, Duration.ofHours(24), Duration.ofMinutes(10), 100,
				Duration.ofSeconds(-1)))
			.hasMessageContaining("newswire.enrich.robots.max-crawl-delay");
	}

}
