package org.newswire.ingest.registry;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.newswire.events.Feed;
import org.newswire.ingest.poll.FeedPollResult;
import org.newswire.ingest.poll.FeedPoller;
import org.newswire.ingest.poll.FeedStatus;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/feeds}: the registry for operators. Changes are acknowledged by the broker before the
 * answer; invalid input gets 400 with the reason. {@code POST /api/feeds/{id}/poll} polls now when this
 * instance owns the feed, else answers 409 (another instance polls it).
 */
@RestController
class FeedsController {

	private final FeedRegistry registry;

	private final FeedPoller poller;

	FeedsController(FeedRegistry registry, FeedPoller poller) {
		this.registry = registry;
		this.poller = poller;
	}

	@GetMapping("/api/feeds")
	List<FeedView> list() {
		return registry.list().stream().map(this::view).toList();
	}

	@GetMapping("/api/feeds/{id}")
	ResponseEntity<FeedView> get(@PathVariable String id) {
		return registry.get(id).map(feed -> ResponseEntity.ok(view(feed))).orElse(ResponseEntity.notFound().build());
	}

	@PostMapping("/api/feeds")
	ResponseEntity<FeedView> create(@RequestBody FeedInput input) throws InvalidFeedException {
		Feed feed = registry.create(input);
		return ResponseEntity.created(URI.create("/api/feeds/" + feed.id())).body(view(feed));
	}

	@PutMapping("/api/feeds/{id}")
	ResponseEntity<FeedView> update(@PathVariable String id, @RequestBody FeedInput input) throws InvalidFeedException {
		if (registry.get(id).isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok(view(registry.update(id, input)));
	}

	@DeleteMapping("/api/feeds/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		return registry.delete(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}

	@PostMapping("/api/feeds/{id}/poll")
	ResponseEntity<Object> poll(@PathVariable String id) {
		if (registry.get(id).isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		var result = poller.pollNow(id);
		if (result.isEmpty()) {
			return ResponseEntity.status(HttpStatus.CONFLICT)
				.body(Map.of("error", "feed " + id + " is polled by another instance; ask that one, or wait for its next poll"));
		}
		FeedPollResult polled = result.get();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("outcome", polled.outcome().tag());
		body.put("published", polled.published());
		body.put("alreadySeen", polled.alreadySeen());
		body.put("rejected", polled.rejected());
		body.put("detail", polled.detail());
		body.put("errorClass", polled.errorClass() == null ? null : polled.errorClass().tag());
		body.put("feed", view(registry.get(id).orElseThrow()));
		return ResponseEntity.ok(body);
	}

	@PostMapping(path = "/api/feeds/opml", consumes = { MediaType.TEXT_XML_VALUE, MediaType.APPLICATION_XML_VALUE,
			"text/x-opml", "text/x-opml+xml", MediaType.TEXT_PLAIN_VALUE })
	Map<String, Object> importOpml(@RequestBody String opml) throws InvalidFeedException {
		List<String> added = new ArrayList<>();
		List<Map<String, String>> skipped = new ArrayList<>();
		for (FeedInput input : Opml.read(opml)) {
			try {
				added.add(registry.create(input).id());
			}
			catch (InvalidFeedException ex) {
				skipped.add(Map.of("url", String.valueOf(input.url()), "reason", ex.getMessage()));
			}
		}
		return Map.of("added", added, "skipped", skipped);
	}

	@GetMapping(path = "/api/feeds.opml", produces = "text/x-opml")
	String exportOpml() {
		return Opml.write(registry.list());
	}

	@ExceptionHandler(InvalidFeedException.class)
	ResponseEntity<Map<String, String>> invalid(InvalidFeedException ex) {
		return ResponseEntity.badRequest().body(Map.of("error", ex.getMessage()));
	}

	private FeedView view(Feed feed) {
		FeedStatus status = poller.status(feed.id()).orElse(null);
		return new FeedView(feed.id(), feed.url(), feed.title(), feed.tags(), feed.settings().enabled(),
				feed.settings().minInterval(), feed.settings().maxInterval(), poller.owns(feed.id()),
				status == null ? null : State.of(status));
	}

	/** A feed as the API shows it. {@code polledHere}: this instance owns it. */
	record FeedView(String id, String url, String title, List<String> tags, boolean enabled, Duration minInterval,
			Duration maxInterval, boolean polledHere, State state) {
	}

	/** A feed's state, without the de-duplication memory itself (only its size). */
	record State(Instant lastAttempt, Instant lastSuccess, String lastOutcome, String lastError, String errorClass,
			int consecutiveFailures, Instant nextPoll, Duration interval, long itemsSeen, long itemsPublished,
			String etag, String lastModified, String bodySha256, double newItemsPerDay, List<String> repairs,
			List<String> advertisedFeeds, int rememberedItems) {

		static State of(FeedStatus s) {
			return new State(s.lastAttempt(), s.lastSuccess(), s.lastOutcome(), s.lastError(), s.errorClass(),
					s.consecutiveFailures(), s.nextPollAt(), s.interval(), s.itemsSeen(), s.itemsPublished(), s.etag(),
					s.lastModified(), s.bodySha256(), s.newItemsPerDay(), s.repairs(), s.advertisedFeeds(),
					s.seenItems().size());
		}

	}

}
