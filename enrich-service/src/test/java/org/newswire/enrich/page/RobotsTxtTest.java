package org.newswire.enrich.page;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RobotsTxtTest {

	@Test
	void appliesTheStarGroupToCrawlersItDoesNotName() throws IOException {
		RobotsTxt robots = RobotsTxt.parse(fixture(), "SomeBot/2.0");

		assertThat(robots.allows("/2025/08/story/")).isTrue();
		assertThat(robots.allows("/search?q=x")).isFalse();
		assertThat(robots.allows("/story?share=twitter")).isFalse();
		assertThat(robots.allows("/private/notes")).isFalse();
		assertThat(robots.allows("/private/press-releases/2025")).as("the longer Allow wins").isTrue();
		assertThat(robots.allows("/report.pdf")).isFalse();
		assertThat(robots.allows("/report.pdf?x=1")).as("$ anchors the end").isTrue();
	}

	@Test
	void usesOnlyTheGroupThatNamesOurProductToken() throws IOException {
		RobotsTxt robots = RobotsTxt.parse(fixture(), "newswire-enrich/0.1 (+https://example.org)");

		assertThat(robots.allows("/archive/2019/story")).isFalse();
		assertThat(robots.allows("/search?q=x")).as("the * group does not apply once a group names us").isTrue();
	}

	@Test
	void allowsEverythingWhenTheFileIsEmptyOrGarbage() {
		assertThat(RobotsTxt.parse("", "newswire").allows("/any")).isTrue();
		assertThat(RobotsTxt.parse("<html><body>Not found</body></html>", "newswire").allows("/any")).isTrue();
		assertThat(RobotsTxt.parse("User-agent: *\nDisallow:\n", "newswire").allows("/any"))
			.as("an empty Disallow allows all")
			.isTrue();
	}

	@Test
	void disallowAllKeepsRobotsTxtItselfReadable() {
		RobotsTxt robots = RobotsTxt.parse("User-agent: *\nDisallow: /\n", "newswire");

		assertThat(robots.allows("/")).isFalse();
		assertThat(robots.allows("/news/1")).isFalse();
		assertThat(robots.allows("/robots.txt")).isTrue();
	}

	@Test
	void readsTheCrawlDelayOfOurGroupElseTheStarGroup() {
		String file = "User-agent: *\nCrawl-delay: 10\nDisallow: /search\n\n"
				+ "User-agent: newswire\nCrawl-delay: 2.5\nDisallow: /archive/\n";

		assertThat(RobotsTxt.parse(file, "newswire/0.1").crawlDelay()).contains(Duration.ofMillis(2500));
		assertThat(RobotsTxt.parse(file, "OtherBot/1.0").crawlDelay()).contains(Duration.ofSeconds(10));
		assertThat(RobotsTxt.parse(file.replace("Crawl-delay: 2.5\n", ""), "newswire/0.1").crawlDelay())
			.as("our group sets none: the * group's applies")
			.contains(Duration.ofSeconds(10));
		assertThat(RobotsTxt.parse(file.replace("Crawl-delay: 2.5\n", ""), "newswire/0.1").allows("/search"))
			.as("but its paths do not")
			.isTrue();
	}

	@Test
	void keepsACrawlDelayLineInItsGroupAndIgnoresUnusableValues() {
		assertThat(RobotsTxt.parse("User-agent: a\nCrawl-delay: 5\nUser-agent: b\nDisallow: /x\n", "b").crawlDelay())
			.as("a User-agent line after Crawl-delay starts a new group")
			.isEmpty();
		assertThat(RobotsTxt.parse("User-agent: *\nCrawl-delay: soon\n", "newswire").crawlDelay()).isEmpty();
		assertThat(RobotsTxt.parse("User-agent: *\nCrawl-delay: -3\n", "newswire").crawlDelay()).isEmpty();
		assertThat(RobotsTxt.parse("Crawl-delay: 5\n", "newswire").crawlDelay()).as("outside any group").isEmpty();
		assertThat(RobotsTxt.parse("", "newswire").crawlDelay()).isEmpty();
	}

	@Test
	void readsTheProductTokenOfAUserAgent() {
		assertThat(RobotsTxt.productToken("newswire-enrich/0.1 (+https://x)")).isEqualTo("newswire-enrich");
		assertThat(RobotsTxt.productToken("Mozilla (compatible)")).isEqualTo("mozilla");
	}

	private static String fixture() throws IOException {
		try (InputStream in = RobotsTxtTest.class.getResourceAsStream("/page/robots-news-site.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
