package org.newswire.search.alert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.newswire.events.Alert;

import org.springframework.stereotype.Component;

/**
 * Fired alerts, one document per deterministic alert id, created only if absent ({@code op_type
 * create}): a (rule, article) pair fires once however often it is evaluated, by however many
 * instances. {@code published} turns true once {@code news.alerts} acknowledged the alert, so an
 * alert stored just before a crash is still published when the batch is evaluated again.
 */
@Component
class AlertStore {

	record AlertDocument(Alert alert, boolean published) {
	}

	private final ElasticsearchClient client;

	private final AlertProperties properties;

	AlertStore(ElasticsearchClient client, AlertProperties properties) {
		this.client = client;
		this.properties = properties;
	}

	static String alertId(String ruleId, String key) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest((ruleId + "\n" + key).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Stores the alerts that are not there yet; returns those still to publish (new or unpublished). */
	List<Alert> createAbsent(List<Alert> alerts) throws IOException {
		if (alerts.isEmpty()) {
			return List.of();
		}
		BulkResponse response = this.client.bulk(b -> {
			for (Alert alert : alerts) {
				b.operations(op -> op.create(c -> c.index(this.properties.alertsIndex())
					.id(alert.alertId())
					.document(new AlertDocument(alert, false))));
			}
			return b.refresh(Refresh.True);
		});
		List<Alert> toPublish = new ArrayList<>();
		List<Alert> existing = new ArrayList<>();
		for (int i = 0; i < response.items().size(); i++) {
			BulkResponseItem item = response.items().get(i);
			if (item.error() == null) {
				toPublish.add(alerts.get(i));
			}
			else if (item.status() == 409) {
				existing.add(alerts.get(i));
			}
			else {
				throw new IOException("Elasticsearch could not store alert " + item.id() + ": " + item.status() + " "
						+ item.error().reason());
			}
		}
		if (!existing.isEmpty()) {
			MgetResponse<AlertDocument> stored = this.client.mget(m -> m.index(this.properties.alertsIndex())
				.ids(existing.stream().map(Alert::alertId).toList()), AlertDocument.class);
			for (MultiGetResponseItem<AlertDocument> item : stored.docs()) {
				if (item.isResult() && item.result().found() && !item.result().source().published()) {
					toPublish.add(item.result().source().alert());
				}
			}
		}
		return toPublish;
	}

	void markPublished(List<Alert> alerts) throws IOException {
		if (alerts.isEmpty()) {
			return;
		}
		this.client.bulk(b -> {
			for (Alert alert : alerts) {
				b.operations(op -> op.index(i -> i.index(this.properties.alertsIndex())
					.id(alert.alertId())
					.document(new AlertDocument(alert, true))));
			}
			return b.refresh(Refresh.True);
		});
	}

	List<Alert> recent(String ruleId, int size) throws IOException {
		return this.client
			.search(s -> s.index(this.properties.alertsIndex())
				.size(size)
				.query(q -> q.term(t -> t.field("alert.ruleId").value(ruleId)))
				.sort(o -> o.field(f -> f.field("alert.firedAt").order(SortOrder.Desc))), AlertDocument.class)
			.hits()
			.hits()
			.stream()
			.map(Hit::source)
			.map(AlertDocument::alert)
			.toList();
	}

}
