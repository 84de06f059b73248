package org.newswire.testsupport;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code elasticsearch.yml} of a test node: one node, loopback only, security off, explicit ports and
 * paths. Only core and x-pack-core/security settings: the integ-test distribution has no other modules
 * (no geoip, ML, analysis-common, painless, ...), and an unknown setting stops the node at start-up.
 */
record ElasticsearchSettings(String nodeName, int httpPort, int transportPort, Path dataDir, Path logsDir) {

	static final String CLUSTER_NAME = "newswire";

	Map<String, String> asMap() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("cluster.name", CLUSTER_NAME);
		settings.put("node.name", this.nodeName);
		settings.put("discovery.type", "single-node");
		settings.put("network.host", "127.0.0.1");
		settings.put("http.port", String.valueOf(this.httpPort));
		settings.put("transport.port", String.valueOf(this.transportPort));
		settings.put("path.data", this.dataDir.toString());
		settings.put("path.logs", this.logsDir.toString());
		settings.put("xpack.security.enabled", "false");
		// a nearly full build disk would otherwise turn new indices red
		settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
		// lets tests delete indices by pattern
		settings.put("action.destructive_requires_name", "false");
		return settings;
	}

	String yaml() {
		return asMap().entrySet()
			.stream()
			.map(setting -> setting.getKey() + ": " + quoted(setting.getValue()))
			.collect(Collectors.joining("\n", "# written by newswire test-support for this node only\n", "\n"));
	}

	private static String quoted(String value) {
		return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}

}
