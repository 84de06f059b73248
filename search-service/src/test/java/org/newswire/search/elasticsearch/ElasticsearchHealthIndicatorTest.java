package org.newswire.search.elasticsearch;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.ElasticsearchTransport;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class ElasticsearchHealthIndicatorTest {

	@Test
	void reportsDownWithTheReasonWhenElasticsearchIsUnreachable() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		ElasticsearchProperties properties = new ElasticsearchProperties(
				List.of(URI.create("http://127.0.0.1:" + closedPort)), Duration.ofSeconds(2), Duration.ofSeconds(2));
		try (ElasticsearchTransport transport = new ElasticsearchConfig().elasticsearchTransport(properties)) {
			Health health = new ElasticsearchHealthIndicator(new ElasticsearchClient(transport)).health();

			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails().get("error")).asString().contains("Connection refused");
		}
	}

}
