package org.newswire.search.elasticsearch;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where Elasticsearch is and how long to wait for it.
 * @param uris HTTP addresses of the nodes, e.g. {@code http://localhost:9200}
 * @param connectTimeout time to open a connection
 * @param socketTimeout time to wait for an answer (bulk requests included)
 */
@Validated
@ConfigurationProperties("newswire.search.elasticsearch")
public record ElasticsearchProperties(@NotEmpty @DefaultValue("http://localhost:9200") List<URI> uris,
		@NotNull @DefaultValue("5s") Duration connectTimeout, @NotNull @DefaultValue("30s") Duration socketTimeout) {

}
