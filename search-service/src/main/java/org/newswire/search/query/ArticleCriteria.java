package org.newswire.search.query;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;

/**
 * Which articles a search or an alert rule is about: {@code q} in the query syntax of
 * {@link QuerySyntax} (null for all), every topic given, any of the entities (id or exact name),
 * sources and languages, and a publication window. Building the query checks {@code q}.
 */
public record ArticleCriteria(String q, List<String> topics, List<String> entities, List<String> sources,
		List<String> languages, Instant from, Instant to) {

	private static final Pattern RELATIVE = Pattern.compile("(\\d{1,6})([mhdw])");

	public ArticleCriteria {
		q = (q == null || q.isBlank()) ? null : q.strip();
		topics = clean(topics);
		entities = clean(entities);
		sources = clean(sources);
		languages = clean(languages);
	}

	public static ArticleCriteria of(String q, List<String> topics) {
		return new ArticleCriteria(q, topics, null, null, null, null, null);
	}

	public ArticleCriteria withWindow(Instant from, Instant to) {
		return new ArticleCriteria(this.q, this.topics, this.entities, this.sources, this.languages, from, to);
	}

	public boolean hasText() {
		return this.q != null;
	}

	/** Checks {@code q}; throws {@link InvalidSearchException} with what is wrong. */
	public void validate() {
		if (hasText()) {
			QuerySyntax.parse(this.q);
		}
	}

	/** The Elasticsearch query: text as {@code must} (it scores), everything else as filters. */
	public Query toQuery() {
		return toQuery(List.of());
	}

	public Query toQuery(List<Query> extraFilters) {
		List<Query> filters = new ArrayList<>(extraFilters);
		for (String topic : this.topics) {
			filters.add(term("topics", topic));
		}
		if (!this.entities.isEmpty()) {
			List<Query> any = new ArrayList<>();
			for (String entity : this.entities) {
				any.add(term("entities.id", entity));
				any.add(term("entities.name", entity));
			}
			filters.add(Query.of(q -> q.bool(b -> b.should(any).minimumShouldMatch("1"))));
		}
		if (!this.sources.isEmpty()) {
			filters.add(terms("source", this.sources));
		}
		if (!this.languages.isEmpty()) {
			filters.add(terms("language", this.languages));
		}
		if (this.from != null || this.to != null) {
			filters.add(Query.of(q -> q.range(r -> r.date(d -> {
				d.field("publishedAt");
				if (this.from != null) {
					d.gte(this.from.toString());
				}
				if (this.to != null) {
					d.lt(this.to.toString());
				}
				return d;
			}))));
		}
		Query text = hasText() ? QuerySyntax.parse(this.q) : Query.of(q -> q.matchAll(m -> m));
		return Query.of(q -> q.bool(b -> b.must(text).filter(filters)));
	}

	private static Query term(String field, String value) {
		return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
	}

	private static Query terms(String field, List<String> values) {
		return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
	}

	/**
	 * An ISO date ({@code 2026-11-20}, the day's start, or its end when {@code endOfDay}), an ISO
	 * instant, or a time back from {@code now}: {@code 30m}, {@code 24h}, {@code 7d}, {@code 2w}.
	 * @throws InvalidSearchException naming the parameter
	 */
	public static Instant parseTime(String name, String value, Instant now, boolean endOfDay) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		Matcher relative = RELATIVE.matcher(v);
		if (relative.matches()) {
			long amount = Long.parseLong(relative.group(1));
			Duration unit = switch (relative.group(2)) {
				case "m" -> Duration.ofMinutes(1);
				case "h" -> Duration.ofHours(1);
				case "d" -> Duration.ofDays(1);
				default -> Duration.ofDays(7);
			};
			return now.minus(unit.multipliedBy(amount));
		}
		try {
			if (v.length() == 10) {
				LocalDate day = LocalDate.parse(v);
				return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return Instant.parse(v);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidSearchException(name + " must be an ISO date (2026-11-20), an ISO instant"
					+ " (2026-11-20T08:00:00Z) or a time back from now (30m, 24h, 7d, 2w), was '" + value + "'");
		}
	}

	private static List<String> clean(List<String> values) {
		return (values == null) ? List.of()
				: values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
	}

}
