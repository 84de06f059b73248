package org.newswire.enrich.page;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

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
