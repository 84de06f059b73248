package org.newswire.search.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.newswire.search.query.ArticleCriteria;

/**
 * A stored alert rule. {@code kind} is {@code match} (fires for each newly indexed matching article)
 * or {@code threshold} (fires once when at least {@code threshold} matching articles were published
 * within {@code window}, and again only after the count fell below it). {@code webhookSecret} keys
 * the HMAC-SHA256 signature of webhook calls; the API shows it once, in the answer that creates the
 * rule. {@code webhook} and {@code thresholdAbove} are kept up
 * to date by the service.
 */
public record Rule(String id, String name, String query, List<String> topics, List<String> entities,
		List<String> sources, List<String> languages, String kind, Integer threshold, String window,
		String webhookUrl, String webhookSecret, Instant createdAt, Instant updatedAt, WebhookStatus webhook,
		Boolean thresholdAbove) {

	public static final String MATCH = "match";

	public static final String THRESHOLD = "threshold";

	public Rule {
		topics = topics == null ? List.of() : List.copyOf(topics);
		entities = entities == null ? List.of() : List.copyOf(entities);
		sources = sources == null ? List.of() : List.copyOf(sources);
		languages = languages == null ? List.of() : List.copyOf(languages);
		webhook = webhook == null ? WebhookStatus.NONE : webhook;
	}

	/** Delivery state of the rule's webhook: counts, the last error and when it happened. */
	public record WebhookStatus(long delivered, long failures, String lastError, Instant lastErrorAt,
			Instant lastDeliveredAt) {

		static final WebhookStatus NONE = new WebhookStatus(0, 0, null, null, null);

	}

	public ArticleCriteria criteria() {
		return new ArticleCriteria(this.query, this.topics, this.entities, this.sources, this.languages, null, null);
	}

	boolean isThreshold() {
		return THRESHOLD.equals(this.kind);
	}

	Duration windowDuration() {
		return RuleDraft.parseWindow(this.window);
	}

	Rule withWebhook(WebhookStatus status) {
		return new Rule(this.id, this.name, this.query, this.topics, this.entities, this.sources, this.languages,
				this.kind, this.threshold, this.window, this.webhookUrl, this.webhookSecret, this.createdAt,
				this.updatedAt, status, this.thresholdAbove);
	}

	/** The rule as the API shows it after creation: without its webhook secret. */
	Rule withoutSecret() {
		return new Rule(this.id, this.name, this.query, this.topics, this.entities, this.sources, this.languages,
				this.kind, this.threshold, this.window, this.webhookUrl, null, this.createdAt, this.updatedAt,
				this.webhook, this.thresholdAbove);
	}

	Rule withThresholdAbove(boolean above) {
		return new Rule(this.id, this.name, this.query, this.topics, this.entities, this.sources, this.languages,
				this.kind, this.threshold, this.window, this.webhookUrl, this.webhookSecret, this.createdAt,
				this.updatedAt, this.webhook, above);
	}

}
