package org.newswire.ingest.registry;

import org.newswire.events.Topics;

/**
 * The registry's topics. {@code news.feeds.state} is ingest's own: each feed's polling state and
 * de-duplication memory, keyed by feed id and created with the partition count of {@code news.feeds},
 * so a feed and its state land in the same partition number and move together between instances.
 */
public final class RegistryTopics {

	public static final String FEEDS = Topics.FEEDS;

	public static final String STATE = "news.feeds.state";

	private RegistryTopics() {
	}

}
