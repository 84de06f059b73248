package org.newswire.ingest.registry;

import java.time.Duration;
import java.util.List;

/**
 * What an operator sends to register or change a feed. Only {@code url} is required to register;
 * {@code enabled} defaults to true, interval bounds to the service's (ISO-8601 durations such as
 * {@code PT30M}). When changing a feed, a field left out (null) keeps its value.
 */
public record FeedInput(String url, String title, List<String> tags, Boolean enabled, Duration minInterval,
		Duration maxInterval) {

	public FeedInput {
		tags = tags == null ? null
				: tags.stream().filter(tag -> tag != null && !tag.isBlank()).map(String::strip).distinct().toList();
	}

	public static FeedInput of(String url) {
		return new FeedInput(url, null, List.of(), null, null, null);
	}

}
