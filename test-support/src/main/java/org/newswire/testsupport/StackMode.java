package org.newswire.testsupport;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * How the stack gets Kafka and Elasticsearch: {@code -Dnewswire.stack=} (or {@code NEWSWIRE_STACK=})
 * {@code auto} (default: containers when a Docker engine answers, else embedded), {@code embedded} or
 * {@code containers}.
 */
enum StackMode {

	AUTO, EMBEDDED, CONTAINERS;

	static final String PROPERTY = "newswire.stack";

	static final String ENVIRONMENT = "NEWSWIRE_STACK";

	/** The requested mode; the system property wins over the environment variable. */
	static StackMode requested(String property, String environment) {
		String value = (property != null && !property.isBlank()) ? property : environment;
		if (value == null || value.isBlank()) {
			return AUTO;
		}
		try {
			return valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Unknown " + PROPERTY + "=" + value
					+ ": use auto, embedded or containers", ex);
		}
	}

	/** {@link #EMBEDDED} or {@link #CONTAINERS}; asks {@code dockerReachable} only for {@link #AUTO}. */
	StackMode resolve(BooleanSupplier dockerReachable) {
		if (this != AUTO) {
			return this;
		}
		return dockerReachable.getAsBoolean() ? CONTAINERS : EMBEDDED;
	}

}
