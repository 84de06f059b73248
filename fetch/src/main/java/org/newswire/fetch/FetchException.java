package org.newswire.fetch;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** Why a fetch failed, in a small vocabulary callers can act on. */
public class FetchException extends IOException {

	/** The classes of failure. */
	public enum Reason {

		/** Not an absolute http(s) URL. */
		BAD_URL,
		/** The host resolves to a loopback, private, link-local or otherwise internal address. */
		BLOCKED_ADDRESS,
		/** The host name does not resolve. */
		DNS,
		/** Connection refused or reset, TLS failure and other network errors. */
		NETWORK,
		/** Connect, read or total timeout. */
		TIMEOUT,
		/** The server answered with an error status. */
		HTTP_STATUS,
		/** The (decompressed) body is larger than the cap. */
		TOO_LARGE,
		/** More redirects than allowed, or a redirect loop. */
		TOO_MANY_REDIRECTS,
		/** The host had no free turn within the politeness wait (too many requests queued for it). */
		HOST_BUSY

	}

	private final Reason reason;

	private final int httpStatus;

	private final Duration retryAfter;

	public FetchException(Reason reason, String message) {
		this(reason, message, 0, null, null);
	}

	public FetchException(Reason reason, String message, Throwable cause) {
		this(reason, message, 0, null, cause);
	}

	public FetchException(Reason reason, String message, int httpStatus, Duration retryAfter, Throwable cause) {
		super(message, cause);
		this.reason = reason;
		this.httpStatus = httpStatus;
		this.retryAfter = retryAfter;
	}

	public Reason reason() {
		return this.reason;
	}

	/** The HTTP status for {@link Reason#HTTP_STATUS}, else 0. */
	public int httpStatus() {
		return this.httpStatus;
	}

	/** The server's Retry-After, if it sent one. */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

	/** Whether trying again later may succeed: timeouts, network, DNS, busy host, 408, 429 and 5xx. */
	public boolean transientFailure() {
		return switch (this.reason) {
			case TIMEOUT, NETWORK, DNS, HOST_BUSY -> true;
			case HTTP_STATUS -> this.httpStatus == 408 || this.httpStatus == 429 || this.httpStatus >= 500;
			default -> false;
		};
	}

}
