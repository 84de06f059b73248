package org.newswire.ingest.registry;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which feeds this instance polls, decided by Kafka: a consumer in the ingest group subscribes to
 * {@code news.feeds}, and the partitions the group assigns it are the feeds it owns. It reads nothing
 * (the partitions are paused; the {@link FeedRegistryView} reads the records) — it only keeps the
 * membership alive. When an instance stops, it leaves the group and its partitions move to the others at
 * once; when it dies, after the session timeout.
 */
public class FeedOwnership {

	private static final Logger log = LoggerFactory.getLogger(FeedOwnership.class);

	/** Told about changes of ownership, on the ownership thread, before polling of moved feeds starts or ends. */
	public interface Listener {

		void assigned(Collection<Integer> partitions);

		void revoked(Collection<Integer> partitions);

	}

	private final Map<String, Object> consumerConfig;

	private final Set<Integer> owned = ConcurrentHashMap.newKeySet();

	private volatile Thread thread;

	private volatile KafkaConsumer<String, byte[]> consumer;

	private volatile boolean running;

	FeedOwnership(Map<String, Object> consumerConfig) {
		this.consumerConfig = Map.copyOf(consumerConfig);
	}

	public boolean owns(int partition) {
		return owned.contains(partition);
	}

	public Set<Integer> partitions() {
		return Set.copyOf(owned);
	}

	public void start(Listener listener) {
		running = true;
		Thread member = new Thread(() -> run(listener), "feed-ownership");
		member.setDaemon(true);
		thread = member;
		member.start();
	}

	private void run(Listener listener) {
		while (running) {
			try (KafkaConsumer<String, byte[]> member = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
					new ByteArrayDeserializer())) {
				consumer = member;
				member.subscribe(List.of(RegistryTopics.FEEDS), new ConsumerRebalanceListener() {
					@Override
					public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
						release(listener, partitions);
					}

					@Override
					public void onPartitionsLost(Collection<TopicPartition> partitions) {
						release(listener, partitions);
					}

					@Override
					public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
						member.pause(partitions);
						List<Integer> numbers = partitions.stream().map(TopicPartition::partition).toList();
						if (!numbers.isEmpty()) {
							listener.assigned(numbers);
							owned.addAll(numbers);
							log.info("Now polling the feeds of news.feeds partitions {} (all owned: {})", numbers,
									new TreeSet<>(owned));
						}
					}
				});
				while (running) {
					member.poll(Duration.ofMillis(500));
				}
			}
			catch (WakeupException ex) {
				// stopping
			}
			catch (RuntimeException ex) {
				if (running) {
					log.warn("Feed ownership consumer failed, rejoining in 5 s: {}", ex.toString());
					owned.clear();
					try {
						Thread.sleep(5000);
					}
					catch (InterruptedException interrupted) {
						Thread.currentThread().interrupt();
						return;
					}
				}
			}
		}
	}

	private void release(Listener listener, Collection<TopicPartition> partitions) {
		List<Integer> numbers = partitions.stream().map(TopicPartition::partition).toList();
		if (numbers.isEmpty()) {
			return;
		}
		owned.removeAll(numbers);
		listener.revoked(numbers);
		log.info("No longer polling the feeds of news.feeds partitions {}", numbers);
	}

	/** Leaves the group (closing the consumer), so the others take over the partitions without waiting. */
	public void stop() {
		running = false;
		KafkaConsumer<String, byte[]> current = consumer;
		if (current != null) {
			current.wakeup();
		}
		Thread member = thread;
		if (member != null) {
			try {
				member.join(15_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		owned.clear();
	}

}
