package org.newswire.ingest.registry;

import org.newswire.ingest.poll.FeedStatus;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON of {@link FeedStatus} on {@code news.feeds.state}; unknown fields from newer versions are ignored. */
final class StateJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private StateJson() {
	}

	static byte[] write(FeedStatus status) {
		return MAPPER.writeValueAsBytes(status);
	}

	static FeedStatus read(byte[] json) {
		return MAPPER.readValue(json, FeedStatus.class);
	}

}
