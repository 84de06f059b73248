package org.newswire.events;

import java.time.Instant;
import java.util.List;

/**
 * A rule fired for an article. {@code alertId} is derived from rule id and article id, so one pair
 * fires at most once however often it is evaluated.
 */
public record Alert(int schema, String alertId, String ruleId, String ruleName, String articleId, String title,
		String url, String source, Instant publishedAt, List<String> topics, List<String> evidence,
		Instant firedAt) implements Event {

	public static final int SCHEMA = 1;

	public Alert {
		topics = Lists.copyOrEmpty(topics);
		evidence = Lists.copyOrEmpty(evidence);
	}

}
