package org.newswire.ingest.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.newswire.events.EventSerde;
import org.newswire.events.Feed;
import org.newswire.ingest.normalize.ArticleIds;
import org.newswire.ingest.normalize.CanonicalUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * The feed registry operators manage while the service runs: every change is a record on the compacted
 * {@code news.feeds} topic (keyed by feed id, a tombstone deletes), acknowledged by the broker before it
 * counts. A feed's id is the hash of its canonical URL, so registering the same feed twice — by the
 * configured list at each start-up, by two instances at once — is one feed.
 */
public class FeedRegistry {

	private static final Logger log = LoggerFactory.getLogger(FeedRegistry.class);

	static final int MAX_URL_LENGTH = 2048;

	private final KafkaTemplate<String, byte[]> template;

	private final FeedRegistryView view;

	private final AddressCheck addresses;

	private final Duration sendTimeout;

	FeedRegistry(KafkaTemplate<String, byte[]> template, FeedRegistryView view, AddressCheck addresses,
			Duration sendTimeout) {
		this.template = template;
		this.view = view;
		this.addresses = addresses;
		this.sendTimeout = sendTimeout;
	}

	public List<Feed> list() {
		return view.entries().stream().map(FeedRegistryView.Entry::feed)
			.sorted(Comparator.comparing(Feed::url)).toList();
	}

	public Optional<Feed> get(String id) {
		return view.entry(id).map(FeedRegistryView.Entry::feed);
	}

	public Feed create(FeedInput input) throws InvalidFeedException {
		URI url = validUrl(input.url(), true);
		String id = ArticleIds.feedId(url);
		if (view.entry(id).isPresent()) {
			throw new InvalidFeedException("duplicate: " + url + " is already registered as feed " + id);
		}
		Feed feed = new Feed(Feed.SCHEMA, id, url.toString(), blankToNull(input.title()), input.tags(), settings(input));
		write(feed);
		log.info("Feed {} registered: {}", id, url);
		return feed;
	}

	public Feed update(String id, FeedInput input) throws InvalidFeedException {
		Feed existing = get(id).orElseThrow(() -> new InvalidFeedException("no feed " + id));
		String url = existing.url();
		if (input.url() != null && !input.url().isBlank()) {
			URI changed = validUrl(input.url(), true);
			String other = ArticleIds.feedId(changed);
			if (!other.equals(id) && view.entry(other).isPresent()) {
				throw new InvalidFeedException("duplicate: " + changed + " is already registered as feed " + other);
			}
			url = changed.toString();
		}
		Feed feed = new Feed(Feed.SCHEMA, id, url, input.title() != null ? blankToNull(input.title()) : existing.title(),
				input.tags() != null ? input.tags() : existing.tags(), settings(input, existing));
		write(feed);
		log.info("Feed {} updated: {}", id, url);
		return feed;
	}

	public boolean delete(String id) {
		if (view.entry(id).isEmpty()) {
			return false;
		}
		send(RegistryTopics.FEEDS, id, null);
		send(RegistryTopics.STATE, id, null);
		view.removeFeed(id);
		log.info("Feed {} deleted", id);
		return true;
	}

	/**
	 * Registers the configured feeds that are not registered yet (waiting first until the registry has been
	 * read, so a restart does not rewrite them). A feed an operator deleted comes back if it is still configured.
	 */
	public int seed(List<URI> urls, Duration readTimeout) {
		if (urls.isEmpty()) {
			return 0;
		}
		if (!view.awaitCaughtUp(readTimeout)) {
			throw new IllegalStateException("the feed registry could not be read within " + readTimeout);
		}
		int added = 0;
		for (URI url : urls) {
			String id = ArticleIds.feedId(url);
			if (view.entry(id).isEmpty()) {
				write(new Feed(Feed.SCHEMA, id, url.toString(), null, List.of("configured"), Feed.Settings.DEFAULT));
				added++;
			}
		}
		if (added > 0) {
			log.info("Registered {} configured feeds (of {})", added, urls.size());
		}
		return added;
	}

	private void write(Feed feed) {
		SendResult<String, byte[]> result = send(RegistryTopics.FEEDS, feed.id(), EventSerde.toJson(feed));
		view.applyFeed(feed, result.getRecordMetadata().partition());
	}

	private SendResult<String, byte[]> send(String topic, String key, byte[] value) {
		try {
			return template.send(topic, key, value).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("the broker did not accept the change to feed " + key + ": " + ex.getCause(),
					ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("the broker did not acknowledge the change to feed " + key + " within "
					+ sendTimeout, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private URI validUrl(String value, boolean checkAddress) throws InvalidFeedException {
		if (value == null || value.isBlank()) {
			throw new InvalidFeedException("url is required");
		}
		String text = value.strip();
		if (text.length() > MAX_URL_LENGTH) {
			throw new InvalidFeedException("url is longer than " + MAX_URL_LENGTH + " characters");
		}
		URI url;
		try {
			url = new URI(text);
		}
		catch (URISyntaxException ex) {
			throw new InvalidFeedException("not a valid URL: " + text + " (" + ex.getReason() + ")");
		}
		String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new InvalidFeedException("not an http(s) URL: " + text);
		}
		if (url.getHost() == null || url.getHost().isBlank()) {
			throw new InvalidFeedException("URL has no host: " + text);
		}
		if (url.getUserInfo() != null) {
			throw new InvalidFeedException("URLs with credentials are refused: " + url.getScheme() + "://" + url.getHost());
		}
		try {
			CanonicalUrl.of(url);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidFeedException(ex.getMessage());
		}
		if (checkAddress) {
			String refusal = addresses.refusal(url.getHost());
			if (refusal != null) {
				throw new InvalidFeedException("refused address: " + refusal);
			}
		}
		return url;
	}

	private static Feed.Settings settings(FeedInput input) throws InvalidFeedException {
		return settings(input, null);
	}

	private static Feed.Settings settings(FeedInput input, Feed existing) throws InvalidFeedException {
		Feed.Settings old = existing == null ? Feed.Settings.DEFAULT : existing.settings();
		boolean enabled = input.enabled() != null ? input.enabled() : old.enabled();
		Duration min = input.minInterval() != null ? input.minInterval() : old.minInterval();
		Duration max = input.maxInterval() != null ? input.maxInterval() : old.maxInterval();
		if (min != null && (min.isNegative() || min.compareTo(Duration.ofSeconds(1)) < 0)) {
			throw new InvalidFeedException("minInterval must be at least 1 second");
		}
		if (max != null && min != null && max.compareTo(min) < 0) {
			throw new InvalidFeedException("maxInterval must not be shorter than minInterval");
		}
		return new Feed.Settings(enabled, min, max);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
