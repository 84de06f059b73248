package org.newswire.ingest.normalize;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CanonicalUrlTest {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			HTTPS://News.Example.COM/World/Story                          | https://news.example.com/World/Story
			https://news.example:443/a                                    | https://news.example/a
			http://news.example:80/a                                      | http://news.example/a
			http://news.example:8080/a                                    | http://news.example:8080/a
			https://news.example/a#comments                               | https://news.example/a
			https://news.example                                          | https://news.example/
			https://news.example/a?utm_source=rss&utm_medium=feed         | https://news.example/a
			https://news.example/a?id=5&UTM_Campaign=x&fbclid=abc         | https://news.example/a?id=5
			https://news.example/a?gclid=1&mc_cid=2&mc_eid=3&igshid=4&ref_src=twsrc | https://news.example/a
			https://news.example/a?b=2&a=1&c=3                            | https://news.example/a?a=1&b=2&c=3
			https://news.example/a?b=2&&a=1&                              | https://news.example/a?a=1&b=2
			https://news.example/a/./b/../c                               | https://news.example/a/c
			https://news.example./a                                       | https://news.example/a
			https://news.example/caf%C3%A9?q=Caf%C3%A9                    | https://news.example/caf%C3%A9?q=Caf%C3%A9
			""")
	void canonicalises(String url, String canonical) {
		assertThat(CanonicalUrl.of(URI.create(url))).isEqualTo(canonical);
	}

	@Test
	void keepsPathAndParameterValueCase() {
		assertThat(CanonicalUrl.of(URI.create("https://news.example/Path/To?Key=Value")))
			.isEqualTo("https://news.example/Path/To?Key=Value");
	}

	@Test
	void encodesNonAsciiCharactersLikeTheirEscapedForm() {
		assertThat(CanonicalUrl.of(URI.create("https://news.example/café")))
			.isEqualTo(CanonicalUrl.of(URI.create("https://news.example/caf%C3%A9")));
	}

	@Test
	void treatsUrlsThatDifferOnlyByTrackingAndOrderAsOne() {
		String plain = CanonicalUrl.of(URI.create("https://news.example/story?id=7&page=2"));
		String tracked = CanonicalUrl
			.of(URI.create("https://NEWS.example:443/story?page=2&utm_source=rss&id=7&utm_campaign=feed#top"));
		assertThat(tracked).isEqualTo(plain);
		assertThat(ArticleIds.of(tracked)).isEqualTo(ArticleIds.of(plain));
	}

	@Test
	void rejectsNonHttpUrls() {
		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalUrl.of(URI.create("ftp://news.example/a")))
			.withMessageContaining("not an http(s) URL");
		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalUrl.of(URI.create("mailto:desk@news.example")));
		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalUrl.of(URI.create("/relative/only")));
	}

	@Test
	void articleIdIsFirst32HexCharactersOfSha256OfTheCanonicalUrl() {
		// printf 'https://news.example/a' | sha256sum
		assertThat(ArticleIds.of("https://news.example/a")).isEqualTo("95bbca1f9b4bae7d73e89dc2c1be3dbe");
	}

}
