package org.newswire.ingest.poll;

/**
 * What the poller remembers about a feed between polls. Validators and body hash are recorded only
 * after a poll whose items were all published, so a failed send is retried even if the feed is unchanged.
 */
record FeedState(String etag, String lastModified, String bodySha256, FeedPollResult lastResult,
		int consecutiveFailures) {

	static final FeedState NEW = new FeedState(null, null, null, null, 0);

}
