package org.newswire.search.query;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/articles?q=&topic=&size=}: articles matching the query, best or newest first. */
@RestController
class SearchController {

	private final ArticleSearch search;

	private final QueryProperties limits;

	SearchController(ArticleSearch search, QueryProperties limits) {
		this.search = search;
		this.limits = limits;
	}

	@GetMapping("/api/articles")
	ArticleHits search(@RequestParam(required = false) String q,
			@RequestParam(name = "topic", required = false) List<String> topics,
			@RequestParam(required = false) Integer size) {
		return this.search.search(ArticleQuery.of(q, topics, size, this.limits));
	}

}
