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
 * A caller that cannot get its turn within {@code maxWait} gets a transient {@code HOST_BUSY}
 * failure instead of queueing forever.
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
		Host host = this.hosts.computeIfAbsent(hostName.toLowerCase(Locale.ROOT), name -> new Host(this.concurrency));
		long deadline = System.nanoTime() + this.maxWait.toNanos();
		try {
			if (!host.permits.tryAcquire(this.maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
				throw busy(hostName);
			}
			long start = host.reserveStart(this.delayNanos);
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

		private long nextStart;

		Host(int concurrency) {
			this.permits = new Semaphore(concurrency, true);
			this.nextStart = System.nanoTime();
		}

		synchronized long reserveStart(long delayNanos) {
			long start = Math.max(System.nanoTime(), this.nextStart);
			this.nextStart = start + delayNanos;
			return start;
		}

	}

}
