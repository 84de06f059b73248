package org.newswire.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Elasticsearch 8.19 Java client, wired by hand: Spring Boot 4's auto-configuration targets the
 * 9.x client. The transport owns the low-level {@link RestClient} and is closed with the context.
 */
@Configuration(proxyBeanMethods = false)
public class ElasticsearchConfig {

	/** The JSON mapper for documents: Jackson 2 (what the 8.19 client speaks), dates as ISO-8601 strings. */
	public static JacksonJsonpMapper jsonpMapper() {
		ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
			.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		return new JacksonJsonpMapper(mapper);
	}

	@Bean(destroyMethod = "close")
	ElasticsearchTransport elasticsearchTransport(ElasticsearchProperties properties) {
		HttpHost[] hosts = properties.uris()
			.stream()
			.map(uri -> new HttpHost(uri.getHost(), uri.getPort(), uri.getScheme()))
			.toArray(HttpHost[]::new);
		RestClient restClient = RestClient.builder(hosts)
			.setRequestConfigCallback(config -> config
				.setConnectTimeout((int) properties.connectTimeout().toMillis())
				.setSocketTimeout((int) properties.socketTimeout().toMillis()))
			.build();
		return new RestClientTransport(restClient, jsonpMapper());
	}

	@Bean
	ElasticsearchClient elasticsearchClient(ElasticsearchTransport transport) {
		return new ElasticsearchClient(transport);
	}

	@Bean
	ElasticsearchHealthIndicator elasticsearchHealthIndicator(ElasticsearchClient client) {
		return new ElasticsearchHealthIndicator(client);
	}

}
