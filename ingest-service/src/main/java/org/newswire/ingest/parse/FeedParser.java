package org.newswire.ingest.parse;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import org.springframework.stereotype.Component;

/**
 * Reads RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.x and Google News sitemaps into a {@link ParsedFeed}.
 * Pure: no HTTP, no Kafka, safe to share between threads.
 * <p>
 * Real feeds are often not well-formed XML, so every document goes through one lenient path: decode
 * (BOM, declared and actual charset, UTF-16 without mark, Latin-1 undeclared — see {@link FeedText}),
 * drop characters XML forbids, then build the tree with jsoup's XML parser, which accepts HTML entities,
 * bare ampersands, undeclared prefixes and unclosed or misspelt tags, and never reads a DTD or resolves
 * an entity it does not know. A strict, DTD-less parse of the same text tells whether repairs were needed;
 * they are listed in {@link ParsedFeed#repairs()}.
 * <p>
 * DTDs: a DOCTYPE with an internal subset (the vehicle of XXE and entity-expansion attacks) is refused
 * outright. A bare DOCTYPE that only names an external DTD (the Netscape RSS 0.91 one, typically) is
 * ignored — never loaded — and recorded as a repair; the HTML entities such DTDs define are known anyway.
 */
@Component
public class FeedParser {

	/** An inflated gzip body may not exceed this: a compressed bomb is cut off early. */
	static final long MAX_INFLATED_BYTES = 64L * 1024 * 1024;

	private static final Pattern ILLEGAL_XML_CHARS = Pattern
		.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\uFFFE\\uFFFF]");

	private static final Pattern FEED_START = Pattern.compile("<\\?xml\\s|<(?:rss|feed|rdf:RDF)[\\s>]",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern ENTITY_DECLARATION = Pattern.compile("<!ENTITY", Pattern.CASE_INSENSITIVE);

	private static final SAXParserFactory STRICT = strictFactory();

	public ParsedFeed parse(byte[] body, URI documentUrl) throws NotAFeedException, MalformedFeedException {
		return parse(body, documentUrl, null);
	}

	/**
	 * @param body the document as fetched
	 * @param documentUrl where it was fetched from (after redirects), or null for a file; relative links
	 *     resolve against it (and {@code xml:base})
	 * @param headerCharset the charset of the HTTP Content-Type, or null; a hint only
	 */
	public ParsedFeed parse(byte[] body, URI documentUrl, Charset headerCharset)
			throws NotAFeedException, MalformedFeedException {
		Objects.requireNonNull(body, "body");
		List<String> repairs = new ArrayList<>();
		FeedText decoded = FeedText.decode(body, headerCharset, MAX_INFLATED_BYTES, repairs);
		String text = decoded.text();
		DocumentStart start = DocumentStart.of(text);
		if (start.kind() == DocumentStart.Kind.NOT_MARKUP) {
			// server warnings or junk printed before the feed ("Warning: ... on line 12")
			Matcher feedStart = FEED_START.matcher(text.substring(0, Math.min(text.length(), 65_536)));
			if (feedStart.find()) {
				text = text.substring(feedStart.start());
				repairs.add("text before the document removed");
				start = DocumentStart.of(text);
			}
		}
		switch (start.kind()) {
			case EMPTY -> throw new MalformedFeedException("empty document", null);
			case NOT_MARKUP -> throw new NotAFeedException("neither XML nor JSON (starts with \"" + start.name() + "\")");
			case JSON -> {
				return JsonFeedReader.read(text.substring(start.at()), documentUrl, repairs);
			}
			case HTML -> {
				return htmlPage(text, documentUrl, repairs);
			}
			case XML -> {
			}
		}
		if (start.internalSubset() || ENTITY_DECLARATION.matcher(text).find()) {
			throw new MalformedFeedException(
					"declares a DOCTYPE with an internal subset or entities, which is refused (protection against XXE and entity expansion)",
					null);
		}
		if (start.at() > 0 && !text.substring(0, start.at()).isBlank()) {
			repairs.add("text before the document removed");
		}
		else if (start.at() > 0) {
			repairs.add("whitespace before the XML declaration removed");
		}
		String xml = text.substring(Math.max(0, start.at()));
		if (start.hasDoctype()) {
			int from = start.doctypeStart() - start.at();
			int to = start.doctypeEnd() - start.at();
			xml = xml.substring(0, from) + xml.substring(to);
			repairs.add("DOCTYPE ignored (external DTDs are never loaded)");
		}
		String cleaned = ILLEGAL_XML_CHARS.matcher(xml).replaceAll("");
		if (cleaned.length() != xml.length()) {
			repairs.add((xml.length() - cleaned.length()) + " characters illegal in XML removed");
		}
		String problem = wellFormednessProblem(cleaned);
		if (problem != null) {
			repairs.add("not well-formed XML, read leniently (" + problem + ")");
			cleaned = BareAmpersands.escape(cleaned);
		}
		Document document = Jsoup.parse(cleaned, "", Parser.xmlParser());
		Element root = rootElement(document);
		if (root == null) {
			throw new MalformedFeedException("no root element", null);
		}
		if (XmlNames.local(root).equals("html")) {
			return htmlPage(text, documentUrl, repairs);
		}
		ParsedFeed feed = XmlFeedReader.read(root, documentUrl, repairs);
		if (problem != null && feed.items().isEmpty() && !closes(cleaned, root)) {
			// a truncated document with nothing in it: broken, rather than an empty feed
			throw new MalformedFeedException("truncated XML, no items could be recovered (" + problem + ")", null);
		}
		return feed;
	}

	private ParsedFeed htmlPage(String text, URI documentUrl, List<String> repairs)
			throws NotAFeedException, MalformedFeedException {
		HtmlPage page = HtmlPage.parse(text, documentUrl);
		Element embedded = page.embeddedFeed();
		if (embedded != null) {
			repairs.add("feed read from inside an HTML page");
			return XmlFeedReader.read(embedded, documentUrl, repairs);
		}
		throw page.notAFeed("an HTML page");
	}

	private static boolean closes(String xml, Element root) {
		String end = ("</" + root.tagName() + ">").toLowerCase(Locale.ROOT);
		return xml.strip().toLowerCase(Locale.ROOT).endsWith(end);
	}

	private static Element rootElement(Document document) {
		Element first = null;
		for (Element child : document.children()) {
			String local = XmlNames.local(child);
			if (local.equals("rss") || local.equals("rdf") || local.equals("feed")) {
				return child;
			}
			if (first == null) {
				first = child;
			}
		}
		return first;
	}

	/** The first error of a strict parse without DTD support, or null when the document is well-formed. */
	private static String wellFormednessProblem(String xml) {
		try {
			SAXParser parser = STRICT.newSAXParser();
			parser.parse(new InputSource(new StringReader(xml)), new DefaultHandler());
			return null;
		}
		catch (SAXParseException ex) {
			return "line " + ex.getLineNumber() + ": " + ex.getMessage();
		}
		catch (SAXException | IOException | ParserConfigurationException ex) {
			return ex.getMessage();
		}
	}

	private static SAXParserFactory strictFactory() {
		try {
			SAXParserFactory factory = SAXParserFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			return factory;
		}
		catch (ParserConfigurationException | SAXException ex) {
			throw new IllegalStateException("the JDK's SAX parser supports these features", ex);
		}
	}

}
