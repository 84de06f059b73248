package org.newswire.enrich.topic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.newswire.enrich.text.PhraseMatcher;
import org.newswire.enrich.text.PhraseMatcher.Match;
import org.newswire.enrich.text.Tokens;
import org.newswire.events.TopicMatch;
import org.newswire.events.TopicMatch.Evidence;

/**
 * Tags an article with the topics of a {@link Taxonomy}. All terms of all topics are found in one
 * pass over the stemmed tokens of title and text; then, per topic, matches inside an exclusion
 * phrase are dropped, acronyms count only when the topic has supporting context in the article,
 * and each occurrence adds its term's weight times where it stands (title 3, lead 2, body 1, the
 * last part of a long text 0.5), repeats of one term counting half. A topic whose score reaches
 * its threshold, and that rests on a strong term or on two different terms, is reported with the
 * terms that made it.
 */
public final class TopicTagger {

	static final double TITLE_FACTOR = 3.0;

	static final double LEAD_FACTOR = 2.0;

	static final double BODY_FACTOR = 1.0;

	static final double TAIL_FACTOR = 0.5;

	/** Tokens at the start of the text that count as the lead. */
	static final int LEAD_TOKENS = 60;

	/**
	 * A topic resting on one term needs a term this strong; weaker terms ("sanctions", "export
	 * controls", "peace initiative") count only together with a second, different term.
	 */
	static final double STRONG_WEIGHT = 4.0;

	/** Tokens of one stretch of text that a passing mention stays within (about a paragraph). */
	static final int PASSING_WINDOW = 80;

	/** Texts shorter than this many tokens are too short for a passing mention to be told apart. */
	static final int PASSING_MIN_TEXT = 400;

	/** Repeats of one term beyond this many do not add to the score. */
	static final int MAX_COUNTED_REPEATS = 5;

	private static final String SEPARATOR = "\u0000";

	private final Taxonomy taxonomy;

	private final PhraseMatcher<Term> matcher;

	enum Kind {

		TERM, ACRONYM, CONTEXT, EXCLUDE, GROUP

	}

	/**
	 * One phrase of one topic; {@code exact} holds the original spelling that an acronym must have;
	 * for a phrase of a combination group, {@code combination} and {@code group} say which.
	 */
	record Term(int topic, Kind kind, String label, double weight, List<String> exact, int combination, int group) {

		Term(int topic, Kind kind, String label, double weight, List<String> exact) {
			this(topic, kind, label, weight, exact, -1, -1);
		}

	}

	public TopicTagger(Taxonomy taxonomy) {
		this.taxonomy = taxonomy;
		PhraseMatcher.Builder<Term> builder = PhraseMatcher.builder();
		List<Taxonomy.Topic> topics = taxonomy.topics();
		for (int t = 0; t < topics.size(); t++) {
			Taxonomy.Topic topic = topics.get(t);
			for (Map.Entry<String, Double> term : topic.terms().entrySet()) {
				addPhrase(builder, term.getKey(), new Term(t, Kind.TERM, term.getKey(), term.getValue(), null));
			}
			for (Map.Entry<String, Double> acronym : topic.acronyms().entrySet()) {
				Tokens tokens = Tokens.of(acronym.getKey());
				builder.add(tokens.stems(),
						new Term(t, Kind.ACRONYM, acronym.getKey(), acronym.getValue(), tokens.originals()));
			}
			for (String context : topic.acronymContext()) {
				addPhrase(builder, context, new Term(t, Kind.CONTEXT, context, 0, null));
			}
			for (int c = 0; c < topic.combinations().size(); c++) {
				Taxonomy.Combination combination = topic.combinations().get(c);
				for (int g = 0; g < combination.all().size(); g++) {
					for (String phrase : combination.all().get(g)) {
						addPhrase(builder, phrase, new Term(t, Kind.GROUP, phrase, combination.weight(), null, c, g));
					}
				}
			}
			for (String exclusion : topic.exclude()) {
				addPhrase(builder, exclusion, new Term(t, Kind.EXCLUDE, exclusion, 0, null));
			}
		}
		this.matcher = builder.build();
	}

	public Taxonomy taxonomy() {
		return taxonomy;
	}

	/** Topics that reach their threshold, highest score first. */
	public List<TopicMatch> tag(String title, String text) {
		return tag(Tokens.of(title), Tokens.of(text));
	}

	/** As {@link #tag(String, String)}, on title and text already split into tokens (shared with the other taggers). */
	public List<TopicMatch> tag(Tokens titleTokens, Tokens textTokens) {
		List<String> keys = new ArrayList<>(titleTokens.size() + 1 + textTokens.size());
		keys.addAll(titleTokens.stems());
		keys.add(SEPARATOR);
		keys.addAll(textTokens.stems());
		Positions positions = new Positions(titleTokens.size(), textTokens.size());

		List<List<Match<Term>>> byTopic = new ArrayList<>();
		for (int i = 0; i < taxonomy.topics().size(); i++) {
			byTopic.add(new ArrayList<>());
		}
		for (Match<Term> match : matcher.findAll(keys)) {
			Term term = match.payload();
			if (term.kind() == Kind.ACRONYM && !spelledExactly(term, match, titleTokens, textTokens, positions)) {
				continue;
			}
			byTopic.get(term.topic()).add(match);
		}

		List<TopicMatch> found = new ArrayList<>();
		for (int t = 0; t < byTopic.size(); t++) {
			TopicMatch match = score(taxonomy.topics().get(t), byTopic.get(t), positions);
			if (match != null) {
				found.add(match);
			}
		}
		found.sort(Comparator.comparingDouble(TopicMatch::score).reversed().thenComparing(TopicMatch::id));
		return found;
	}

	private TopicMatch score(Taxonomy.Topic topic, List<Match<Term>> matches, Positions positions) {
		if (matches.isEmpty()) {
			return null;
		}
		List<Match<Term>> exclusions = new ArrayList<>();
		List<Match<Term>> counted = new ArrayList<>();
		List<Match<Term>> grouped = new ArrayList<>();
		boolean context = false;
		for (Match<Term> match : matches) {
			switch (match.payload().kind()) {
				case EXCLUDE -> exclusions.add(match);
				case CONTEXT -> context = true;
				case TERM, ACRONYM -> counted.add(match);
				case GROUP -> grouped.add(match);
			}
		}
		counted.removeIf(match -> exclusions.stream().anyMatch(ex -> overlaps(ex, match)));
		grouped.removeIf(match -> exclusions.stream().anyMatch(ex -> overlaps(ex, match)));
		counted = PhraseMatcher.longestNonOverlapping(counted);
		boolean supported = context || counted.stream().anyMatch(m -> m.payload().kind() == Kind.TERM);
		if (!supported) {
			counted.removeIf(m -> m.payload().kind() == Kind.ACRONYM);
		}
		List<Match<Term>> combinations = combinations(topic, grouped);
		if (counted.isEmpty() && combinations.isEmpty()) {
			return null;
		}

		Map<String, TermEvidence> evidence = new LinkedHashMap<>();
		double score = 0;
		for (Match<Term> combination : combinations) {
			double contribution = combination.payload().weight() * positions.factor(combination.start());
			TermEvidence e = new TermEvidence(combination.payload().label(), positions.region(combination.start()));
			e.count = 1;
			e.contribution = contribution;
			evidence.put(e.term, e);
			score += contribution;
		}
		for (Match<Term> match : counted) {
			Term term = match.payload();
			TermEvidence e = evidence.computeIfAbsent(term.label(),
					label -> new TermEvidence(label, positions.region(match.start())));
			double contribution = e.count < MAX_COUNTED_REPEATS
					? term.weight() * positions.factor(match.start()) * (e.count == 0 ? 1.0 : 0.5) : 0;
			e.count++;
			e.contribution += contribution;
			score += contribution;
		}
		boolean strong = counted.stream().anyMatch(m -> m.payload().weight() >= STRONG_WEIGHT)
				|| combinations.stream().anyMatch(m -> m.payload().weight() >= STRONG_WEIGHT);
		if (score < topic.threshold() || !strong && evidence.size() < 2) {
			return null;
		}
		if (passingMention(counted, combinations, positions)) {
			return null;
		}
		List<Evidence> matched = evidence.values()
			.stream()
			.sorted(Comparator.comparingDouble((TermEvidence e) -> e.contribution).reversed())
			.map(e -> new Evidence(e.term, e.count, e.firstSeenIn))
			.toList();
		return new TopicMatch(topic.id(), topic.label(), Math.round(score * 100) / 100.0, matched);
	}

	/**
	 * A long article that names the topic only within one stretch of about a paragraph
	 * ({@link #PASSING_WINDOW} tokens), never in its title or lead, mentions it in passing: a
	 * background paragraph, a caption, an author's bio.
	 */
	private static boolean passingMention(List<Match<Term>> counted, List<Match<Term>> combinations,
			Positions positions) {
		if (positions.textSize() < PASSING_MIN_TEXT) {
			return false;
		}
		int first = Integer.MAX_VALUE;
		int last = Integer.MIN_VALUE;
		for (List<Match<Term>> matches : List.of(counted, combinations)) {
			for (Match<Term> match : matches) {
				if (!positions.region(match.start()).equals(Evidence.BODY)) {
					return false;
				}
				first = Math.min(first, match.start());
				last = Math.max(last, match.start());
			}
		}
		return first != Integer.MAX_VALUE && last - first <= PASSING_WINDOW;
	}

	/**
	 * The combinations of a topic whose every group matched, each as one pseudo-match labelled
	 * "first phrase + first phrase ..." and placed at the group found last (the least prominent).
	 */
	private static List<Match<Term>> combinations(Taxonomy.Topic topic, List<Match<Term>> grouped) {
		List<Match<Term>> found = new ArrayList<>();
		for (int c = 0; c < topic.combinations().size(); c++) {
			int groups = topic.combinations().get(c).all().size();
			Match<Term>[] first = newMatches(groups);
			for (Match<Term> match : grouped) {
				Term term = match.payload();
				if (term.combination() == c && (first[term.group()] == null || match.start() < first[term.group()].start())) {
					first[term.group()] = match;
				}
			}
			if (java.util.Arrays.stream(first).anyMatch(java.util.Objects::isNull)) {
				continue;
			}
			Match<Term> last = java.util.Arrays.stream(first).max(Comparator.comparingInt(Match::start)).orElseThrow();
			String label = java.util.Arrays.stream(first)
				.map(m -> m.payload().label())
				.collect(java.util.stream.Collectors.joining(" + "));
			Term combined = new Term(last.payload().topic(), Kind.GROUP, label, last.payload().weight(), null, c, -1);
			found.add(new Match<>(combined, last.start(), last.end()));
		}
		return found;
	}

	@SuppressWarnings("unchecked")
	private static Match<Term>[] newMatches(int size) {
		return (Match<Term>[]) new Match<?>[size];
	}

	private static boolean spelledExactly(Term term, Match<Term> match, Tokens title, Tokens text,
			Positions positions) {
		for (int i = 0; i < term.exact().size(); i++) {
			int index = match.start() + i;
			String original = positions.inTitle(index) ? title.original(index)
					: text.original(positions.textIndex(index));
			if (!original.equals(term.exact().get(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean overlaps(Match<?> a, Match<?> b) {
		return a.start() < b.end() && b.start() < a.end();
	}

	/**
	 * Adds a phrase; a hyphenated phrase also matches written as one word, so "cease-fire" finds
	 * "ceasefire", "cease-fire" and "cease fire".
	 */
	private static void addPhrase(PhraseMatcher.Builder<Term> builder, String phrase, Term term) {
		builder.add(Tokens.of(phrase).stems(), term);
		if (phrase.indexOf('-') >= 0) {
			builder.add(Tokens.of(phrase.replace("-", "")).stems(), term);
		}
	}

	private static final class TermEvidence {

		private final String term;

		private final String firstSeenIn;

		private int count;

		private double contribution;

		TermEvidence(String term, String firstSeenIn) {
			this.term = term;
			this.firstSeenIn = firstSeenIn;
		}

	}

	/** Where a token of the combined title-separator-text sequence stands. */
	private record Positions(int titleSize, int textSize) {

		boolean inTitle(int index) {
			return index < titleSize;
		}

		int textIndex(int index) {
			return index - titleSize - 1;
		}

		String region(int index) {
			if (inTitle(index)) {
				return Evidence.TITLE;
			}
			return textIndex(index) < LEAD_TOKENS ? Evidence.LEAD : Evidence.BODY;
		}

		double factor(int index) {
			if (inTitle(index)) {
				return TITLE_FACTOR;
			}
			int i = textIndex(index);
			if (i < LEAD_TOKENS) {
				return LEAD_FACTOR;
			}
			boolean longText = textSize > 400;
			return longText && i > textSize * 0.85 ? TAIL_FACTOR : BODY_FACTOR;
		}

	}

}
