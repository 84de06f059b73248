package org.newswire.events;

import java.util.List;

/** A topic found in an article, with its score and the evidence behind it. */
public record TopicMatch(String id, String label, double score, List<Evidence> matched) {

	public TopicMatch {
		matched = Lists.copyOrEmpty(matched);
	}

	/** One term that counted towards a topic: how often it occurred and where it was first seen. */
	public record Evidence(String term, int count, String firstSeenIn) {

		public static final String TITLE = "title";

		public static final String LEAD = "lead";

		public static final String BODY = "body";

	}

}
