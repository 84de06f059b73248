package org.newswire.enrich.page;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often a page whose fetch failed transiently (timeout, network error, 429, 5xx) is tried
 * before the article is published from its feed summary: {@code attempts} in all, waiting
 * {@code initialBackoff} doubling up to {@code maxBackoff} (or the site's Retry-After, capped).
 */
public record FetchRetry(@Min(1) @DefaultValue("3") int attempts,
		@NotNull @DefaultValue("500ms") Duration initialBackoff, @NotNull @DefaultValue("5s") Duration maxBackoff) {

	public static FetchRetry none() {
		return new FetchRetry(1, Duration.ZERO, Duration.ZERO);
	}

}
