package org.newswire.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ElasticsearchSettingsTest {

	private final ElasticsearchSettings settings = new ElasticsearchSettings("newswire-9200", 9200, 9300,
			Path.of("/tmp/node/data"), Path.of("/tmp/node/logs"));

	@Test
	void runsOneNodeOnLoopbackWithoutSecurity() {
		assertThat(this.settings.asMap()).containsEntry("discovery.type", "single-node")
			.containsEntry("network.host", "127.0.0.1")
			.containsEntry("xpack.security.enabled", "false")
			.containsEntry("cluster.routing.allocation.disk.threshold_enabled", "false");
	}

	@Test
	void writesExplicitPortsAndPaths() {
		assertThat(this.settings.yaml()).contains("http.port: \"9200\"\n")
			.contains("transport.port: \"9300\"\n")
			.contains("path.data: \"/tmp/node/data\"\n")
			.contains("path.logs: \"/tmp/node/logs\"\n");
	}

	@Test
	void quotesPathsThatWouldBreakYaml() {
		ElasticsearchSettings odd = new ElasticsearchSettings("n", 1, 2, Path.of("/tmp/a \"b\": #c"), Path.of("/tmp/l"));

		assertThat(odd.yaml()).contains("path.data: \"/tmp/a \\\"b\\\": #c\"\n");
	}

	@Test
	void leavesOutSettingsOfModulesTheIntegTestDistributionLacks() {
		// an unknown setting stops the node: the zip has no ingest-geoip and no ML module
		assertThat(this.settings.yaml()).doesNotContain("geoip").doesNotContain("xpack.ml");
	}

}
