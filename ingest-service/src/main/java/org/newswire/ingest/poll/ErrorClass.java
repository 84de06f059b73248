package org.newswire.ingest.poll;

import java.util.Locale;

import org.newswire.fetch.FetchException;

/**
 * How a failed poll counts towards back-off. Hard: the feed is wrong (4xx other than 429, not a feed,
 * refused address, broken document); soft: the server struggles (429, 5xx, timeouts, network); temporary:
 * the name does not resolve right now. Weights after Media Cloud's rss-fetcher.
 */
public enum ErrorClass {

	HARD(1.0), SOFT(0.5), TEMPORARY(0.25);

	private final double weight;

	ErrorClass(double weight) {
		this.weight = weight;
	}

	public double weight() {
		return weight;
	}

	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

	static ErrorClass of(FetchException ex) {
		return switch (ex.reason()) {
			case DNS -> TEMPORARY;
			case TIMEOUT, NETWORK, HOST_BUSY -> SOFT;
			case HTTP_STATUS -> ex.httpStatus() == 429 || ex.httpStatus() >= 500 ? SOFT : HARD;
			case BAD_URL, BLOCKED_ADDRESS, TOO_LARGE, TOO_MANY_REDIRECTS -> HARD;
		};
	}

}
