package org.newswire.search.alert;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.newswire.fetch.FetchSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Alert rules and their delivery.
 * @param rulesIndex the Elasticsearch index holding the rules (outside the {@code news-*} template)
 * @param alertsIndex the index of fired alerts, one document per (rule, article) pair
 * @param topicPartitions partitions of {@code news.alerts} when this service creates it
 * @param maxRules the most rules accepted
 * @param ruleCacheTtl how long rules read from the index are reused before reading them again
 * @param previewWindow how far back {@code POST /api/rules/preview} looks
 * @param webhook delivery of alerts to rule webhooks
 */
@Validated
@ConfigurationProperties("newswire.search.alerts")
public record AlertProperties(@NotBlank @DefaultValue("newswire-rules") String rulesIndex,
		@NotBlank @DefaultValue("newswire-alerts") String alertsIndex,
		@Positive @DefaultValue("3") int topicPartitions, @Positive @Max(100000) @DefaultValue("10000") int maxRules,
		@NotNull @DefaultValue("2s") Duration ruleCacheTtl, @NotNull @DefaultValue("7d") Duration previewWindow,
		@Valid @NotNull @DefaultValue Webhook webhook) {

	/**
	 * @param attempts tries per alert before the failure is recorded on the rule
	 * @param initialBackoff pause after the first failed try, doubled after each
	 * @param queueCapacity alerts waiting for delivery at most; beyond it they are recorded as failed
	 * @param threads delivery threads
	 * @param fetch HTTP limits and {@code allowed-hosts} exempted from the private-address guard
	 */
	public record Webhook(@Positive @DefaultValue("4") int attempts,
			@NotNull @DefaultValue("1s") Duration initialBackoff, @Positive @DefaultValue("1000") int queueCapacity,
			@Positive @DefaultValue("2") int threads, FetchSettings fetch) {

		public Webhook {
			fetch = (fetch == null) ? FetchSettings.defaults() : fetch.withPoliteness(2, Duration.ZERO);
		}

	}

}
