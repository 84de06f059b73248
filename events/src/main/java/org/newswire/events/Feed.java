package org.newswire.events;

import java.time.Duration;
import java.util.List;

/** A feed in the registry ({@code news.feeds}, keyed by {@code id}); a tombstone deletes it. */
public record Feed(int schema, String id, String url, String title, List<String> tags, Settings settings)
		implements Event {

	public static final int SCHEMA = 1;

	public Feed {
		tags = Lists.copyOrEmpty(tags);
		settings = settings == null ? Settings.DEFAULT : settings;
	}

	/** Per-feed overrides; a null interval means "use the service default". */
	public record Settings(boolean enabled, Duration minInterval, Duration maxInterval) {

		public static final Settings DEFAULT = new Settings(true, null, null);

	}

}
