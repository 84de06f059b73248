package org.newswire.ingest.poll;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class PollPropertiesTest {

	@Test
	void defaultsComeFromApplicationYml() throws IOException {
		PollProperties properties = bind(Map.of());

		assertThat(properties.feedUrls()).isEmpty();
		assertThat(properties.interval()).isEqualTo(Duration.ofMinutes(5));
		assertThat(properties.initialDelay()).isEqualTo(Duration.ofSeconds(2));
		assertThat(properties.maxItemsPerFeed()).isEqualTo(500);
	}

	@Test
	void readsCommaSeparatedFeedUrlsFromTheEnvironment() throws IOException {
		PollProperties properties = bind(Map.of("NEWSWIRE_INGEST_POLL_FEEDURLS",
				"https://feeds.example/world.xml,http://localhost:8090/sample-feed.xml", "NEWSWIRE_INGEST_POLL_INTERVAL",
				"30s"));

		assertThat(properties.feedUrls()).containsExactly(URI.create("https://feeds.example/world.xml"),
				URI.create("http://localhost:8090/sample-feed.xml"));
		assertThat(properties.interval()).isEqualTo(Duration.ofSeconds(30));
	}

	private static PollProperties bind(Map<String, Object> environment) throws IOException {
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources().forEach(source -> env.getPropertySources().remove(source.getName()));
		env.getPropertySources().addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
		new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
			.forEach(env.getPropertySources()::addLast);
		return Binder.get(env).bind("newswire.ingest.poll", PollProperties.class).get();
	}

}
