package org.newswire.enrich.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

	private final PhraseMatcher<Alias> matcher;

	/** {@code exact} is the spelling a case-sensitive alias must have, or null. */
	record Alias(Gazetteer.Entry entity, List<String> exact) {
	}

	public EntityTagger(Gazetteer gazetteer) {
		PhraseMatcher.Builder<Alias> builder = PhraseMatcher.builder();
		for (Gazetteer.Entry entry : gazetteer.entities()) {
			builder.add(Tokens.of(entry.name()).foldedForms(), new Alias(entry, null));
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
		List<String> keys = new ArrayList<>(titleTokens.foldedForms());
		keys.add(SEPARATOR);
		keys.addAll(textTokens.foldedForms());
		List<String> originals = new ArrayList<>(titleTokens.originals());
		originals.add(SEPARATOR);
		originals.addAll(textTokens.originals());

		List<Match<Alias>> matches = new ArrayList<>();
		for (Match<Alias> match : matcher.findAll(keys)) {
			List<String> exact = match.payload().exact();
			if (exact == null || originals.subList(match.start(), match.end()).equals(exact)) {
				matches.add(match);
			}
		}
		Map<String, int[]> counts = new LinkedHashMap<>();
		Map<String, Gazetteer.Entry> entries = new LinkedHashMap<>();
		for (Match<Alias> match : PhraseMatcher.longestNonOverlapping(matches)) {
			Gazetteer.Entry entry = match.payload().entity();
			entries.putIfAbsent(entry.id(), entry);
			counts.computeIfAbsent(entry.id(), id -> new int[1])[0]++;
		}
		return entries.values()
			.stream()
			.map(e -> new EntityMention(e.id(), e.name(), e.type(), counts.get(e.id())[0]))
			.sorted(Comparator.comparingInt(EntityMention::mentions).reversed().thenComparing(EntityMention::id))
			.toList();
	}

}
