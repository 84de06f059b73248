package org.newswire.ingest.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import org.springframework.stereotype.Component;

/**
 * Reads RSS (0.9x, 1.0, 2.0) and Atom documents with Rome into a {@link ParsedFeed}. Pure: no HTTP, no
 * Kafka, safe to share between threads. Documents with a DOCTYPE are refused (Rome's protection against
 * XXE and entity expansion); an HTML page or a non-XML body is reported as {@link NotAFeedException}.
 */
@Component
public class FeedParser {

	/**
	 * @param body the document as fetched
	 * @param feedUrl the URL it was fetched from (after redirects); relative links resolve against it
	 */
	public ParsedFeed parse(byte[] body, URI feedUrl) throws NotAFeedException, MalformedFeedException {
		Objects.requireNonNull(body, "body");
		DocumentStart start = DocumentStart.of(body);
		switch (start.kind()) {
			case EMPTY -> throw new MalformedFeedException("empty document", null);
			case HTML -> throw new NotAFeedException("an HTML page, not a feed");
			case NOT_MARKUP -> throw new NotAFeedException("not XML (starts with \"" + start.name() + "\")");
			case DOCTYPE, ELEMENT -> {
			}
		}
		SyndFeed feed;
		try {
			SyndFeedInput input = new SyndFeedInput();
			input.setAllowDoctypes(false);
			feed = input.build(new XmlReader(new ByteArrayInputStream(body), true));
		}
		catch (IllegalArgumentException ex) {
			// Rome's answer when no parser claims the root element
			throw new NotAFeedException("XML but not RSS or Atom (root element <" + start.name() + ">)", ex);
		}
		catch (FeedException | IOException ex) {
			if (start.kind() == DocumentStart.Kind.DOCTYPE) {
				throw new MalformedFeedException(
						"declares a DOCTYPE, which is refused (protection against XXE and entity expansion)", ex);
			}
			throw new MalformedFeedException("unreadable feed: " + message(ex), ex);
		}
		return FeedItemMapper.map(feed, feedUrl);
	}

	private static String message(Exception ex) {
		return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
	}

}
