package org.newswire.enrich.page;

import java.net.URI;

import org.jsoup.nodes.Document;

/** What fetching an article page gave: a parsed page, or the reason there is none. */
public sealed interface PageResult {

	/** The page, decoded and parsed; {@code finalUrl} is where redirects ended. */
	record Fetched(URI finalUrl, Document document) implements PageResult {
	}

	/** No page: {@code status} is one of the {@code Extraction} fallback statuses, {@code detail} says why. */
	record Failed(String status, String detail) implements PageResult {
	}

}
