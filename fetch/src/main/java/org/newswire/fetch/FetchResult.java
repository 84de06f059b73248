package org.newswire.fetch;

import java.nio.charset.Charset;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A successful (2xx) or not-modified (304) answer, or a redirect the caller chose not to follow
 * ({@link HttpFetcher#fetch(FetchRequest, java.util.function.Predicate)}). {@code finalUrl} is where redirects ended;
 * {@code declaredCharset} is the charset of the Content-Type header, if any (often wrong: callers
 * check BOM and in-document declarations too); {@code body} is decompressed and within the size
 * cap, empty for 304; {@code headers} holds the first value of each response header, by lower-case name.
 */
public record FetchResult(URI requestedUrl, URI finalUrl, int status, String contentType, Charset declaredCharset,
		byte[] body, String etag, String lastModified, Map<String, String> headers) {

	public FetchResult {
		headers = headers == null ? Map.of() : Map.copyOf(headers);
	}

	/** The first value of a response header (name in any case), e.g. Cache-Control. */
	public Optional<String> header(String name) {
		return Optional.ofNullable(this.headers.get(name.toLowerCase(Locale.ROOT)));
	}

	public static final int NOT_MODIFIED = 304;

	public boolean notModified() {
		return this.status == NOT_MODIFIED;
	}

}
