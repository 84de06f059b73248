package org.newswire.fetch;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Per-host politeness shared by every request of one fetcher: at most {@code concurrency}
 * requests to a host at once and at least {@code delay} between the starts of two requests to it.
 * A host may ask for a longer delay (a robots.txt Crawl-delay, set with {@link #delay}); the
 * configured one stays the minimum. A caller that cannot get its turn within {@code maxWait} gets a
 * transient {@code HOST_BUSY} failure instead of queueing forever.
 */
final class HostPoliteness {

	private final int concurrency;

	private final long delayNanos;

	private final Duration maxWait;

	private final ConcurrentMap<String, Host> hosts = new ConcurrentHashMap<>();

	HostPoliteness(int concurrency, Duration delay, Duration maxWait) {
		this.concurrency = concurrency;
		this.delayNanos = delay.toNanos();
		this.maxWait = maxWait;
	}

	/** Waits for the host's turn; close the returned turn when the request is done. */
	Turn acquire(String hostName) throws FetchException {
		Host host = host(hostName);
		long deadline = System.nanoTime() + this.maxWait.toNanos();
		try {
			if (!host.permits.tryAcquire(this.maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
				throw busy(hostName);
			}
			long start = host.reserveStart(Math.max(this.delayNanos, host.requestedDelayNanos));
			long wait = start - System.nanoTime();
			if (start > deadline) {
				host.permits.release();
				throw busy(hostName);
			}
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			return host.permits::release;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FetchException(FetchException.Reason.HOST_BUSY, "Interrupted waiting for " + hostName, ex);
		}
	}

	/**
	 * Spaces request starts to {@code hostName} by at least {@code delay} from now on, counting from
	 * the last start; zero goes back to the configured delay.
	 */
	void delay(String hostName, Duration delay) {
		host(hostName).requestedDelayNanos = Math.max(0, delay.toNanos());
	}

	private Host host(String hostName) {
		return this.hosts.computeIfAbsent(hostName.toLowerCase(Locale.ROOT), name -> new Host(this.concurrency));
	}

	private FetchException busy(String hostName) {
		return new FetchException(FetchException.Reason.HOST_BUSY,
				hostName + " is busy: no turn within " + this.maxWait.toSeconds() + " s (politeness limits)");
	}

	/** A request's turn at a host. */
	interface Turn extends AutoCloseable {

		@Override
		void close();

	}

	private static final class Host {

		private final Semaphore permits;

		private volatile long requestedDelayNanos;

		private boolean started;

		private long lastStart;

		Host(int concurrency) {
			this.permits = new Semaphore(concurrency, true);
		}

		/** The delay counts from the last start, so a delay raised after it applies to the next request. */
		synchronized long reserveStart(long delayNanos) {
			long now = System.nanoTime();
			long start = this.started ? Math.max(now, this.lastStart + delayNanos) : now;
			this.started = true;
			this.lastStart = start;
			return start;
		}

	}

}
