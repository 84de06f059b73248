package org.newswire.enrich.topic;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Where the topic taxonomy is read from: a Spring resource ({@code classpath:...} or {@code file:...});
 * a file is checked for changes every {@code reloadInterval} (0 to never).
 */
@Validated
@ConfigurationProperties("newswire.enrich.topics")
public record TaxonomyProperties(@NotNull @DefaultValue("classpath:taxonomy/taxonomy.yml") Resource taxonomy,
		@NotNull @DefaultValue("10s") Duration reloadInterval) {

}
