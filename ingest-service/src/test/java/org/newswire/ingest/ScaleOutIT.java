package org.newswire.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.newswire.ingest.poll.FeedPoller;
import org.newswire.testsupport.NewswireStack;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two ingest instances (two application contexts in one consumer group) against the real broker share
 * the registered feeds through the group's assignment of {@code news.feeds} partitions: each feed is
 * polled by one of them at its interval, never twice in one interval, and when one instance stops the
 * other takes over its feeds, with their state, within seconds.
 */
@NewswireStack(elasticsearch = false)
class ScaleOutIT {

	private static final Duration INTERVAL = Duration.ofSeconds(3);

	private static final FeedServer feeds = FeedServer.start();

	private final String group = "scale-out-" + UUID.randomUUID();

	/** Partitions of news.feeds: newswire.ingest.topics.partitions' default. */
	private static final int PARTITIONS = 3;

	private final List<String> paths = spreadOverPartitions(2);

	@AfterAll
	static void stopFeedServer() {
		feeds.close();
	}

	@Test
	void sharesFeedsWithoutDoublePollingAndTakesOverWhenAnInstanceStops() {
		for (String path : paths) {
			feeds.serveRss(path, "Scale " + path, "");
		}
		String feedUrls = paths.stream().map(path -> feeds.url(path).toString()).collect(Collectors.joining(","));
		ConfigurableApplicationContext a = start("instance-a", feedUrls);
		try (ConfigurableApplicationContext b = start("instance-b", feedUrls)) {
			FeedPoller pollerA = a.getBean(FeedPoller.class);
			FeedPoller pollerB = b.getBean(FeedPoller.class);
			// both instances own some of the feeds, and every feed is owned by exactly one
			await().atMost(Duration.ofSeconds(60)).until(() -> paths.stream()
				.allMatch(path -> pollerA.owns(feedId(path)) ^ pollerB.owns(feedId(path)))
					&& paths.stream().anyMatch(path -> pollerA.owns(feedId(path)))
					&& paths.stream().anyMatch(path -> pollerB.owns(feedId(path))));
			Instant shared = Instant.now();
			await().atMost(Duration.ofSeconds(30)).until(() -> polledBy(shared, "instance-a").size() >= 1
					&& polledBy(shared, "instance-b").size() >= 1
					&& allPolledTwiceSince(shared));

			assertNeverPolledTwiceWithinAnInterval();

			Set<String> ownedByA = paths.stream().filter(path -> pollerA.owns(feedId(path))).collect(Collectors.toSet());
			a.close();
			Instant stopped = Instant.now();

			await().atMost(Duration.ofSeconds(45))
				.until(() -> polledBy(stopped, "instance-b").containsAll(ownedByA));
			assertThat(paths).allMatch(path -> pollerB.owns(feedId(path)));
			assertThat(polledBy(stopped, "instance-a")).isEmpty();
			assertNeverPolledTwiceWithinAnInterval();
		}
		finally {
			a.close();
		}
	}

	private void assertNeverPolledTwiceWithinAnInterval() {
		Map<String, List<FeedServer.Request>> byPath = feeds.requests()
			.stream()
			.filter(request -> paths.contains(request.path()))
			.collect(Collectors.groupingBy(FeedServer.Request::path));
		for (Map.Entry<String, List<FeedServer.Request>> entry : byPath.entrySet()) {
			List<FeedServer.Request> requests = entry.getValue();
			for (int i = 1; i < requests.size(); i++) {
				Duration gap = Duration.between(requests.get(i - 1).at(), requests.get(i).at());
				assertThat(gap).as("gap between polls of %s by %s and %s", entry.getKey(),
						requests.get(i - 1).userAgent(), requests.get(i).userAgent())
					.isGreaterThan(INTERVAL.minusMillis(500));
			}
		}
	}

	private boolean allPolledTwiceSince(Instant since) {
		List<String> polled = new ArrayList<>();
		feeds.requests().stream().filter(request -> request.at().isAfter(since)).forEach(r -> polled.add(r.path()));
		return paths.stream().allMatch(path -> polled.stream().filter(path::equals).count() >= 2);
	}

	private Set<String> polledBy(Instant since, String agent) {
		return feeds.requests()
			.stream()
			.filter(request -> request.at().isAfter(since) && request.userAgent().equals(agent))
			.map(FeedServer.Request::path)
			.collect(Collectors.toSet());
	}

	private ConfigurableApplicationContext start(String agent, String feedUrls) {
		return new SpringApplicationBuilder(IngestApplication.class).run("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + System.getProperty("spring.kafka.bootstrap-servers"),
				"--newswire.ingest.registry.group-id=" + group, "--newswire.ingest.poll.feed-urls=" + feedUrls,
				"--newswire.ingest.poll.initial-delay=0s", "--newswire.ingest.poll.interval=" + INTERVAL.toSeconds() + "s",
				"--newswire.ingest.poll.max-interval=" + INTERVAL.toSeconds() + "s", "--newswire.ingest.poll.jitter=0",
				"--newswire.ingest.fetch.user-agent=" + agent, "--newswire.ingest.fetch.per-host-delay=0s",
				"--newswire.ingest.fetch.per-host-concurrency=8", "--newswire.ingest.fetch.allowed-hosts=127.0.0.1");
	}

	/**
	 * Feed paths whose ids land on every partition of news.feeds at least {@code perPartition} times
	 * (Kafka's default partitioner: murmur2 of the key), so both instances own feeds whatever port the
	 * feed server got; six fixed paths left one instance without feeds about one run in eleven.
	 */
	private static List<String> spreadOverPartitions(int perPartition) {
		int[] counts = new int[PARTITIONS];
		List<String> chosen = new ArrayList<>();
		for (int i = 0; Arrays.stream(counts).anyMatch(count -> count < perPartition); i++) {
			String path = "/scale-" + i + ".xml";
			int partition = Utils.toPositive(Utils.murmur2(feedId(path).getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
			if (counts[partition] < perPartition) {
				counts[partition]++;
				chosen.add(path);
			}
		}
		return chosen;
	}

	private static String feedId(String path) {
		return sha256(feeds.url(path).toString());
	}

	private static String sha256(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest).substring(0, 32);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
