package org.newswire.enrich.topic;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/** Where the topic taxonomy is read from: a Spring resource ({@code classpath:...} or {@code file:...}). */
@Validated
@ConfigurationProperties("newswire.enrich.topics")
public record TaxonomyProperties(@NotNull @DefaultValue("classpath:taxonomy/taxonomy.yml") Resource taxonomy) {

}
