package org.newswire.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Kafka and Elasticsearch versions, filtered into {@code stack.properties} from the parent pom. */
final class StackVersions {

	static final String KAFKA = load().getProperty("kafka.version");

	static final String ELASTICSEARCH = load().getProperty("elasticsearch.version");

	private StackVersions() {
	}

	private static Properties load() {
		try (InputStream in = StackVersions.class.getResourceAsStream("stack.properties")) {
			if (in == null) {
				throw new IllegalStateException("stack.properties missing from the test-support jar");
			}
			Properties properties = new Properties();
			properties.load(in);
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
