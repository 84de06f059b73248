package org.newswire.enrich.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.newswire.enrich.text.PhraseMatcher;
import org.newswire.enrich.text.PhraseMatcher.Match;
import org.newswire.enrich.text.Tokens;
import org.newswire.events.EntityMention;

/**
 * Finds the people, organisations and places of a {@link Gazetteer} in title and text, in one pass
 * over the folded tokens, resolving every alias to its entity and counting mentions. Where aliases
 * overlap the longest wins ("Xi Jinping" is one mention, not also one of "Xi").
 */
public final class EntityTagger {

	private static final String SEPARATOR = "\u0000";

	private static final Pattern POSSESSIVE = Pattern.compile(".+['’]s");

	private static final Pattern SENTENCE_BREAK = Pattern.compile("[.!?;:]\\s");

	private final PhraseMatcher<Alias> matcher;

	/** {@code exact} is the spelling a case-sensitive alias must have, or null. */
	record Alias(Gazetteer.Entry entity, List<String> exact) {
	}

	public EntityTagger(Gazetteer gazetteer) {
		PhraseMatcher.Builder<Alias> builder = PhraseMatcher.builder();
		for (Gazetteer.Entry entry : gazetteer.entities()) {
			if (!entry.exact().contains(entry.name())) {
				builder.add(Tokens.of(entry.name()).foldedForms(), new Alias(entry, null));
			}
			for (String alias : entry.aliases()) {
				builder.add(Tokens.of(alias).foldedForms(), new Alias(entry, null));
			}
			for (String alias : entry.exact()) {
				Tokens tokens = Tokens.of(alias);
				builder.add(tokens.foldedForms(), new Alias(entry, tokens.originals()));
			}
		}
		this.matcher = builder.build();
	}

	/** Entities found, most mentioned first. */
	public List<EntityMention> tag(String title, String text) {
		return tag(Tokens.of(title), Tokens.of(text));
	}

	/** As {@link #tag(String, String)}, on title and text already split into tokens (shared with the other taggers). */
	public List<EntityMention> tag(Tokens titleTokens, Tokens textTokens) {
		Map<String, int[]> counts = new LinkedHashMap<>();
		Map<String, Gazetteer.Entry> entries = new LinkedHashMap<>();
		for (Mention mention : mentions(titleTokens, textTokens)) {
			entries.putIfAbsent(mention.entity().id(), mention.entity());
			counts.computeIfAbsent(mention.entity().id(), id -> new int[1])[0]++;
		}
		return entries.values()
			.stream()
			.map(e -> new EntityMention(e.id(), e.name(), e.type(), counts.get(e.id())[0]))
			.sorted(Comparator.comparingInt(EntityMention::mentions).reversed().thenComparing(EntityMention::id))
			.toList();
	}

	/**
	 * Where an entity is named: in the title or the text, from character {@code start} to {@code end}
	 * of that string.
	 */
	public record Mention(Gazetteer.Entry entity, boolean inTitle, int start, int end) {
	}

	/** Every mention in title and text, in order. */
	public List<Mention> mentions(Tokens titleTokens, Tokens textTokens) {
		List<String> keys = new ArrayList<>(titleTokens.foldedForms());
		keys.add(SEPARATOR);
		keys.addAll(textTokens.foldedForms());
		List<String> originals = new ArrayList<>(titleTokens.originals());
		originals.add(SEPARATOR);
		originals.addAll(textTokens.originals());

		List<Match<Alias>> matches = new ArrayList<>();
		for (Match<Alias> match : matcher.findAll(keys)) {
			List<String> exact = match.payload().exact();
			if ((exact == null || writtenAs(originals.subList(match.start(), match.end()), exact))
					&& readsAsOneName(match, titleTokens, textTokens)) {
				matches.add(match);
			}
		}
		List<Mention> mentions = new ArrayList<>();
		for (Match<Alias> match : PhraseMatcher.longestNonOverlapping(matches)) {
			boolean inTitle = match.start() < titleTokens.size();
			Tokens tokens = inTitle ? titleTokens : textTokens;
			int first = inTitle ? match.start() : match.start() - titleTokens.size() - 1;
			int last = first + match.length() - 1;
			mentions.add(new Mention(match.payload().entity(), inTitle, tokens.start(first),
					tokens.start(last) + tokens.original(last).length()));
		}
		return mentions;
	}

	/** Whether the words are the exact alias as written, a possessive aside ("Turkey's"). */
	private static boolean writtenAs(List<String> words, List<String> exact) {
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			String expected = exact.get(i);
			if (!word.equals(expected) && !(i == words.size() - 1 && POSSESSIVE.matcher(word).matches()
					&& word.startsWith(expected) && word.length() == expected.length() + 2)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the matched words stand as one name in the source: not split by the end of a sentence
	 * ("north or south. Sudan is" is not South Sudan) and not a currency sign's prefix ("US$").
	 */
	private static boolean readsAsOneName(Match<Alias> match, Tokens title, Tokens text) {
		int titleSize = title.size();
		boolean inTitle = match.start() < titleSize;
		Tokens tokens = inTitle ? title : text;
		int first = inTitle ? match.start() : match.start() - titleSize - 1;
		int last = first + match.length() - 1;
		String source = tokens.text();
		for (int i = first; i < last; i++) {
			int gapStart = tokens.start(i) + tokens.original(i).length();
			String gap = source.substring(gapStart, tokens.start(i + 1));
			if (SENTENCE_BREAK.matcher(gap).find() && (tokens.original(i).length() > 3 || !gap.startsWith("."))) {
				return false;
			}
		}
		int end = tokens.start(last) + tokens.original(last).length();
		return end >= source.length() || source.charAt(end) != '$';
	}

}
