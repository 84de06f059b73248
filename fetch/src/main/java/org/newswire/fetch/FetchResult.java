package org.newswire.fetch;

import java.nio.charset.Charset;

import java.net.URI;

/**
 * A successful (2xx) or not-modified (304) answer. {@code finalUrl} is where redirects ended;
 * {@code declaredCharset} is the charset of the Content-Type header, if any (often wrong: callers
 * check BOM and in-document declarations too); {@code body} is decompressed and within the size
 * cap, empty for 304.
 */
public record FetchResult(URI requestedUrl, URI finalUrl, int status, String contentType, Charset declaredCharset,
		byte[] body, String etag, String lastModified) {

	public static final int NOT_MODIFIED = 304;

	public boolean notModified() {
		return this.status == NOT_MODIFIED;
	}

}
