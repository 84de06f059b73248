package org.newswire.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP client newswire uses for the open internet (feeds and article pages). Every request
 * passes the address guard on the address actually connected to, follows at most
 * {@code maxRedirects} redirects (each re-checked), stops reading at {@code maxBodyBytes} of
 * decompressed body (so a gzip bomb is cut off early) and gives up after {@code timeout} in total.
 * Thread-safe; one instance per service, closed with it.
 */
public final class HttpFetcher implements AutoCloseable {

	private static final int BUFFER = 16 * 1024;

	private final FetchSettings settings;

	private final CloseableHttpClient client;

	private final HostPoliteness politeness;

	public HttpFetcher(FetchSettings settings) {
		this.settings = settings;
		this.politeness = new HostPoliteness(settings.perHostConcurrency(), settings.perHostDelay(),
				settings.perHostMaxWait());
		Timeout connect = Timeout.of(settings.connectTimeout());
		Timeout read = Timeout.of(settings.timeout());
		this.client = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(new GuardedDnsResolver(new AddressPolicy(settings.allowedHosts())))
				.setDefaultConnectionConfig(
						ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(read).build())
				.setMaxConnTotal(128)
				.setMaxConnPerRoute(4)
				.build())
			.setDefaultRequestConfig(
					RequestConfig.custom().setResponseTimeout(read).setConnectionRequestTimeout(connect).build())
			.setUserAgent(settings.userAgent())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.build();
	}

	public FetchSettings settings() {
		return this.settings;
	}

	/**
	 * Spaces requests to {@code host} by at least {@code delay} from now on (a robots.txt
	 * Crawl-delay); {@code perHostDelay} stays the minimum, and zero goes back to it.
	 */
	public void delayHost(String host, Duration delay) {
		this.politeness.delay(host, delay);
	}

	public FetchResult fetch(FetchRequest request) throws FetchException {
		return fetch(request, target -> true);
	}

	/**
	 * Like {@link #fetch(FetchRequest)}, asking {@code follow} before each redirect (a robots.txt
	 * check, say). A redirect it refuses is not requested: the redirect answer is the result (its
	 * 3xx status, {@code finalUrl} the URL that answered it, the target in its Location header).
	 */
	public FetchResult fetch(FetchRequest request, Predicate<URI> follow) throws FetchException {
		URI url = checkUrl(request.url());
		long deadline = System.nanoTime() + this.settings.timeout().toNanos();
		Set<URI> visited = new HashSet<>();
		visited.add(url);
		for (int redirects = 0;; redirects++) {
			Hop hop = get(url, request, deadline);
			if (hop.location() == null) {
				return new FetchResult(request.url(), url, hop.status(), hop.contentType(), hop.charset(), hop.body(),
						hop.etag(), hop.lastModified(), hop.headers());
			}
			if (redirects >= this.settings.maxRedirects()) {
				throw new FetchException(FetchException.Reason.TOO_MANY_REDIRECTS,
						"More than " + this.settings.maxRedirects() + " redirects from " + request.url());
			}
			URI next = checkUrl(resolve(url, hop.location()));
			if (!visited.add(next)) {
				throw new FetchException(FetchException.Reason.TOO_MANY_REDIRECTS, "Redirect loop at " + next);
			}
			if (!follow.test(next)) {
				Map<String, String> headers = new HashMap<>(hop.headers());
				headers.put("location", next.toString());
				return new FetchResult(request.url(), url, hop.status(), null, null, new byte[0], null, null, headers);
			}
			url = next;
		}
	}

	/**
	 * POSTs a body (a webhook call) through the same address guard, limits and politeness. Redirects
	 * are not followed; any non-2xx answer is a {@link FetchException} with the status.
	 */
	public FetchResult post(URI target, byte[] body, String contentType, Map<String, String> headers)
			throws FetchException {
		URI url = checkUrl(target);
		long deadline = System.nanoTime() + this.settings.timeout().toNanos();
		HttpPost post = new HttpPost(url);
		headers.forEach(post::setHeader);
		post.setEntity(new ByteArrayEntity(body, ContentType.parse(contentType)));
		Hop hop = exchange(post, url, deadline);
		if (hop.location() != null) {
			throw new FetchException(FetchException.Reason.HTTP_STATUS,
					"HTTP " + hop.status() + " redirect from " + url + " is not followed for POST", hop.status(), null,
					null);
		}
		return new FetchResult(target, url, hop.status(), hop.contentType(), hop.charset(), hop.body(), hop.etag(),
				hop.lastModified(), hop.headers());
	}

	private Hop get(URI url, FetchRequest request, long deadline) throws FetchException {
		HttpGet get = new HttpGet(url);
		get.setHeader(HttpHeaders.ACCEPT, request.accept());
		if (request.etag() != null) {
			get.setHeader(HttpHeaders.IF_NONE_MATCH, request.etag());
		}
		if (request.lastModified() != null) {
			get.setHeader(HttpHeaders.IF_MODIFIED_SINCE, request.lastModified());
		}
		return exchange(get, url, deadline);
	}

	private Hop exchange(HttpUriRequestBase request, URI url, long deadline) throws FetchException {
		try (HostPoliteness.Turn turn = this.politeness.acquire(url.getHost());
				CloseableHttpResponse response = this.client.execute(request)) {
			int status = response.getCode();
			String etag = header(response, HttpHeaders.ETAG);
			String lastModified = header(response, HttpHeaders.LAST_MODIFIED);
			Map<String, String> headers = headers(response);
			if (isRedirect(status) && header(response, HttpHeaders.LOCATION) != null) {
				return Hop.redirect(status, header(response, HttpHeaders.LOCATION), headers);
			}
			if (status == FetchResult.NOT_MODIFIED) {
				return new Hop(status, null, null, null, new byte[0], etag, lastModified, headers);
			}
			if (status < 200 || status >= 300) {
				throw new FetchException(FetchException.Reason.HTTP_STATUS, "HTTP " + status + " from " + url, status,
						RetryAfter.parse(header(response, HttpHeaders.RETRY_AFTER), Instant.now()), null);
			}
			HttpEntity entity = response.getEntity();
			ContentType contentType = entity == null || entity.getContentType() == null ? null
					: ContentType.parseLenient(entity.getContentType());
			byte[] body = entity == null ? new byte[0] : readCapped(entity, url, deadline);
			return new Hop(status, null, contentType == null ? null : contentType.getMimeType(),
					contentType == null ? null : charsetOrNull(contentType), body, etag, lastModified, headers);
		}
		catch (FetchException ex) {
			throw ex;
		}
		catch (GuardedDnsResolver.BlockedAddressException ex) {
			throw new FetchException(FetchException.Reason.BLOCKED_ADDRESS, ex.getMessage(), ex);
		}
		catch (UnknownHostException ex) {
			throw new FetchException(FetchException.Reason.DNS, "Unknown host " + url.getHost(), ex);
		}
		catch (InterruptedIOException ex) {
			throw new FetchException(FetchException.Reason.TIMEOUT, "Timed out fetching " + url, ex);
		}
		catch (IOException | RuntimeException ex) {
			throw new FetchException(FetchException.Reason.NETWORK, "Could not fetch " + url + ": " + ex.getMessage(),
					ex);
		}
	}

	private byte[] readCapped(HttpEntity entity, URI url, long deadline) throws IOException {
		long max = this.settings.maxBodyBytes();
		if (entity.getContentLength() > max && entity.getContentEncoding() == null) {
			throw tooLarge(url);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(entity.getContentLength(), BUFFER), max));
		byte[] buffer = new byte[BUFFER];
		try (InputStream in = entity.getContent()) {
			int read;
			while ((read = in.read(buffer)) != -1) {
				if (out.size() + (long) read > max) {
					throw tooLarge(url);
				}
				out.write(buffer, 0, read);
				if (System.nanoTime() > deadline) {
					throw new FetchException(FetchException.Reason.TIMEOUT, "Took longer than "
							+ this.settings.timeout().toSeconds() + " s in total to fetch " + url);
				}
			}
		}
		return out.toByteArray();
	}

	private FetchException tooLarge(URI url) {
		return new FetchException(FetchException.Reason.TOO_LARGE,
				"Body of " + url + " is larger than " + this.settings.maxBodyBytes() + " bytes");
	}

	static URI checkUrl(URI url) throws FetchException {
		if (url == null || !url.isAbsolute() || url.getHost() == null) {
			throw new FetchException(FetchException.Reason.BAD_URL, "Not an absolute URL with a host: " + url);
		}
		String scheme = url.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new FetchException(FetchException.Reason.BAD_URL, "Only http and https are fetched, not " + url);
		}
		return url;
	}

	private static URI resolve(URI base, String location) throws FetchException {
		try {
			return base.resolve(new URI(location.trim().replace(" ", "%20")));
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			throw new FetchException(FetchException.Reason.BAD_URL, "Bad redirect location " + location, ex);
		}
	}

	private static boolean isRedirect(int status) {
		return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
	}

	private static Map<String, String> headers(CloseableHttpResponse response) {
		Map<String, String> headers = new HashMap<>();
		for (Header header : response.getHeaders()) {
			headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
		}
		return headers;
	}

	private static String header(CloseableHttpResponse response, String name) {
		Header header = response.getFirstHeader(name);
		return header == null ? null : header.getValue();
	}

	private static Charset charsetOrNull(ContentType contentType) {
		try {
			return contentType.getCharset();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	@Override
	public void close() {
		this.client.close(org.apache.hc.core5.io.CloseMode.GRACEFUL);
	}

	private record Hop(int status, String location, String contentType, Charset charset, byte[] body, String etag,
			String lastModified, Map<String, String> headers) {

		static Hop redirect(int status, String location, Map<String, String> headers) {
			return new Hop(status, location, null, null, null, null, null, headers);
		}

	}

}
