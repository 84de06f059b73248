package org.newswire.enrich.page;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of one robots.txt for one crawler (RFC 9309): the group naming the crawler's product
 * token, else the {@code *} group; the longest matching {@code Allow}/{@code Disallow} path wins,
 * {@code Allow} on a tie; {@code *} matches any characters and a final {@code $} anchors the end.
 * Unknown lines and garbage are ignored, so a broken file allows everything it cannot express.
 * {@code Crawl-delay} (not in the RFC, but widely used) is the seconds to wait between requests: our
 * group's if it sets one, else the {@code *} group's (the larger where a group says it twice).
 */
final class RobotsTxt {

	/** Allows every path (no robots.txt: it answered 4xx). */
	static final RobotsTxt ALLOW_ALL = new RobotsTxt(List.of(), null);

	/** robots.txt bodies past this size are read up to it only (Google reads 500 KiB). */
	static final int MAX_CHARS = 512 * 1024;

	/** Crawl-delays are read up to a day (callers cap them far lower); larger ones count as a day. */
	private static final BigDecimal MAX_PARSED_DELAY = BigDecimal.valueOf(86_400);

	private record Rule(String pattern, boolean allow) {
	}

	/** One group's lines, or all the lines that apply to one crawler. */
	private static final class Lines {

		final List<Rule> rules = new ArrayList<>();

		Duration crawlDelay;

		void add(Lines other) {
			this.rules.addAll(other.rules);
			this.crawlDelay = longer(this.crawlDelay, other.crawlDelay);
		}

	}

	private final List<Rule> rules;

	private final Duration crawlDelay;

	private RobotsTxt(List<Rule> rules, Duration crawlDelay) {
		this.rules = rules;
		this.crawlDelay = crawlDelay;
	}

	/** The Crawl-delay that applies to us, if the file sets one. */
	Optional<Duration> crawlDelay() {
		return Optional.ofNullable(this.crawlDelay);
	}

	/**
	 * @param userAgent the crawler's User-Agent; its product token (before the first {@code /} or
	 * space) is what a group's {@code User-agent} line must name
	 */
	static RobotsTxt parse(String body, String userAgent) {
		String token = productToken(userAgent);
		String text = body.length() > MAX_CHARS ? body.substring(0, MAX_CHARS) : body;
		Lines ours = new Lines();
		Lines anyone = new Lines();
		boolean oursFound = false;
		List<String> agents = new ArrayList<>();
		Lines group = new Lines();
		boolean inRules = false;
		for (String rawLine : text.split("\r\n|\r|\n")) {
			String line = rawLine.replaceFirst("#.*", "").strip();
			int colon = line.indexOf(':');
			if (colon <= 0) {
				continue;
			}
			String field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
			String value = line.substring(colon + 1).strip();
			if (field.equals("user-agent")) {
				if (inRules) {
					oursFound |= close(agents, group, token, ours, anyone);
					agents = new ArrayList<>();
					group = new Lines();
					inRules = false;
				}
				agents.add(value.toLowerCase(Locale.ROOT));
			}
			else if (field.equals("allow") || field.equals("disallow")) {
				inRules = true;
				if (!agents.isEmpty() && !value.isEmpty()) {
					group.rules.add(new Rule(value, field.equals("allow")));
				}
			}
			else if (field.equals("crawl-delay")) {
				inRules = true;
				if (!agents.isEmpty()) {
					group.crawlDelay = longer(group.crawlDelay, seconds(value));
				}
			}
		}
		oursFound |= close(agents, group, token, ours, anyone);
		return new RobotsTxt(oursFound ? ours.rules : anyone.rules,
				oursFound && ours.crawlDelay != null ? ours.crawlDelay : anyone.crawlDelay);
	}

	/** Files a finished group under our token or {@code *}; true when it named us. */
	private static boolean close(List<String> agents, Lines group, String token, Lines ours, Lines anyone) {
		boolean named = agents.stream().anyMatch(agent -> !agent.equals("*") && token.startsWith(agent));
		if (named) {
			ours.add(group);
		}
		else if (agents.contains("*")) {
			anyone.add(group);
		}
		return named;
	}

	/** A Crawl-delay value: seconds, possibly with a fraction; null when it is not a usable number. */
	private static Duration seconds(String value) {
		try {
			BigDecimal seconds = new BigDecimal(value);
			if (seconds.signum() < 0) {
				return null;
			}
			seconds = seconds.min(MAX_PARSED_DELAY);
			return Duration.ofMillis(seconds.movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact());
		}
		catch (NumberFormatException | ArithmeticException ex) {
			return null;
		}
	}

	private static Duration longer(Duration a, Duration b) {
		return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
	}

	static String productToken(String userAgent) {
		String agent = userAgent == null ? "" : userAgent.strip().toLowerCase(Locale.ROOT);
		int end = agent.length();
		for (int i = 0; i < agent.length(); i++) {
			char c = agent.charAt(i);
			if (c == '/' || c == ' ' || c == '(') {
				end = i;
				break;
			}
		}
		return agent.substring(0, end);
	}

	/** Whether the crawler may fetch {@code pathAndQuery} (starting with {@code /}). */
	boolean allows(String pathAndQuery) {
		String path = pathAndQuery == null || pathAndQuery.isEmpty() ? "/" : pathAndQuery;
		if (path.equals("/robots.txt")) {
			return true;
		}
		Rule best = null;
		for (Rule rule : this.rules) {
			if (matches(rule.pattern(), path) && (best == null || rule.pattern().length() > best.pattern().length()
					|| (rule.pattern().length() == best.pattern().length() && rule.allow()))) {
				best = rule;
			}
		}
		return best == null || best.allow();
	}

	static boolean matches(String pattern, String path) {
		boolean anchored = pattern.endsWith("$");
		String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
		return matchFrom(p, 0, path, 0, anchored);
	}

	private static boolean matchFrom(String pattern, int pi, String path, int si, boolean anchored) {
		while (pi < pattern.length()) {
			char c = pattern.charAt(pi);
			if (c == '*') {
				while (pi < pattern.length() && pattern.charAt(pi) == '*') {
					pi++;
				}
				if (pi == pattern.length()) {
					return true;
				}
				for (int k = si; k <= path.length(); k++) {
					if (matchFrom(pattern, pi, path, k, anchored)) {
						return true;
					}
				}
				return false;
			}
			if (si >= path.length() || path.charAt(si) != c) {
				return false;
			}
			pi++;
			si++;
		}
		return !anchored || si == path.length();
	}

}
