package org.newswire.search.alert;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.newswire.search.query.InvalidSearchException;

/**
 * A rule as a client sends it ({@code POST/PUT /api/rules}, {@code POST /api/rules/preview}). {@code
 * threshold} and {@code window} ({@code 30m}, {@code 1h}, {@code 7d}) only for kind {@code threshold}.
 */
public record RuleDraft(String name, String query, List<String> topics, List<String> entities, List<String> sources,
		List<String> languages, String kind, Integer threshold, String window, String webhookUrl,
		String webhookSecret) {

	private static final Pattern WINDOW = Pattern.compile("(\\d{1,5})([mhd])");

	private static final Duration MAX_WINDOW = Duration.ofDays(7);

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * Checks every field and builds the rule to store.
	 * @param existing the stored rule on update (keeps id, creation time, secret and delivery state)
	 * @throws InvalidSearchException naming the field that is wrong
	 */
	Rule toRule(Rule existing, List<String> allowedHosts, Instant now) {
		String cleanName = this.name == null ? "" : this.name.strip();
		if (cleanName.isEmpty() || cleanName.length() > 200) {
			throw new InvalidSearchException("name is required, at most 200 characters");
		}
		String kindName = (this.kind == null || this.kind.isBlank()) ? Rule.MATCH : this.kind.strip();
		if (!kindName.equals(Rule.MATCH) && !kindName.equals(Rule.THRESHOLD)) {
			throw new InvalidSearchException("kind must be match or threshold, was '" + this.kind + "'");
		}
		Rule draft = new Rule(null, cleanName, this.query, this.topics, this.entities, this.sources, this.languages,
				kindName, null, null, null, null, null, null, null, null);
		if (draft.criteria().q() == null && draft.topics().isEmpty() && draft.entities().isEmpty()
				&& draft.sources().isEmpty()) {
			throw new InvalidSearchException("query is required unless the rule names a topic, entity or source");
		}
		if (draft.criteria().q() != null && draft.criteria().q().length() > 1000) {
			throw new InvalidSearchException("query must be at most 1000 characters");
		}
		try {
			draft.criteria().validate();
		}
		catch (InvalidSearchException ex) {
			throw new InvalidSearchException("query " + ex.getMessage().replaceFirst("^q ", ""));
		}
		Integer count = null;
		String windowText = null;
		if (kindName.equals(Rule.THRESHOLD)) {
			if (this.threshold == null || this.threshold < 1 || this.threshold > 100000) {
				throw new InvalidSearchException("threshold must be a number of articles from 1 to 100000");
			}
			count = this.threshold;
			windowText = this.window == null ? null : this.window.strip();
			parseWindow(windowText);
		}
		else if (this.threshold != null || (this.window != null && !this.window.isBlank())) {
			throw new InvalidSearchException("threshold and window are only for kind threshold");
		}
		String url = (this.webhookUrl == null || this.webhookUrl.isBlank()) ? null : this.webhookUrl.strip();
		if (url != null) {
			checkWebhook(url, allowedHosts);
		}
		String secret = (this.webhookSecret != null && !this.webhookSecret.isBlank()) ? this.webhookSecret
				: (existing != null && existing.webhookSecret() != null) ? existing.webhookSecret() : newSecret();
		return new Rule(existing != null ? existing.id() : UUID.randomUUID().toString(), cleanName, draft.query(),
				draft.topics(), draft.entities(), draft.sources(), draft.languages(), kindName, count, windowText, url,
				secret, existing != null ? existing.createdAt() : now, now,
				existing != null ? existing.webhook() : null, existing != null ? existing.thresholdAbove() : null);
	}

	static Duration parseWindow(String window) {
		Matcher m = window == null ? null : WINDOW.matcher(window);
		if (m == null || !m.matches()) {
			throw new InvalidSearchException("window must be minutes, hours or days like 30m, 1h, 7d; was '" + window
					+ "'");
		}
		long n = Long.parseLong(m.group(1));
		Duration duration = switch (m.group(2)) {
			case "m" -> Duration.ofMinutes(n);
			case "h" -> Duration.ofHours(n);
			default -> Duration.ofDays(n);
		};
		if (duration.isZero() || duration.compareTo(MAX_WINDOW) > 0) {
			throw new InvalidSearchException("window must be between 1m and 7d, was " + window);
		}
		return duration;
	}

	/**
	 * http(s) with a host; a host that is, or resolves to, a loopback, private or link-local address is
	 * refused unless allowed by configuration. Delivery checks the connected address again.
	 */
	static void checkWebhook(String url, List<String> allowedHosts) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSearchException("webhookUrl is not a valid URL: " + ex.getMessage());
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new InvalidSearchException("webhookUrl must be http or https, was '" + url + "'");
		}
		String host = uri.getHost();
		if (host == null || host.isBlank()) {
			throw new InvalidSearchException("webhookUrl has no host: '" + url + "'");
		}
		if (allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
			return;
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			return; // may resolve later; delivery checks the address it connects to
		}
		for (InetAddress address : addresses) {
			if (internal(address) && !allowedHosts.contains(address.getHostAddress())) {
				throw new InvalidSearchException("webhookUrl must not point at a loopback, private or link-local"
						+ " address (" + host + " is " + address.getHostAddress() + ")");
			}
		}
	}

	private static boolean internal(InetAddress address) {
		byte[] b = address.getAddress();
		boolean carrierNat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
		boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
		return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress() || carrierNat || uniqueLocal
				|| (b.length == 4 && b[0] == 0);
	}

	private static String newSecret() {
		byte[] secret = new byte[24];
		RANDOM.nextBytes(secret);
		return HexFormat.of().formatHex(secret);
	}

}
