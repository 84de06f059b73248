package org.newswire.enrich.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * Finds many phrases in one pass over a token sequence (Aho–Corasick with tokens as the alphabet),
 * so the cost of a scan does not grow with the number of phrases. A phrase is a list of token keys
 * (folded forms or stems, whatever the caller scans with); each match reports its payload and its
 * token span. Overlapping matches are all reported; {@link #longestNonOverlapping(List)} picks the
 * leftmost-longest ones.
 */
public final class PhraseMatcher<T> {

	/** A phrase found at tokens {@code [start, end)}. */
	public record Match<T>(T payload, int start, int end) {

		public int length() {
			return end - start;
		}

	}

	private final Map<String, Integer> symbols;

	private final Transitions transitions;

	private final int[] failure;

	/** Nearest node along the failure chain that ends a phrase, or -1. */
	private final int[] outputLink;

	private final List<List<Integer>> outputs;

	private final List<T> payloads;

	private final int[] phraseLengths;

	private PhraseMatcher(Builder<T> builder) {
		this.symbols = builder.symbols;
		this.transitions = new Transitions(builder.transitions);
		this.outputs = builder.outputs;
		this.payloads = List.copyOf(builder.payloads);
		this.phraseLengths = builder.lengths.stream().mapToInt(Integer::intValue).toArray();
		int nodes = builder.outputs.size();
		this.failure = new int[nodes];
		this.outputLink = new int[nodes];
		Arrays.fill(outputLink, -1);
		computeFailureLinks(builder.children);
	}

	public static <T> Builder<T> builder() {
		return new Builder<>();
	}

	public int phraseCount() {
		return payloads.size();
	}

	/** All phrase occurrences in {@code keys}, in order of their end position. */
	public List<Match<T>> findAll(List<String> keys) {
		List<Match<T>> matches = new ArrayList<>();
		int state = 0;
		for (int i = 0; i < keys.size(); i++) {
			Integer symbol = symbols.get(keys.get(i));
			if (symbol == null) {
				state = 0;
				continue;
			}
			state = next(state, symbol);
			int node = outputs.get(state).isEmpty() ? outputLink[state] : state;
			while (node > 0) {
				for (int phrase : outputs.get(node)) {
					matches.add(new Match<>(payloads.get(phrase), i + 1 - phraseLengths[phrase], i + 1));
				}
				node = outputLink[node];
			}
		}
		return matches;
	}

	/**
	 * Keeps, from left to right, the longest match at each position and drops matches overlapping
	 * one already kept ("belt and road initiative" wins over "belt and road").
	 */
	public static <T> List<Match<T>> longestNonOverlapping(List<Match<T>> matches) {
		List<Match<T>> sorted = new ArrayList<>(matches);
		sorted.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
				: Integer.compare(b.length(), a.length()));
		List<Match<T>> kept = new ArrayList<>();
		int coveredUntil = 0;
		for (Match<T> match : sorted) {
			if (match.start() >= coveredUntil) {
				kept.add(match);
				coveredUntil = match.end();
			}
		}
		return kept;
	}

	private int next(int state, int symbol) {
		int s = state;
		while (true) {
			int target = transitions.get(key(s, symbol));
			if (target >= 0) {
				return target;
			}
			if (s == 0) {
				return 0;
			}
			s = failure[s];
		}
	}

	private void computeFailureLinks(List<Map<Integer, Integer>> children) {
		Queue<Integer> queue = new ArrayDeque<>();
		for (int child : children.get(0).values()) {
			failure[child] = 0;
			queue.add(child);
		}
		while (!queue.isEmpty()) {
			int node = queue.remove();
			for (Map.Entry<Integer, Integer> edge : children.get(node).entrySet()) {
				int child = edge.getValue();
				int fallback = failure[node];
				while (fallback != 0 && transitions.get(key(fallback, edge.getKey())) < 0) {
					fallback = failure[fallback];
				}
				int target = transitions.get(key(fallback, edge.getKey()));
				failure[child] = target >= 0 && target != child ? target : 0;
				int f = failure[child];
				outputLink[child] = !outputs.get(f).isEmpty() ? f : outputLink[f];
				queue.add(child);
			}
		}
	}

	private static long key(int node, int symbol) {
		return ((long) node << 32) | (symbol & 0xffffffffL);
	}

	/**
	 * The goto function, (node, symbol) to node, as an open-addressing table of primitive keys: it is
	 * asked once or more per token scanned, and boxed {@code Long} keys made that the scan's main cost.
	 */
	private static final class Transitions {

		private final long[] keys;

		private final int[] targets;

		private final int mask;

		Transitions(Map<Long, Integer> transitions) {
			int capacity = Integer.highestOneBit(Math.max(4, transitions.size() * 2 - 1)) << 1;
			this.keys = new long[capacity];
			this.targets = new int[capacity];
			this.mask = capacity - 1;
			Arrays.fill(targets, -1);
			transitions.forEach((key, target) -> {
				int slot = slot(key);
				while (targets[slot] >= 0) {
					slot = (slot + 1) & mask;
				}
				keys[slot] = key;
				targets[slot] = target;
			});
		}

		/** The target of the transition, or -1 when there is none. */
		int get(long key) {
			for (int slot = slot(key);; slot = (slot + 1) & mask) {
				if (targets[slot] < 0 || keys[slot] == key) {
					return targets[slot];
				}
			}
		}

		private int slot(long key) {
			long h = key * 0x9E3779B97F4A7C15L;
			return (int) (h >>> 40) & mask;
		}

	}

	public static final class Builder<T> {

		private final Map<String, Integer> symbols = new HashMap<>();

		private final Map<Long, Integer> transitions = new HashMap<>();

		private final List<Map<Integer, Integer>> children = new ArrayList<>();

		private final List<List<Integer>> outputs = new ArrayList<>();

		private final List<T> payloads = new ArrayList<>();

		private final List<Integer> lengths = new ArrayList<>();

		private Builder() {
			newNode();
		}

		/** Adds a phrase; an empty phrase is ignored. */
		public Builder<T> add(List<String> phrase, T payload) {
			if (phrase.isEmpty()) {
				return this;
			}
			int node = 0;
			for (String token : phrase) {
				int symbol = symbols.computeIfAbsent(token, t -> symbols.size());
				Integer child = children.get(node).get(symbol);
				if (child == null) {
					child = newNode();
					children.get(node).put(symbol, child);
					transitions.put(key(node, symbol), child);
				}
				node = child;
			}
			outputs.get(node).add(payloads.size());
			payloads.add(payload);
			lengths.add(phrase.size());
			return this;
		}

		public PhraseMatcher<T> build() {
			return new PhraseMatcher<>(this);
		}

		private int newNode() {
			children.add(new HashMap<>());
			outputs.add(new ArrayList<>());
			return outputs.size() - 1;
		}

	}

}
