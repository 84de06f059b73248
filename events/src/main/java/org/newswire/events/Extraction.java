package org.newswire.events;

/**
 * How the main text of an article was obtained. {@code status} is one of the constants below (a
 * string, so that readers keep working when a later version adds one); {@code method} names the
 * extractor or fallback that produced the text; {@code detail} says what went wrong, if anything.
 */
public record Extraction(String status, String method, String detail) {

	/** Main text extracted from the fetched page. */
	public static final String OK = "ok";

	/** The page could not be fetched (network error, timeout, HTTP error); text is the feed summary. */
	public static final String FETCH_FAILED = "fetch-failed";

	/** The page address was refused (private, loopback, link-local ...); text is the feed summary. */
	public static final String BLOCKED = "blocked";

	/** The page was larger than the configured cap; text is the feed summary. */
	public static final String TOO_LARGE = "too-large";

	/** The URL served something other than HTML; text is the feed summary. */
	public static final String NOT_HTML = "not-html";

	/** The page was fetched but no main text could be found in it; text is the feed summary. */
	public static final String NO_TEXT = "no-text";

	public static Extraction ok(String method) {
		return new Extraction(OK, method, null);
	}

	public static Extraction fallback(String status, String detail) {
		return new Extraction(status, "feed-summary", detail);
	}

}
