package org.newswire.search.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One search request, checked: what to find ({@code criteria}), in which order, how many, from
 * where ({@code cursor}, null on the first page) and whether to count facets and a histogram
 * ({@code histogram}: null, {@code hour} or {@code day}).
 */
public record ArticleQuery(ArticleCriteria criteria, Sort sort, int size, Cursor cursor, boolean facets,
		String histogram) {

	/** The order of hits; {@code RELEVANCE} without text means newest first. */
	public enum Sort {

		RELEVANCE, NEWEST

	}

	/** The raw request parameters of {@code GET /api/articles}. */
	public record Parameters(String q, List<String> topic, List<String> entity, List<String> source,
			List<String> language, String from, String to, String sort, Integer size, String cursor, Boolean facets,
			String histogram) {

		public static Parameters of(String q, List<String> topic) {
			return new Parameters(q, topic, null, null, null, null, null, null, null, null, null, null);
		}

	}

	/**
	 * Checks request parameters against the limits and builds the query.
	 * @throws InvalidSearchException naming the parameter that is wrong
	 */
	static ArticleQuery of(Parameters p, QueryProperties limits, Instant now) {
		int hits = (p.size() != null) ? p.size() : limits.defaultSize();
		if (hits < 1 || hits > limits.maxSize()) {
			throw new InvalidSearchException("size must be between 1 and " + limits.maxSize() + ", was " + hits);
		}
		if (p.q() != null && p.q().length() > limits.maxQueryLength()) {
			throw new InvalidSearchException(
					"q must be at most " + limits.maxQueryLength() + " characters, was " + p.q().length());
		}
		Sort sort = sort(p.sort());
		Instant from = ArticleCriteria.parseTime("from", p.from(), now, false);
		Instant to = ArticleCriteria.parseTime("to", p.to(), now, true);
		if (from != null && to != null && !from.isBefore(to)) {
			throw new InvalidSearchException("from must be before to");
		}
		ArticleCriteria criteria = new ArticleCriteria(p.q(), p.topic(), p.entity(), p.source(), p.language(), from,
				to);
		criteria.validate();
		Cursor cursor = (p.cursor() == null || p.cursor().isBlank()) ? null : Cursor.decode(p.cursor());
		return new ArticleQuery(criteria, sort, hits, cursor, Boolean.TRUE.equals(p.facets()),
				histogram(p.histogram(), from, to, now));
	}

	private static Sort sort(String sort) {
		if (sort == null || sort.isBlank() || sort.equals("relevance")) {
			return Sort.RELEVANCE;
		}
		if (sort.equals("newest")) {
			return Sort.NEWEST;
		}
		throw new InvalidSearchException("sort must be relevance or newest, was '" + sort + "'");
	}

	private static String histogram(String histogram, Instant from, Instant to, Instant now) {
		if (histogram == null || histogram.isBlank() || histogram.equals("false")) {
			return null;
		}
		if (histogram.equals("hour") || histogram.equals("day")) {
			return histogram;
		}
		if (histogram.equals("true") || histogram.equals("auto")) {
			boolean shortWindow = from != null
					&& Duration.between(from, to != null ? to : now).compareTo(Duration.ofDays(3)) <= 0;
			return shortWindow ? "hour" : "day";
		}
		throw new InvalidSearchException("histogram must be hour, day or auto, was '" + histogram + "'");
	}

	boolean relevanceOrder() {
		return this.sort == Sort.RELEVANCE && this.criteria.hasText();
	}

}
