package org.newswire.enrich.entity;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/** Where the entity gazetteer is read from: a Spring resource ({@code classpath:...} or {@code file:...}). */
@Validated
@ConfigurationProperties("newswire.enrich.entities")
public record GazetteerProperties(@NotNull @DefaultValue("classpath:gazetteer/gazetteer.yml") Resource gazetteer) {

}
