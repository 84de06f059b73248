package org.newswire.ingest.poll;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.newswire.ingest.dedup.SeenArticles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Polls every configured feed, one after the other, each {@code newswire.ingest.poll.interval} after
 * the previous cycle ended. A feed's failure never stops the others. Nothing is polled until the
 * memory of already-published articles has been rebuilt from Kafka; until then it is retried every
 * 15 seconds.
 */
public class FeedPoller implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

	private static final Duration NOT_READY_RETRY = Duration.ofSeconds(15);

	private final List<URI> feedUrls;

	private final Duration interval;

	private final Duration initialDelay;

	private final FeedIngestor ingestor;

	private final SeenArticles seen;

	private final Map<URI, FeedState> states = new ConcurrentHashMap<>();

	private volatile ScheduledExecutorService scheduler;

	FeedPoller(PollProperties properties, FeedIngestor ingestor, SeenArticles seen) {
		this.feedUrls = properties.feedUrls();
		this.interval = properties.interval();
		this.initialDelay = properties.initialDelay();
		this.ingestor = ingestor;
		this.seen = seen;
	}

	/**
	 * Polls every feed once, now. Returns one result per feed in configuration order, or none when
	 * already-published articles cannot be read back yet (then nothing was fetched).
	 */
	public synchronized List<FeedPollResult> pollAll() {
		if (!seen.ensureLoaded()) {
			return List.of();
		}
		List<FeedPollResult> results = new ArrayList<>(feedUrls.size());
		for (URI feedUrl : feedUrls) {
			if (Thread.currentThread().isInterrupted()) {
				break;
			}
			results.add(pollOne(feedUrl));
		}
		return results;
	}

	private FeedPollResult pollOne(URI feedUrl) {
		FeedState before = states.getOrDefault(feedUrl, FeedState.NEW);
		FeedIngestor.Polled polled;
		try {
			polled = ingestor.poll(feedUrl, before);
		}
		catch (RuntimeException ex) {
			// a bug or an unexpected library failure for this feed must not stop the others
			log.error("Feed {}: poll failed unexpectedly", feedUrl, ex);
			polled = ingestor.error(feedUrl, before, ex);
		}
		states.put(feedUrl, polled.state());
		report(before, polled.state());
		return polled.result();
	}

	/** One line per feed and poll; a failure repeating itself is logged at debug level only. */
	private static void report(FeedState before, FeedState after) {
		FeedPollResult result = after.lastResult();
		FeedPollResult previous = before.lastResult();
		String detail = result.detail() == null ? "" : " (" + result.detail() + ")";
		if (result.outcome().failure()) {
			boolean repeated = previous != null && previous.outcome() == result.outcome()
					&& Objects.equals(previous.detail(), result.detail());
			if (repeated) {
				log.debug("Feed {}: {} again, {} consecutive failures{}", result.feedUrl(), result.outcome(),
						after.consecutiveFailures(), detail);
			}
			else {
				log.warn("Feed {}: {}, {} published, {} consecutive failures{}", result.feedUrl(), result.outcome(),
						result.published(), after.consecutiveFailures(), detail);
			}
			return;
		}
		if (before.consecutiveFailures() > 0) {
			log.info("Feed {}: recovered after {} failures", result.feedUrl(), before.consecutiveFailures());
		}
		if (result.published() > 0 || result.rejected() > 0) {
			log.info("Feed {}: {} new items published, {} already seen, {} rejected{}", result.feedUrl(),
					result.published(), result.alreadySeen(), result.rejected(), detail);
		}
		else {
			log.debug("Feed {}: {}, {} already seen", result.feedUrl(), result.outcome(), result.alreadySeen());
		}
	}

	/** One scheduled cycle, then the next one is scheduled: sooner while Kafka cannot be read yet. */
	private void cycle() {
		Duration next = interval;
		try {
			if (seen.ensureLoaded()) {
				pollAll();
			}
			else if (interval.compareTo(NOT_READY_RETRY) > 0) {
				next = NOT_READY_RETRY;
			}
		}
		catch (RuntimeException | Error ex) {
			log.error("Polling cycle failed", ex);
		}
		ScheduledExecutorService executor = scheduler;
		if (executor != null) {
			try {
				executor.schedule(this::cycle, next.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) {
				// stopping
			}
		}
	}

	@Override
	public void start() {
		if (feedUrls.isEmpty()) {
			log.warn("No feeds configured (newswire.ingest.poll.feed-urls): nothing will be polled");
		}
		else {
			log.info("Polling {} feeds every {}, first in {}: {}", feedUrls.size(), interval, initialDelay, feedUrls);
		}
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
			Thread thread = new Thread(runnable, "feed-poller");
			thread.setDaemon(true);
			return thread;
		});
		// on stop, the cycle in progress may finish; the next one is dropped
		executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		scheduler = executor;
		executor.schedule(this::cycle, initialDelay.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = scheduler;
		scheduler = null;
		if (executor == null) {
			return;
		}
		executor.shutdown();
		try {
			if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
				executor.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			executor.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return scheduler != null;
	}

}
