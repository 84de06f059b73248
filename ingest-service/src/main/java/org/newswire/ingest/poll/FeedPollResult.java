package org.newswire.ingest.poll;

import java.net.URI;

/**
 * What one poll of one feed did. {@code detail} explains failures and rejected items; {@code errorClass}
 * is null for a success.
 */
public record FeedPollResult(URI feedUrl, Outcome outcome, int published, int alreadySeen, int rejected,
		String detail, ErrorClass errorClass) {

	public FeedPollResult(URI feedUrl, Outcome outcome, int published, int alreadySeen, int rejected, String detail) {
		this(feedUrl, outcome, published, alreadySeen, rejected, detail, null);
	}

	public enum Outcome {

		/** New items were published. */
		NEW_ITEMS(false),
		/** Parsed, every item was already published. */
		NO_NEW_ITEMS(false),
		/** The server answered 304. */
		NOT_MODIFIED(false),
		/** Same body as last time (validators are not trusted alone). */
		UNCHANGED(false),
		FETCH_FAILED(true),
		NOT_A_FEED(true),
		MALFORMED(true),
		/** Some items were not acknowledged by the broker; they are retried next poll. */
		PUBLISH_FAILED(true),
		/** An unexpected failure (a bug): logged with its stack trace. */
		ERROR(true);

		private final boolean failure;

		Outcome(boolean failure) {
			this.failure = failure;
		}

		public boolean failure() {
			return failure;
		}

		/** The value of the {@code outcome} metric tag. */
		public String tag() {
			return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}

	}

	FeedPollResult withErrorClass(ErrorClass errorClass) {
		return new FeedPollResult(feedUrl, outcome, published, alreadySeen, rejected, detail, errorClass);
	}

	static FeedPollResult failed(URI feedUrl, Outcome outcome, String detail) {
		return new FeedPollResult(feedUrl, outcome, 0, 0, 0, detail);
	}

	static FeedPollResult quiet(URI feedUrl, Outcome outcome) {
		return new FeedPollResult(feedUrl, outcome, 0, 0, 0, null);
	}

}
