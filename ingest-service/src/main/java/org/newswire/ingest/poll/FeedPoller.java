package org.newswire.ingest.poll;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.newswire.events.Feed;
import org.newswire.ingest.dedup.SeenArticles;
import org.newswire.ingest.registry.FeedOwnership;
import org.newswire.ingest.registry.FeedRegistry;
import org.newswire.ingest.registry.FeedRegistryView;
import org.newswire.ingest.registry.FeedStateWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Polls the feeds this instance owns (those in the {@code news.feeds} partitions the consumer group
 * assigned it), each when its own schedule says, several at once. A feed's state comes from
 * {@code news.feeds.state} when the feed is taken over and is written back after every poll, so another
 * instance continues where this one stopped. Nothing is published until the de-duplication memory is loaded.
 */
public class FeedPoller implements SmartLifecycle, FeedOwnership.Listener {

	private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

	private static final Duration TICK = Duration.ofSeconds(1);

	private static final Duration RELEASE_WAIT = Duration.ofSeconds(30);

	private final PollProperties properties;

	private final FeedIngestor ingestor;

	private final SeenArticles seen;

	private final FeedRegistry registry;

	private final FeedRegistryView view;

	private final FeedOwnership ownership;

	private final FeedStateWriter stateWriter;

	private final Clock clock;

	private final Duration readTimeout;

	private final Map<String, FeedStatus> statuses = new ConcurrentHashMap<>();

	private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

	private volatile boolean seeded;

	private volatile boolean waitingLogged;

	private volatile ScheduledExecutorService scheduler;

	private volatile ExecutorService workers;

	FeedPoller(PollProperties properties, FeedIngestor ingestor, SeenArticles seen, FeedRegistry registry,
			FeedRegistryView view, FeedOwnership ownership, FeedStateWriter stateWriter, Clock clock,
			Duration readTimeout, IngestMetrics metrics) {
		this.properties = properties;
		this.ingestor = ingestor;
		this.seen = seen;
		this.registry = registry;
		this.view = view;
		this.ownership = ownership;
		this.stateWriter = stateWriter;
		this.clock = clock;
		this.readTimeout = readTimeout;
		metrics.feedGauges(this::counts);
	}

	/** Whether this instance polls the feed now. */
	public boolean owns(String feedId) {
		return view.entry(feedId).map(entry -> ownership.owns(entry.partition())).orElse(false);
	}

	/**
	 * Polls the feed now, in the caller's thread, if this instance owns it (waiting for a poll in progress
	 * to end). Empty when another instance owns it or it does not exist.
	 */
	public Optional<FeedPollResult> pollNow(String feedId) {
		Optional<FeedRegistryView.Entry> entry = view.entry(feedId);
		if (entry.isEmpty() || !ownership.owns(entry.get().partition())) {
			return Optional.empty();
		}
		long deadline = System.nanoTime() + RELEASE_WAIT.toNanos();
		while (!inFlight.add(feedId)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("feed " + feedId + " is being polled and the poll does not end");
			}
			LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
		}
		try {
			return Optional.of(pollOne(entry.get().feed()));
		}
		finally {
			inFlight.remove(feedId);
		}
	}

	/** The state this instance keeps for a feed it owns, else the last persisted one. */
	public Optional<FeedStatus> status(String feedId) {
		FeedStatus local = statuses.get(feedId);
		return local != null ? Optional.of(local) : view.status(feedId);
	}

	private void tick() {
		try {
			if (!seeded) {
				registry.seed(properties.feedUrls(), readTimeout);
				seeded = true;
			}
			if (!seen.ensureLoaded()) {
				return;
			}
			waitingLogged = false;
			Instant now = clock.instant();
			Set<String> current = new HashSet<>();
			for (FeedRegistryView.Entry entry : view.entries()) {
				Feed feed = entry.feed();
				if (!ownership.owns(entry.partition()) || !feed.settings().enabled()) {
					continue;
				}
				current.add(feed.id());
				FeedStatus status = statuses.computeIfAbsent(feed.id(), id -> takeOver(feed, now));
				if (!Objects.equals(status.url(), feed.url()) && !inFlight.contains(feed.id())) {
					// the operator changed the URL: validators and hash belong to the old one
					status = restart(feed, status, now);
					statuses.put(feed.id(), status);
				}
				if (!status.nextPollAt().isAfter(now) && inFlight.add(feed.id())) {
					try {
						workers.execute(() -> {
							try {
								pollOne(feed);
							}
							finally {
								inFlight.remove(feed.id());
							}
						});
					}
					catch (RejectedExecutionException ex) {
						inFlight.remove(feed.id());
					}
				}
			}
			statuses.keySet().removeIf(id -> !current.contains(id) && !inFlight.contains(id));
		}
		catch (RuntimeException ex) {
			if (!waitingLogged) {
				log.warn("Polling waits: {}", ex.toString());
				waitingLogged = true;
			}
		}
	}

	/** The persisted state of a feed this instance just took over, or a fresh one; a changed URL starts afresh. */
	private FeedStatus takeOver(Feed feed, Instant now) {
		Instant first = now.plus(properties.initialDelay());
		FeedStatus persisted = view.status(feed.id()).orElse(null);
		if (persisted == null) {
			return FeedStatus.fresh(feed.id(), feed.url(), first);
		}
		if (!Objects.equals(persisted.url(), feed.url())) {
			return restart(feed, persisted, now);
		}
		return persisted;
	}

	/** A new start for a feed whose URL changed, keeping its counters and de-duplication memory. */
	private static FeedStatus restart(Feed feed, FeedStatus old, Instant now) {
		return new FeedStatus(FeedStatus.SCHEMA, feed.id(), feed.url(), null, null, null, null, null, 0, 0, now, null,
				old.itemsSeen(), old.itemsPublished(), null, null, null, -1, null, null, old.seenItems());
	}

	private FeedPollResult pollOne(Feed feed) {
		Instant now = clock.instant();
		FeedStatus before = statuses.computeIfAbsent(feed.id(), id -> takeOver(feed, now));
		FeedIngestor.Polled polled;
		try {
			polled = ingestor.poll(feed, before, now);
		}
		catch (RuntimeException ex) {
			// a bug or an unexpected library failure for this feed must not stop the others
			log.error("Feed {} ({}): poll failed unexpectedly", feed.id(), feed.url(), ex);
			polled = ingestor.error(feed, before, now, ex);
		}
		statuses.put(feed.id(), polled.status());
		stateWriter.write(polled.status());
		report(feed, before, polled);
		return polled.result();
	}

	/** One line per event: new items, a new kind of failure, a recovery; repeats of the same failure at debug. */
	private static void report(Feed feed, FeedStatus before, FeedIngestor.Polled polled) {
		FeedPollResult result = polled.result();
		FeedStatus after = polled.status();
		String detail = result.detail() == null ? "" : " (" + result.detail() + ")";
		if (result.outcome().failure()) {
			boolean repeated = Objects.equals(before.lastOutcome(), after.lastOutcome())
					&& Objects.equals(before.lastError(), after.lastError());
			String message = "Feed {} ({}): {} [{}], {} consecutive failures, next try at {}{}";
			Object[] args = { feed.id(), feed.url(), result.outcome().tag(), after.errorClass(),
					after.consecutiveFailures(), after.nextPollAt(), detail };
			if (repeated) {
				log.debug(message, args);
			}
			else {
				log.warn(message, args);
			}
			return;
		}
		if (before.consecutiveFailures() > 0) {
			log.info("Feed {} ({}): recovered after {} failures", feed.id(), feed.url(), before.consecutiveFailures());
		}
		if (result.published() > 0 || result.rejected() > 0) {
			log.info("Feed {} ({}): {} new items published, {} already seen, {} rejected, next poll in {}{}", feed.id(),
					feed.url(), result.published(), result.alreadySeen(), result.rejected(), after.interval(), detail);
		}
		else {
			log.debug("Feed {} ({}): {}, {} already seen, next poll in {}", feed.id(), feed.url(),
					result.outcome().tag(), result.alreadySeen(), after.interval());
		}
	}

	IngestMetrics.FeedCounts counts() {
		Instant now = clock.instant();
		int failing = 0;
		int overdue = 0;
		for (FeedStatus status : statuses.values()) {
			if (status.failing()) {
				failing++;
			}
			// overdue: due for longer than a tick cycle allows (all workers busy, hosts too slow)
			if (status.nextPollAt().plus(properties.interval()).isBefore(now)) {
				overdue++;
			}
		}
		return new IngestMetrics.FeedCounts(statuses.size(), failing, overdue);
	}

	@Override
	public void assigned(Collection<Integer> partitions) {
		if (!view.awaitCaughtUp(readTimeout)) {
			log.warn("Feed states not read within {}; feeds of partitions {} start from what is known", readTimeout,
					partitions);
		}
	}

	@Override
	public void revoked(Collection<Integer> partitions) {
		long deadline = System.nanoTime() + RELEASE_WAIT.toNanos();
		while (System.nanoTime() < deadline && inFlight.stream()
			.anyMatch(id -> view.entry(id).map(entry -> partitions.contains(entry.partition())).orElse(false))) {
			LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
		}
		statuses.keySet().removeIf(id -> view.entry(id).map(entry -> partitions.contains(entry.partition())).orElse(true)
				&& !inFlight.contains(id));
	}

	@Override
	public void start() {
		AtomicInteger worker = new AtomicInteger();
		workers = Executors.newFixedThreadPool(properties.concurrency(), runnable -> {
			Thread thread = new Thread(runnable, "feed-poller-" + worker.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		ScheduledThreadPoolExecutor ticker = new ScheduledThreadPoolExecutor(1, runnable -> {
			Thread thread = new Thread(runnable, "feed-scheduler");
			thread.setDaemon(true);
			return thread;
		});
		ticker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		scheduler = ticker;
		ownership.start(this);
		ticker.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
		log.info("Feed polling started: {} at once, intervals {}–{}, back-off up to {}", properties.concurrency(),
				properties.interval(), properties.maxInterval(), properties.maxBackoff());
	}

	@Override
	public void stop() {
		ScheduledExecutorService ticker = scheduler;
		scheduler = null;
		if (ticker != null) {
			ticker.shutdownNow();
		}
		ExecutorService pool = workers;
		if (pool != null) {
			pool.shutdown();
			try {
				if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
					pool.shutdownNow();
				}
			}
			catch (InterruptedException ex) {
				pool.shutdownNow();
				Thread.currentThread().interrupt();
			}
		}
		ownership.stop();
	}

	@Override
	public boolean isRunning() {
		return scheduler != null;
	}

}
