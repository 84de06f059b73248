package org.newswire.search.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newswire.events.Alert;
import org.newswire.events.EventSerializer;
import org.newswire.events.Topics;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/** Publishes alerts to {@code news.alerts}, keyed by rule id, and waits for the acknowledgement. */
@Component
class AlertPublisher {

	private final DefaultKafkaProducerFactory<String, Alert> producers;

	private final KafkaTemplate<String, Alert> template;

	AlertPublisher(KafkaProperties kafka) {
		this.producers = new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties(), new StringSerializer(),
				new EventSerializer<>());
		this.template = new KafkaTemplate<>(this.producers);
	}

	void publish(List<Alert> alerts) {
		List<CompletableFuture<SendResult<String, Alert>>> sends = new ArrayList<>();
		for (Alert alert : alerts) {
			sends.add(this.template.send(Topics.ALERTS, alert.ruleId(), alert));
		}
		try {
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while publishing alerts", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not publish " + alerts.size() + " alerts to " + Topics.ALERTS, ex);
		}
	}

	@PreDestroy
	void close() {
		this.producers.destroy();
	}

}
