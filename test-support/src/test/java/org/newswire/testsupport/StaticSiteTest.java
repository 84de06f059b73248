package org.newswire.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticSiteTest {

	@TempDir
	Path root;

	@Test
	void servesFilesWithTheirContentType() throws Exception {
		Files.writeString(this.root.resolve("feed.xml"), "<rss version=\"2.0\"/>");
		try (StaticSite site = StaticSite.start(this.root, 0)) {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(site.uri().resolve("/feed.xml?utm_source=rss")).build(),
						HttpResponse.BodyHandlers.ofString());

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/rss+xml; charset=utf-8");
			assertThat(response.body()).isEqualTo("<rss version=\"2.0\"/>");
		}
	}

	@Test
	void answersNotFoundForMissingFiles() throws Exception {
		try (StaticSite site = StaticSite.start(this.root, 0)) {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(site.uri().resolve("/nothing.html")).build(), HttpResponse.BodyHandlers.ofString());

			assertThat(response.statusCode()).isEqualTo(404);
		}
	}

	@Test
	void neverResolvesOutsideItsFolder() throws IOException {
		Path inside = Files.createDirectory(this.root.resolve("site"));
		Files.writeString(this.root.resolve("secret.txt"), "no");

		assertThat(StaticSite.resolve(inside, "/../secret.txt")).isEmpty();
		assertThat(StaticSite.resolve(inside, "/%2e%2e/secret.txt")).isEmpty();
	}

	@Test
	void servesTheIndexOfAFolder() throws IOException {
		Path index = Files.writeString(this.root.resolve("index.html"), "<html></html>");

		assertThat(StaticSite.resolve(this.root, "/")).contains(index);
		assertThat(StaticSite.contentType(index)).isEqualTo("text/html; charset=utf-8");
	}

}
