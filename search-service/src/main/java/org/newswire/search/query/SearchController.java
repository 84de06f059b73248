package org.newswire.search.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search, single articles and related coverage. */
@RestController
class SearchController {

	private final ArticleSearch search;

	private final QueryProperties limits;

	SearchController(ArticleSearch search, QueryProperties limits) {
		this.search = search;
		this.limits = limits;
	}

	@Operation(summary = "Search articles",
			description = "q: words (all required), \"phrases\", AND/OR/NOT or +/|/-, (groups), prefix*; "
					+ "searched in title, summary, text and entity names. Page with nextCursor.")
	@GetMapping("/api/articles")
	ArticleHits search(@RequestParam(required = false) String q,
			@Parameter(description = "topic id; repeat for several (all required)") @RequestParam(name = "topic",
					required = false) List<String> topics,
			@Parameter(description = "entity id or exact name; repeat for any of several") @RequestParam(
					name = "entity", required = false) List<String> entities,
			@RequestParam(name = "source", required = false) List<String> sources,
			@RequestParam(name = "language", required = false) List<String> languages,
			@Parameter(description = "ISO date or instant, or 30m, 24h, 7d, 2w back from now") @RequestParam(
					required = false) String from,
			@Parameter(description = "ISO date (inclusive) or instant, or relative like from") @RequestParam(
					required = false) String to,
			@Parameter(description = "relevance (default) or newest") @RequestParam(required = false) String sort,
			@RequestParam(required = false) Integer size,
			@Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor,
			@Parameter(description = "true for counts per topic, source, language and entity") @RequestParam(
					required = false) Boolean facets,
			@Parameter(description = "hour, day or auto: matches over time") @RequestParam(
					required = false) String histogram) {
		return this.search.search(ArticleQuery.of(new ArticleQuery.Parameters(q, topics, entities, sources, languages,
				from, to, sort, size, cursor, facets, histogram), this.limits, Instant.now()));
	}

	@Operation(summary = "One article with its text, topics with evidence, and entities")
	@GetMapping("/api/articles/{id}")
	ResponseEntity<?> article(@PathVariable String id) {
		return this.search.get(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notFound(id));
	}

	@Operation(summary = "Similar coverage (more like this), copies of the same story excluded")
	@GetMapping("/api/articles/{id}/related")
	ResponseEntity<?> related(@PathVariable String id, @RequestParam(defaultValue = "10") int size) {
		if (size < 1 || size > this.limits.maxSize()) {
			throw new InvalidSearchException("size must be between 1 and " + this.limits.maxSize() + ", was " + size);
		}
		return this.search.get(id)
			.<ResponseEntity<?>>map(article -> ResponseEntity.ok(Map.of("hits", this.search.related(article, size))))
			.orElseGet(() -> notFound(id));
	}

	private static ResponseEntity<?> notFound(String id) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(new SearchErrors.ErrorResponse(404, "Not Found", "No article with id " + id));
	}

}
