package org.newswire.enrich.extract;

import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Main-text extraction: text shorter than {@code minTextLength} characters is not trusted as an
 * article (an index page, a paywall stub) and the feed summary is used instead, status {@code no-text}.
 */
@Validated
@ConfigurationProperties("newswire.enrich.extract")
public record ExtractProperties(@PositiveOrZero @DefaultValue("200") int minTextLength) {

}
