package org.newswire.events;

/** Kafka topic names agreed in DESIGN.md. */
public final class Topics {

	/** Compacted feed registry, keyed by feed id. */
	public static final String FEEDS = "news.feeds";

	/** Articles as found in feeds, keyed by article id. */
	public static final String RAW = "news.raw";

	/** Articles with main text, language, topics and entities, keyed by article id. */
	public static final String ENRICHED = "news.enriched";

	/** Fired alerts, keyed by rule id. */
	public static final String ALERTS = "news.alerts";

	private static final String DEAD_LETTER_SUFFIX = ".dlt";

	private Topics() {
	}

	/** The dead-letter topic for {@code topic}: the original bytes, the failure in headers. */
	public static String deadLetter(String topic) {
		return topic + DEAD_LETTER_SUFFIX;
	}

}
