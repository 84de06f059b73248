package org.newswire.ingest.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.newswire.events.EventSerde;
import org.newswire.events.Feed;
import org.newswire.ingest.poll.FeedStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * This instance's read of the whole registry: every feed of {@code news.feeds} and every feed's last
 * persisted state of {@code news.feeds.state}, tailed from the beginning by a group-less consumer (all
 * partitions assigned, nothing committed). Serves the API and tells the poller which feeds exist and in
 * which partition each lives; the instance owning that partition polls it.
 */
public class FeedRegistryView implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(FeedRegistryView.class);

	private final Map<String, Object> consumerConfig;

	private final Map<String, Entry> feeds = new ConcurrentHashMap<>();

	private final Map<String, FeedStatus> states = new ConcurrentHashMap<>();

	private final AtomicLong catchUpRequested = new AtomicLong();

	private volatile long caughtUp;

	private volatile Thread thread;

	private volatile KafkaConsumer<String, byte[]> consumer;

	private volatile boolean running;

	FeedRegistryView(Map<String, Object> consumerConfig) {
		this.consumerConfig = Map.copyOf(consumerConfig);
	}

	/** A registered feed and the partition of {@code news.feeds} it lives in. */
	public record Entry(Feed feed, int partition) {
	}

	public List<Entry> entries() {
		return new ArrayList<>(feeds.values());
	}

	public Optional<Entry> entry(String id) {
		return Optional.ofNullable(feeds.get(id));
	}

	public Optional<FeedStatus> status(String id) {
		return Optional.ofNullable(states.get(id));
	}

	/** Read-your-writes: what this instance just wrote is visible before the tailing consumer reads it back. */
	public void applyStatus(FeedStatus status) {
		states.put(status.feedId(), status);
	}

	void applyFeed(Feed feed, int partition) {
		feeds.put(feed.id(), new Entry(feed, partition));
	}

	void removeFeed(String id) {
		feeds.remove(id);
		states.remove(id);
	}

	/** Waits until everything written to both topics before this call has been read; false on timeout. */
	public boolean awaitCaughtUp(Duration timeout) {
		long request = catchUpRequested.incrementAndGet();
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this) {
			while (caughtUp < request) {
				long left = deadline - System.nanoTime();
				if (left <= 0 || !running) {
					return false;
				}
				try {
					wait(Math.max(1, left / 1_000_000));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
			return true;
		}
	}

	private void run() {
		while (running) {
			try (KafkaConsumer<String, byte[]> tail = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
					new ByteArrayDeserializer())) {
				consumer = tail;
				List<TopicPartition> partitions = partitions(tail, RegistryTopics.FEEDS);
				partitions.addAll(partitions(tail, RegistryTopics.STATE));
				tail.assign(partitions);
				tail.seekToBeginning(partitions);
				while (running) {
					long request = catchUpRequested.get();
					Map<TopicPartition, Long> end = request > caughtUp ? tail.endOffsets(partitions) : null;
					for (ConsumerRecord<String, byte[]> record : tail.poll(Duration.ofMillis(200))) {
						apply(record);
					}
					if (end != null && reached(tail, end)) {
						synchronized (this) {
							caughtUp = request;
							notifyAll();
						}
					}
				}
			}
			catch (WakeupException ex) {
				// stopping
			}
			catch (RuntimeException ex) {
				if (running) {
					log.warn("Reading the feed registry failed, retrying in 5 s: {}", ex.toString());
					LockSupport.parkNanos(Duration.ofSeconds(5).toNanos());
				}
			}
		}
	}

	private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
		List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
		if (infos == null || infos.isEmpty()) {
			throw new IllegalStateException("topic " + topic + " does not exist (yet)");
		}
		List<TopicPartition> partitions = new ArrayList<>();
		for (PartitionInfo info : infos) {
			partitions.add(new TopicPartition(topic, info.partition()));
		}
		return partitions;
	}

	private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
		for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
			if (consumer.position(partition.getKey()) < partition.getValue()) {
				return false;
			}
		}
		return true;
	}

	private void apply(ConsumerRecord<String, byte[]> record) {
		String id = record.key();
		if (id == null) {
			return;
		}
		try {
			if (record.topic().equals(RegistryTopics.FEEDS)) {
				if (record.value() == null) {
					removeFeed(id);
				}
				else {
					Feed feed = EventSerde.fromJson(record.value(), Feed.class);
					feeds.put(id, new Entry(feed, record.partition()));
				}
			}
			else if (record.value() == null) {
				states.remove(id);
			}
			else {
				FeedStatus status = StateJson.read(record.value());
				if (status.schema() == FeedStatus.SCHEMA) {
					states.put(id, status);
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Ignoring unreadable record {}-{}@{} for feed {}: {}", record.topic(), record.partition(),
					record.offset(), id, ex.toString());
		}
	}

	@Override
	public void start() {
		running = true;
		Thread tail = new Thread(this::run, "feed-registry-view");
		tail.setDaemon(true);
		thread = tail;
		tail.start();
	}

	@Override
	public void stop() {
		running = false;
		KafkaConsumer<String, byte[]> current = consumer;
		if (current != null) {
			current.wakeup();
		}
		Thread tail = thread;
		if (tail != null) {
			try {
				tail.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		synchronized (this) {
			notifyAll();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Started before the ownership and the poller, stopped after them. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 2000;
	}

}
