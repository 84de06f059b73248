package org.newswire.testsupport;

import java.nio.file.Path;

/** Command line of {@link LocalStack}. */
record LocalStackOptions(int kafkaPort, int elasticsearchPort, Path dataDir, Path siteDir, int sitePort) {

	static final String USAGE = """
			usage: LocalStack [--kafka-port 9092] [--elasticsearch-port 9200] [--data-dir DIR] [--site DIR [--site-port 8090]]
			  --data-dir  keeps Elasticsearch data across restarts (default: a temporary folder deleted on exit;
			              Kafka data is always temporary)
			  --site      also serves this folder over HTTP on --site-port (e.g. the bundled sample feed)""";

	static LocalStackOptions parse(String... args) {
		int kafkaPort = 9092;
		int elasticsearchPort = 9200;
		Path dataDir = null;
		Path siteDir = null;
		int sitePort = 8090;
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			if (option.equals("--help") || option.equals("-h")) {
				throw new IllegalArgumentException(USAGE);
			}
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException("missing value after " + option + "\n" + USAGE);
			}
			String value = args[++i];
			switch (option) {
				case "--kafka-port" -> kafkaPort = port(option, value);
				case "--elasticsearch-port" -> elasticsearchPort = port(option, value);
				case "--data-dir" -> dataDir = Path.of(value);
				case "--site" -> siteDir = Path.of(value);
				case "--site-port" -> sitePort = port(option, value);
				default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
			}
		}
		return new LocalStackOptions(kafkaPort, elasticsearchPort, dataDir, siteDir, sitePort);
	}

	private static int port(String option, String value) {
		try {
			int port = Integer.parseInt(value);
			if (port >= 1 && port <= 65535) {
				return port;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(option + " needs a port between 1 and 65535, got '" + value + "'\n" + USAGE);
	}

}
