package org.newswire.search.alert;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.newswire.events.Alert;
import org.newswire.search.query.ArticleCriteria;
import org.newswire.search.query.ArticleHits;
import org.newswire.search.query.ArticleQuery;
import org.newswire.search.query.ArticleSearch;
import org.newswire.search.query.InvalidSearchException;
import org.newswire.search.query.SearchUnavailableException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Alert rules: create, list, change, delete, preview, and each rule's alerts (JSON and Atom). */
@RestController
class RuleController {

	private final RuleStore rules;

	private final AlertStore alerts;

	private final ArticleSearch search;

	private final AlertProperties properties;

	RuleController(RuleStore rules, AlertStore alerts, ArticleSearch search, AlertProperties properties) {
		this.rules = rules;
		this.alerts = alerts;
		this.search = search;
		this.properties = properties;
	}

	@Operation(summary = "Create a rule; answers 201 with the stored rule, its id and its webhook secret (shown only here)")
	@PostMapping("/api/rules")
	ResponseEntity<Rule> create(@RequestBody RuleDraft draft) {
		Rule rule = draft.toRule(null, allowedHosts(), Instant.now());
		store(() -> {
			if (this.rules.count() >= this.properties.maxRules()) {
				throw new InvalidSearchException("there are already " + this.properties.maxRules() + " rules, the maximum");
			}
			this.rules.save(rule);
			return null;
		});
		return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(rule.id()))
			.body(rule);
	}

	@Operation(summary = "All rules, newest first, with webhook status")
	@GetMapping("/api/rules")
	List<Rule> list() {
		return store(this.rules::all).stream().map(Rule::withoutSecret).toList();
	}

	@GetMapping("/api/rules/{id}")
	ResponseEntity<?> get(@PathVariable String id) {
		return store(() -> this.rules.get(id)).<ResponseEntity<?>>map(rule -> ResponseEntity.ok(rule.withoutSecret()))
			.orElseGet(() -> notFound(id));
	}

	@Operation(summary = "Replace a rule's settings (id, secret and delivery state are kept; a webhookSecret given replaces the secret)")
	@PutMapping("/api/rules/{id}")
	ResponseEntity<?> update(@PathVariable String id, @RequestBody RuleDraft draft) {
		var existing = store(() -> this.rules.get(id));
		if (existing.isEmpty()) {
			return notFound(id);
		}
		Rule rule = draft.toRule(existing.get(), allowedHosts(), Instant.now());
		store(() -> {
			this.rules.save(rule);
			return null;
		});
		return ResponseEntity.ok(rule.withoutSecret());
	}

	@DeleteMapping("/api/rules/{id}")
	ResponseEntity<?> delete(@PathVariable String id) {
		return store(() -> this.rules.delete(id)) ? ResponseEntity.noContent().build() : notFound(id);
	}

	@Operation(summary = "What a draft rule would have matched over the last 7 days")
	@PostMapping("/api/rules/preview")
	ArticleHits preview(@RequestBody RuleDraft draft, @RequestParam(defaultValue = "20") int size) {
		Rule rule = draft.toRule(null, allowedHosts(), Instant.now());
		ArticleCriteria criteria = rule.criteria()
			.withWindow(Instant.now().minus(this.properties.previewWindow()), null);
		return this.search.search(new ArticleQuery(criteria, ArticleQuery.Sort.NEWEST, Math.min(Math.max(size, 1), 100),
				null, false, "day"));
	}

	@Operation(summary = "The rule's most recent alerts, newest first")
	@GetMapping("/api/rules/{id}/alerts")
	ResponseEntity<?> alerts(@PathVariable String id, @RequestParam(defaultValue = "50") int size) {
		if (store(() -> this.rules.get(id)).isEmpty()) {
			return notFound(id);
		}
		return ResponseEntity.ok(Map.of("alerts", store(() -> this.alerts.recent(id, Math.min(Math.max(size, 1), 500)))));
	}

	@Operation(summary = "The rule's alerts as an Atom feed, for feed readers")
	@GetMapping(value = "/api/rules/{id}/alerts.atom")
	ResponseEntity<?> atom(@PathVariable String id) {
		var rule = store(() -> this.rules.get(id));
		if (rule.isEmpty()) {
			return notFound(id);
		}
		List<Alert> recent = store(() -> this.alerts.recent(id, 50));
		String self = ServletUriComponentsBuilder.fromCurrentRequest().build().toUriString();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
			.body(AlertFeed.atom(rule.get(), recent, self));
	}

	private List<String> allowedHosts() {
		return this.properties.webhook().fetch().allowedHosts();
	}

	private static ResponseEntity<?> notFound(String id) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(Map.of("status", 404, "error", "Not Found", "message", "No rule with id " + id));
	}

	private interface StoreCall<T> {

		T run() throws IOException;

	}

	private static <T> T store(StoreCall<T> call) {
		try {
			return call.run();
		}
		catch (IOException | co.elastic.clients.elasticsearch._types.ElasticsearchException ex) {
			throw new SearchUnavailableException("Elasticsearch is not reachable for rules", ex);
		}
	}

}
