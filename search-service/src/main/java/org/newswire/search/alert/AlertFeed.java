package org.newswire.search.alert;

import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import org.newswire.events.Alert;

/**
 * A rule's alerts as Atom 1.0. Titles and evidence are plain text (Rome escapes them); only http(s)
 * article links are linked.
 */
final class AlertFeed {

	private AlertFeed() {
	}

	static String atom(Rule rule, List<Alert> alerts, String self) {
		SyndFeed feed = new SyndFeedImpl();
		feed.setFeedType("atom_1.0");
		feed.setTitle("newswire alerts: " + rule.name());
		feed.setLink(self);
		feed.setUri("urn:newswire:rule:" + rule.id());
		feed.setDescription("Articles that matched the rule " + rule.name());
		feed.setPublishedDate(Date.from(alerts.isEmpty() ? rule.updatedAt() : alerts.get(0).firedAt()));
		List<SyndEntry> entries = new ArrayList<>();
		for (Alert alert : alerts) {
			SyndEntry entry = new SyndEntryImpl();
			entry.setUri("urn:newswire:alert:" + alert.alertId());
			entry.setTitle(alert.title() == null ? alert.articleId() : alert.title());
			if (httpLink(alert.url())) {
				entry.setLink(alert.url());
			}
			entry.setPublishedDate(Date.from(alert.firedAt()));
			entry.setUpdatedDate(Date.from(alert.firedAt()));
			SyndContent summary = new SyndContentImpl();
			summary.setType("text");
			summary.setValue((alert.source() == null ? "" : alert.source() + " · ")
					+ String.join("; ", alert.evidence()));
			entry.setDescription(summary);
			entries.add(entry);
		}
		feed.setEntries(entries);
		try {
			return new SyndFeedOutput().outputString(feed);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("Could not write the Atom feed of rule " + rule.id(), ex);
		}
	}

	static boolean httpLink(String url) {
		if (url == null) {
			return false;
		}
		try {
			String scheme = URI.create(url).getScheme();
			return scheme != null && List.of("http", "https").contains(scheme.toLowerCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
