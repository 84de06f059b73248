package org.newswire.enrich.extract;

import java.util.Locale;
import java.util.Set;

/**
 * The registered domain of a host ("www.bbc.co.uk" → "bbc.co.uk"), by a rule that covers news
 * sites without the full public-suffix list: the last two labels, or three when the second-last is
 * a common second-level label under a country code (co.uk, com.au, co.jp, gov.in...). IP literals
 * are their own domain.
 */
final class RegisteredDomain {

	private static final Set<String> SECOND_LEVEL = Set.of("co", "com", "net", "org", "gov", "ac", "edu", "ne", "or",
			"go", "gob", "nic", "mil", "ltd", "plc", "info", "news", "nom", "sch", "web");

	private RegisteredDomain() {
	}

	static String of(String host) {
		String h = host.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
		if (h.matches("[0-9.]+") || h.contains(":")) {
			return h;
		}
		String[] labels = h.split("\\.");
		if (labels.length <= 2) {
			return h;
		}
		String last = labels[labels.length - 1];
		String second = labels[labels.length - 2];
		int keep = last.length() == 2 && SECOND_LEVEL.contains(second) ? 3 : 2;
		return String.join(".", java.util.Arrays.copyOfRange(labels, labels.length - keep, labels.length));
	}

}
