package org.newswire.ingest.parse;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;

/** Maps Rome's model to {@link ParsedFeed}: the one place that knows Rome's quirks. */
final class FeedItemMapper {

	private FeedItemMapper() {
	}

	static ParsedFeed map(SyndFeed feed, URI base) {
		List<ParsedFeed.Item> items = new ArrayList<>(feed.getEntries().size());
		for (SyndEntry entry : feed.getEntries()) {
			items.add(item(entry, base));
		}
		String title = PlainText.of(feed.getTitle(), typeOf(feed.getTitleEx()));
		String language = feed.getLanguage() == null || feed.getLanguage().isBlank() ? null
				: feed.getLanguage().strip();
		return new ParsedFeed(feed.getFeedType(), title, resolve(base, feed.getLink()), language, items);
	}

	private static ParsedFeed.Item item(SyndEntry entry, URI base) {
		String rawLink = linkOf(entry);
		return new ParsedFeed.Item(blankToNull(entry.getUri()), PlainText.of(entry.getTitle(), typeOf(entry.getTitleEx())),
				resolve(base, rawLink), rawLink, summaryOf(entry), instant(entry.getPublishedDate()),
				instant(entry.getUpdatedDate()), authorsOf(entry), categoriesOf(entry));
	}

	private static String linkOf(SyndEntry entry) {
		if (entry.getLink() != null && !entry.getLink().isBlank()) {
			return entry.getLink();
		}
		for (SyndLink link : entry.getLinks()) {
			if ((link.getRel() == null || "alternate".equals(link.getRel())) && link.getHref() != null) {
				return link.getHref();
			}
		}
		return null;
	}

	private static String summaryOf(SyndEntry entry) {
		SyndContent description = entry.getDescription();
		if (description != null && description.getValue() != null && !description.getValue().isBlank()) {
			return PlainText.summary(description.getValue(), description.getType());
		}
		for (SyndContent content : entry.getContents()) {
			String text = PlainText.summary(content.getValue(), content.getType());
			if (text != null) {
				return text;
			}
		}
		return null;
	}

	private static List<String> authorsOf(SyndEntry entry) {
		Set<String> authors = new LinkedHashSet<>();
		for (SyndPerson person : entry.getAuthors()) {
			addPlain(authors, person.getName());
		}
		addPlain(authors, entry.getAuthor());
		return List.copyOf(authors);
	}

	private static List<String> categoriesOf(SyndEntry entry) {
		Set<String> categories = new LinkedHashSet<>();
		for (SyndCategory category : entry.getCategories()) {
			addPlain(categories, category.getName());
		}
		return List.copyOf(categories);
	}

	private static void addPlain(Set<String> target, String value) {
		String text = PlainText.of(value, null);
		if (text != null) {
			target.add(text);
		}
	}

	/** Resolves a possibly relative link; null when there is none or it is not a URI even after escaping spaces. */
	static URI resolve(URI base, String link) {
		if (link == null || link.isBlank()) {
			return null;
		}
		String trimmed = link.strip();
		URI uri;
		try {
			uri = new URI(trimmed);
		}
		catch (URISyntaxException ex) {
			try {
				uri = new URI(trimmed.replace(" ", "%20").replace("|", "%7C"));
			}
			catch (URISyntaxException again) {
				return null;
			}
		}
		if (base == null || uri.isAbsolute() || base.isOpaque()) {
			return uri;
		}
		try {
			return base.resolve(uri);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String typeOf(SyndContent content) {
		return content == null ? null : content.getType();
	}

	private static Instant instant(Date date) {
		return date == null ? null : date.toInstant();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
