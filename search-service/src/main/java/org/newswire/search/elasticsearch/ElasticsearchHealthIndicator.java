package org.newswire.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code elasticsearch} in {@code /actuator/health}: UP while the cluster is green or yellow (a
 * single node with replicas configured stays yellow), DOWN when it is red or cannot be reached.
 * {@code GET /} is not used: the trimmed distribution in tests answers it with 405.
 */
class ElasticsearchHealthIndicator implements HealthIndicator {

	private final ElasticsearchClient client;

	ElasticsearchHealthIndicator(ElasticsearchClient client) {
		this.client = client;
	}

	@Override
	public Health health() {
		try {
			HealthResponse health = this.client.cluster().health();
			Health.Builder builder = (health.status() == HealthStatus.Red) ? Health.down() : Health.up();
			return builder.withDetail("cluster", health.clusterName())
				.withDetail("status", health.status().jsonValue())
				.withDetail("nodes", health.numberOfNodes())
				.withDetail("unassignedShards", health.unassignedShards())
				.build();
		}
		catch (Exception ex) {
			return Health.down().withDetail("error", ex.getClass().getSimpleName() + ": " + ex.getMessage()).build();
		}
	}

}
