package org.newswire.enrich.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules of one robots.txt for one crawler (RFC 9309): the group naming the crawler's product
 * token, else the {@code *} group; the longest matching {@code Allow}/{@code Disallow} path wins,
 * {@code Allow} on a tie; {@code *} matches any characters and a final {@code $} anchors the end.
 * Unknown lines and garbage are ignored, so a broken file allows everything it cannot express.
 */
final class RobotsTxt {

	/** Allows every path (no robots.txt, or one that could not be read). */
	static final RobotsTxt ALLOW_ALL = new RobotsTxt(List.of());

	/** robots.txt bodies past this size are read up to it only (Google reads 500 KiB). */
	static final int MAX_CHARS = 512 * 1024;

	private record Rule(String pattern, boolean allow) {
	}

	private final List<Rule> rules;

	private RobotsTxt(List<Rule> rules) {
		this.rules = rules;
	}

	/**
	 * @param userAgent the crawler's User-Agent; its product token (before the first {@code /} or
	 * space) is what a group's {@code User-agent} line must name
	 */
	static RobotsTxt parse(String body, String userAgent) {
		String token = productToken(userAgent);
		String text = body.length() > MAX_CHARS ? body.substring(0, MAX_CHARS) : body;
		List<Rule> ours = new ArrayList<>();
		List<Rule> anyone = new ArrayList<>();
		boolean oursFound = false;
		List<String> agents = new ArrayList<>();
		List<Rule> group = new ArrayList<>();
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
					group = new ArrayList<>();
					inRules = false;
				}
				agents.add(value.toLowerCase(Locale.ROOT));
			}
			else if (field.equals("allow") || field.equals("disallow")) {
				inRules = true;
				if (!agents.isEmpty() && !value.isEmpty()) {
					group.add(new Rule(value, field.equals("allow")));
				}
			}
		}
		oursFound |= close(agents, group, token, ours, anyone);
		return new RobotsTxt(oursFound ? ours : anyone);
	}

	/** Files a finished group under our token or {@code *}; true when it named us. */
	private static boolean close(List<String> agents, List<Rule> group, String token, List<Rule> ours,
			List<Rule> anyone) {
		boolean named = agents.stream().anyMatch(agent -> !agent.equals("*") && token.startsWith(agent));
		if (named) {
			ours.addAll(group);
		}
		else if (agents.contains("*")) {
			anyone.addAll(group);
		}
		return named;
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
