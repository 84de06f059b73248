package org.newswire.search.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.junit.jupiter.api.Test;
import org.newswire.events.Alert;
import org.newswire.events.EnrichedArticle;
import org.newswire.events.EntityMention;
import org.newswire.events.Extraction;
import org.newswire.events.TopicMatch;
import org.newswire.search.RunningSearchService;
import org.newswire.search.alert.AlertEvaluator;
import org.newswire.search.alert.Rule;
import org.newswire.search.index.ArticleIndexer;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of {@code verify} (the name matches neither *Test nor *IT). Run it with
 * <pre>
 * ./mvnw -B -o -pl search-service verify -Dit.test=SearchBenchmark -Dtest=NoSuchTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dnewswire.bench.articles=100000
 * </pre>
 * It bulk-loads synthetic articles (a 3,000-word vocabulary, Zipf-like word frequencies, 10 topics,
 * 60 entities, 20 sources, 30 days), then prints: rule evaluation time for 1,000 rules against a
 * 500-article batch (refresh + one multi-search + threshold counts), and p50/p95 latency of
 * {@code GET /api/articles} over HTTP for a query mix, each query run after a warm-up.
 */
class SearchBenchmark extends RunningSearchService {

	private static final String[] TOPICS = { "belt-and-road", "sanctions", "peace-talks", "elections", "climate",
			"trade", "energy", "health", "migration", "technology" };

	private static final String[] LANGUAGES = { "en", "en", "en", "fr", "de" };

	@Autowired
	ArticleIndexer indexer;

	@Autowired
	AlertEvaluator evaluator;

	@Autowired
	ElasticsearchClient client;

	private final Random random = new Random(42);

	private final String[] words = vocabulary(3000);

	@Test
	void measuresRuleEvaluationAndSearchLatency() throws Exception {
		int total = Integer.getInteger("newswire.bench.articles", 100_000);
		Instant now = Instant.now();
		long start = System.nanoTime();
		for (int loaded = 0; loaded < total; loaded += 1000) {
			List<EnrichedArticle> batch = new ArrayList<>();
			for (int i = 0; i < 1000 && loaded + i < total; i++) {
				batch.add(article("bench-" + (loaded + i), now));
			}
			this.indexer.index(batch);
		}
		this.client.indices().refresh(r -> r.index("news"));
		double loadSeconds = (System.nanoTime() - start) / 1e9;
		long count = this.client.count(c -> c.index("news")).count();
		System.out.printf("BENCH loaded %d articles in %.1f s (%.0f docs/s); index holds %d%n", total, loadSeconds,
				total / loadSeconds, count);
		assertThat(count).isGreaterThanOrEqualTo(total);

		List<String> mix = List.of("q=" + words[3], "q=" + words[10] + "+" + words[40],
				"q=" + enc("\"" + words[5] + " " + words[6] + "\""), "q=" + enc(words[20] + " OR " + words[21]),
				"q=" + enc(words[2] + " NOT " + words[7]), "q=" + words[30].substring(0, 3) + "*",
				"topic=sanctions&sort=newest", "q=" + words[12] + "&topic=trade&language=en&from=7d",
				"q=" + words[15] + "&facets=true&histogram=day", "sort=newest&facets=true&histogram=auto&from=24h",
				"q=" + enc(words[1] + " " + words[2] + " " + words[3]) + "&source=Source+3",
				"entity=entity-7&sort=newest");
		List<Long> latencies = new ArrayList<>();
		for (int round = 0; round < 12; round++) {
			for (String query : mix) {
				long t0 = System.nanoTime();
				Answer answer = get("/api/articles?" + query);
				long micros = (System.nanoTime() - t0) / 1000;
				assertThat(answer.status()).as(query + " " + answer.body()).isEqualTo(200);
				if (round >= 2) {
					latencies.add(micros);
				}
			}
		}
		System.out.printf("BENCH search latency over %d articles, %d queries (%d kinds): p50 %.1f ms, p95 %.1f ms, "
				+ "max %.1f ms%n", count, latencies.size(), mix.size(), percentile(latencies, 50) / 1000.0,
				percentile(latencies, 95) / 1000.0, percentile(latencies, 100) / 1000.0);

		List<Rule> rules = rules(1000);
		List<Long> evaluations = new ArrayList<>();
		int alerts = 0;
		// the first rounds warm up Elasticsearch and the JVM (and let merges after the load settle)
		for (int round = 0; round < 15; round++) {
			List<EnrichedArticle> batch = new ArrayList<>();
			for (int i = 0; i < 500; i++) {
				batch.add(article("bench-batch-" + round + "-" + i, Instant.now()));
			}
			this.indexer.index(batch);
			long t0 = System.nanoTime();
			List<Alert> raised = this.evaluator.evaluate(rules, batch, Instant.now());
			long millis = (System.nanoTime() - t0) / 1_000_000;
			if (round >= 5) {
				evaluations.add(millis);
			}
			alerts = raised.size();
		}
		System.out.printf("BENCH rule evaluation, 1000 rules x 500 articles: %s ms per batch (median %d ms), "
				+ "%d (rule, article) matches in the last batch%n", evaluations, percentile(evaluations, 50), alerts);
	}

	private List<Rule> rules(int n) {
		List<Rule> rules = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			// rule terms are the rarer two thirds of the vocabulary, as analysts' terms are
			String query = switch (i % 4) {
				case 0 -> ruleWord() + " " + ruleWord();
				case 1 -> "\"" + ruleWord() + " " + ruleWord() + "\"";
				case 2 -> ruleWord() + " OR " + ruleWord();
				default -> ruleWord() + " NOT " + words[rank()];
			};
			List<String> topics = (i % 3 == 0) ? List.of(TOPICS[i % TOPICS.length]) : List.of();
			boolean threshold = i % 10 == 9;
			rules.add(new Rule("rule-" + i, "Rule " + i, query, topics, null, null, null,
					threshold ? Rule.THRESHOLD : Rule.MATCH, threshold ? 50 : null, threshold ? "1h" : null, null,
					"secret", Instant.now(), Instant.now(), null, null));
		}
		return rules;
	}

	private String ruleWord() {
		return this.words[1000 + this.random.nextInt(this.words.length - 1000)];
	}

	private EnrichedArticle article(String id, Instant now) {
		String title = sentence(8);
		String text = sentence(150);
		Instant published = now.minusSeconds(this.random.nextInt(30 * 24 * 3600));
		String topic = TOPICS[this.random.nextInt(TOPICS.length)];
		List<TopicMatch> topics = List.of(new TopicMatch(topic, topic, 1.0,
				List.of(new TopicMatch.Evidence(topic, 2, TopicMatch.Evidence.BODY))));
		int entity = this.random.nextInt(60);
		return new EnrichedArticle(EnrichedArticle.SCHEMA, id, "https://bench.example/" + id,
				"https://bench.example/" + id, "feed", "https://bench.example/feed",
				"Source " + this.random.nextInt(20), id, title, sentence(25), published, published, List.of(),
				List.of(), LANGUAGES[this.random.nextInt(LANGUAGES.length)], 1, text, Extraction.ok("bench"), topics,
				List.of(new EntityMention("entity-" + entity, "Entity " + entity, EntityMention.PERSON, 1)), 150,
				"fp-" + id, published, null, null, null);
	}

	private String sentence(int n) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < n; i++) {
			text.append(i == 0 ? "" : " ").append(this.words[rank()]);
		}
		return text.toString();
	}

	/** A Zipf-like rank: low ranks (common words) much more often than high ones. */
	private int rank() {
		return (int) Math.min(this.words.length - 1, Math.floor(Math.exp(this.random.nextDouble() * Math.log(this.words.length))) - 1);
	}

	private static String[] vocabulary(int n) {
		Random letters = new Random(7);
		String[] words = new String[n];
		for (int i = 0; i < n; i++) {
			StringBuilder word = new StringBuilder();
			int length = 4 + letters.nextInt(6);
			for (int j = 0; j < length; j++) {
				word.append((char) ('a' + letters.nextInt(26)));
			}
			words[i] = word.toString();
		}
		return words;
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static long percentile(List<Long> values, int p) {
		long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

}
