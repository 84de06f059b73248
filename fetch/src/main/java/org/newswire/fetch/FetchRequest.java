package org.newswire.fetch;

import java.net.URI;

/**
 * What to fetch. {@code etag} and {@code lastModified} (from an earlier {@link FetchResult}) make
 * the request conditional; {@code accept} is sent as the Accept header.
 */
public record FetchRequest(URI url, String etag, String lastModified, String accept) {

	public static final String ANY = "*/*";

	public FetchRequest {
		accept = accept == null || accept.isBlank() ? ANY : accept;
	}

	public FetchRequest(URI url, String etag, String lastModified) {
		this(url, etag, lastModified, ANY);
	}

	public static FetchRequest of(URI url) {
		return new FetchRequest(url, null, null, ANY);
	}

	public FetchRequest accepting(String mediaTypes) {
		return new FetchRequest(this.url, this.etag, this.lastModified, mediaTypes);
	}

}
