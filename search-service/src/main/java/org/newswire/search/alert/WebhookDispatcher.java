package org.newswire.search.alert;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PreDestroy;
import org.newswire.events.Alert;
import org.newswire.events.EventSerde;
import org.newswire.fetch.FetchException;
import org.newswire.fetch.HttpFetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * POSTs alerts as JSON to rule webhooks on its own threads with a bounded queue, so a slow or failing
 * webhook never holds up indexing. Each call carries {@code X-Newswire-Signature: sha256=<hex>}, the
 * HMAC-SHA256 of the exact body with the rule's secret. Transient failures are retried with doubling
 * pauses; the outcome (delivered count, failure count, last error) is recorded on the rule. Calls go
 * through the shared {@link HttpFetcher}: http(s) only, no loopback/private/link-local address unless
 * {@code newswire.search.alerts.webhook.fetch.allowed-hosts} allows it, redirects not followed.
 */
@Component
class WebhookDispatcher {

	static final String SIGNATURE_HEADER = "X-Newswire-Signature";

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private final HttpFetcher fetcher;

	private final RuleStore rules;

	private final AlertProperties.Webhook settings;

	private final ThreadPoolExecutor executor;

	WebhookDispatcher(RuleStore rules, AlertProperties properties) {
		this.rules = rules;
		this.settings = properties.webhook();
		this.fetcher = new HttpFetcher(this.settings.fetch());
		this.executor = new ThreadPoolExecutor(this.settings.threads(), this.settings.threads(), 1, TimeUnit.MINUTES,
				new ArrayBlockingQueue<>(this.settings.queueCapacity()), runnable -> {
					Thread thread = new Thread(runnable, "webhook");
					thread.setDaemon(true);
					return thread;
				});
	}

	void submit(Rule rule, Alert alert) {
		try {
			this.executor.execute(() -> deliver(rule, alert));
		}
		catch (RejectedExecutionException ex) {
			log.warn("Webhook queue full; alert {} of rule {} not sent to its webhook", alert.alertId(), rule.id());
			record(rule.id(), "queue full: more than " + this.settings.queueCapacity() + " alerts waiting");
		}
	}

	private void deliver(Rule rule, Alert alert) {
		byte[] body = EventSerde.toJson(alert);
		Map<String, String> headers = Map.of(SIGNATURE_HEADER, signature(rule.webhookSecret(), body),
				"X-Newswire-Alert-Id", alert.alertId(), "X-Newswire-Rule-Id", rule.id());
		Duration pause = this.settings.initialBackoff();
		String error = null;
		for (int attempt = 1; attempt <= this.settings.attempts(); attempt++) {
			try {
				this.fetcher.post(URI.create(rule.webhookUrl()), body, "application/json", headers);
				recordDelivered(rule.id());
				return;
			}
			catch (FetchException ex) {
				error = ex.getMessage();
				if (!ex.transientFailure()) {
					break;
				}
			}
			catch (Exception ex) {
				error = ex.toString();
			}
			if (attempt < this.settings.attempts()) {
				log.info("Webhook of rule {} failed (attempt {}): {}; retrying in {} ms", rule.id(), attempt, error,
						pause.toMillis());
				try {
					Thread.sleep(pause.toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				pause = pause.multipliedBy(2);
			}
		}
		log.warn("Webhook of rule {} failed for alert {}: {}", rule.id(), alert.alertId(), error);
		record(rule.id(), error);
	}

	private void recordDelivered(String ruleId) {
		try {
			this.rules.change(ruleId, r -> r.withWebhook(new Rule.WebhookStatus(r.webhook().delivered() + 1,
					r.webhook().failures(), r.webhook().lastError(), r.webhook().lastErrorAt(), Instant.now())));
		}
		catch (Exception ex) {
			log.warn("Could not record the webhook delivery on rule {}: {}", ruleId, ex.toString());
		}
	}

	private void record(String ruleId, String error) {
		try {
			this.rules.change(ruleId, r -> r.withWebhook(new Rule.WebhookStatus(r.webhook().delivered(),
					r.webhook().failures() + 1, error, Instant.now(), r.webhook().lastDeliveredAt())));
		}
		catch (Exception ex) {
			log.warn("Could not record the webhook failure on rule {}: {}", ruleId, ex.toString());
		}
	}

	static String signature(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@PreDestroy
	void close() throws Exception {
		this.executor.shutdown();
		this.executor.awaitTermination(5, TimeUnit.SECONDS);
		this.fetcher.close();
	}

}
