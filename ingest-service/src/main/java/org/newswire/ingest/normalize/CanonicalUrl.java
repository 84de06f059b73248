package org.newswire.ingest.normalize;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The canonical form of an article URL, the basis of its id: lower-case scheme and host, no default
 * port, no fragment, no tracking parameters, query parameters sorted, empty path as {@code /}, dot
 * segments removed, non-ASCII characters percent-encoded. Path and parameter case are kept: servers
 * treat them as significant.
 */
public final class CanonicalUrl {

	private static final Set<String> TRACKING_PARAMETERS = Set.of("fbclid", "gclid", "gclsrc", "dclid", "gbraid",
			"wbraid", "msclkid", "yclid", "twclid", "ttclid", "li_fat_id", "mc_cid", "mc_eid", "igshid", "igsh",
			"ref_src", "ref_url", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv",
			"wt.mc_id", "at_medium", "at_campaign", "cmpid", "ocid", "s_cid", "spm", "smid", "__twitter_impression");

	private static final List<String> TRACKING_PREFIXES = List.of("utm_", "at_custom", "pk_", "mtm_");

	private CanonicalUrl() {
	}

	/**
	 * @throws IllegalArgumentException if the URL is not an absolute http(s) URL with a host
	 */
	public static String of(URI url) {
		URI ascii = ascii(url);
		String scheme = ascii.getScheme() == null ? null : ascii.getScheme().toLowerCase(Locale.ROOT);
		if (!"http".equals(scheme) && !"https".equals(scheme)) {
			throw new IllegalArgumentException("not an http(s) URL: " + url);
		}
		String host = ascii.getHost();
		if (host == null || host.isEmpty()) {
			throw new IllegalArgumentException("URL has no host: " + url);
		}
		host = host.toLowerCase(Locale.ROOT);
		if (host.endsWith(".")) {
			host = host.substring(0, host.length() - 1);
		}
		StringBuilder canonical = new StringBuilder(scheme).append("://").append(host);
		int port = ascii.getPort();
		if (port != -1 && !(port == 80 && scheme.equals("http")) && !(port == 443 && scheme.equals("https"))) {
			canonical.append(':').append(port);
		}
		String path = ascii.getRawPath();
		canonical.append(path == null || path.isEmpty() ? "/" : path);
		String query = query(ascii.getRawQuery());
		if (!query.isEmpty()) {
			canonical.append('?').append(query);
		}
		return canonical.toString();
	}

	private static URI ascii(URI url) {
		try {
			return new URI(url.toASCIIString()).normalize();
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("not a valid URL: " + url, ex);
		}
	}

	private static String query(String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return "";
		}
		List<String> kept = new ArrayList<>();
		for (String parameter : rawQuery.split("[&;]")) {
			if (!parameter.isEmpty() && !isTracking(parameter)) {
				kept.add(parameter);
			}
		}
		kept.sort(null);
		return String.join("&", kept);
	}

	private static boolean isTracking(String parameter) {
		int eq = parameter.indexOf('=');
		String name = (eq < 0 ? parameter : parameter.substring(0, eq)).toLowerCase(Locale.ROOT);
		if (TRACKING_PARAMETERS.contains(name)) {
			return true;
		}
		for (String prefix : TRACKING_PREFIXES) {
			if (name.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

}
