package org.newswire.search.query;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import org.newswire.events.EntityMention;
import org.newswire.search.elasticsearch.ElasticsearchConfig;
import org.newswire.search.index.ArticleDocument;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/articles/export?format=csv|jsonl&q=...}: every article matching the filters, streamed
 * as it is read page by page, newest first. CSV has one row per article without the text (cells that
 * a spreadsheet would run as a formula are prefixed with {@code '}); JSON lines carry the whole stored
 * article.
 */
@RestController
class ExportController {

	private static final ObjectMapper JSON = ElasticsearchConfig.jsonpMapper().objectMapper();

	private final ArticleSearch search;

	ExportController(ArticleSearch search) {
		this.search = search;
	}

	@Operation(summary = "Export every match as CSV or JSON lines (same filters as search)")
	@GetMapping("/api/articles/export")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "csv") String format,
			@RequestParam(required = false) String q, @RequestParam(name = "topic", required = false) List<String> topics,
			@RequestParam(name = "entity", required = false) List<String> entities,
			@RequestParam(name = "source", required = false) List<String> sources,
			@RequestParam(name = "language", required = false) List<String> languages,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		boolean csv = switch (format) {
			case "csv" -> true;
			case "jsonl" -> false;
			default -> throw new InvalidSearchException("format must be csv or jsonl, was '" + format + "'");
		};
		Instant now = Instant.now();
		ArticleCriteria criteria = new ArticleCriteria(q, topics, entities, sources, languages,
				ArticleCriteria.parseTime("from", from, now, false), ArticleCriteria.parseTime("to", to, now, true));
		criteria.validate();
		StreamingResponseBody body = out -> {
			if (csv) {
				write(out, "id,publishedAt,source,language,title,url,topics,entities\n");
			}
			this.search.export(criteria, !csv, article -> write(out, csv ? csvRow(article) : jsonLine(article)));
		};
		return ResponseEntity.ok()
			.contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8)
					: new MediaType("application", "x-ndjson", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"articles." + format + "\"")
			.body(body);
	}

	static String csvRow(ArticleDocument a) {
		String entities = a.entities() == null ? ""
				: a.entities().stream().map(EntityMention::name).collect(Collectors.joining(";"));
		return String.join(",", cell(a.articleId()), cell(a.publishedAt() == null ? null : a.publishedAt().toString()),
				cell(a.source()), cell(a.language()), cell(a.title()), cell(a.url()),
				cell(a.topics() == null ? "" : String.join(";", a.topics())), cell(entities)) + "\n";
	}

	static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String v = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
			return "\"" + v.replace("\"", "\"\"") + "\"";
		}
		return v;
	}

	private static String jsonLine(ArticleDocument article) {
		try {
			return JSON.writeValueAsString(article) + "\n";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(OutputStream out, String text) {
		try {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Client went away during export", ex);
		}
	}

}
