package org.newswire.search.query;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the search API.
 * @param defaultSize hits returned when the request names no {@code size}
 * @param maxSize the largest {@code size} accepted; more is refused with 400
 * @param snippetLength characters of article text around the best match
 * @param maxQueryLength the longest {@code q} accepted
 */
@Validated
@ConfigurationProperties("newswire.search.query")
public record QueryProperties(@Positive @DefaultValue("20") int defaultSize,
		@Positive @Max(10000) @DefaultValue("100") int maxSize, @Positive @DefaultValue("160") int snippetLength,
		@Positive @DefaultValue("1000") int maxQueryLength) {

}
