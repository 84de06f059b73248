package org.newswire.enrich.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * Finds the main text of an article page. Clutter goes first: scripts and the like, then page
 * furniture (nav, header, footer, aside, form) and elements whose class, id, role or label say
 * navigation, cookie banner, newsletter, share bar, related links, comments, ads, tips or FAQ —
 * unless such an element holds most of the page's paragraphs (a wrapper with an unlucky class).
 * Then the container of the article is chosen: {@code [itemprop=articleBody]}, {@code <article>} or
 * {@code <main>} when they hold a fair share of the text, else the element whose paragraphs score
 * best (length, commas, few links) together with its siblings that score well. Its blocks become
 * paragraphs separated by a blank line; link-dense blocks and calls to action are dropped.
 */
public final class MainTextExtractor {

	/** A semantic container is used when it holds at least this share of the best-scored container's text. */
	static final double SEMANTIC_SHARE = 0.5;

	/** Blocks with more link text than this share are navigation or link lists. */
	static final double MAX_LINK_DENSITY = 0.5;

	/** Paragraphs shorter than this carry no weight when scoring containers. */
	static final int MIN_SCORED_PARAGRAPH = 25;

	/** An element holding this share of the page's paragraph text is never removed as clutter. */
	static final double PROTECTED_SHARE = 0.5;

	private static final Set<String> BLOCK_TAGS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3",
			"h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody",
			"tfoot", "tr", "td", "th", "caption", "figure", "figcaption", "header", "footer", "aside", "nav",
			"address", "hr", "details", "summary", "center", "form", "fieldset", "body");

	private static final Set<String> SCORED_TAGS = Set.of("p", "pre", "td", "blockquote", "dd", "li");

	public ExtractedText extract(Document page) {
		Document doc = page.clone();
		String title = title(doc);
		Element body = doc.body();
		if (body == null) {
			return new ExtractedText("", ExtractedText.TEXT_DENSITY, title);
		}
		removeClutter(body);
		Map<Element, Double> scores = scoreContainers(body);
		Element best = body;
		double bestScore = Double.NEGATIVE_INFINITY;
		for (Map.Entry<Element, Double> entry : scores.entrySet()) {
			double score = entry.getValue() * (1 - linkDensity(entry.getKey()));
			if (score > bestScore) {
				bestScore = score;
				best = entry.getKey();
			}
		}
		List<Element> content = withGoodSiblings(best, scores);
		int bestLength = content.stream().mapToInt(MainTextExtractor::paragraphTextLength).sum();

		String method = ExtractedText.TEXT_DENSITY;
		Candidate semantic = semanticContainer(body);
		if (semantic != null && paragraphTextLength(semantic.element()) >= SEMANTIC_SHARE * bestLength) {
			content = List.of(semantic.element());
			method = semantic.method();
		}
		List<String> blocks = new ArrayList<>();
		for (Element element : content) {
			blocks.addAll(blocks(element));
		}
		return new ExtractedText(String.join("\n\n", blocks), method, title);
	}

	private record Candidate(Element element, String method) {
	}

	private static String title(Document doc) {
		Element og = doc.selectFirst("meta[property=og:title][content]");
		if (og != null && !og.attr("content").isBlank()) {
			return og.attr("content").strip();
		}
		Element h1 = doc.selectFirst("article h1, h1");
		if (h1 != null && !h1.text().isBlank()) {
			return h1.text().strip();
		}
		String title = doc.title().strip();
		return title.isEmpty() ? null : title;
	}

	private static void removeClutter(Element body) {
		body.select(Boilerplate.JUNK_TAGS).remove();
		int pageText = paragraphTextLength(body);
		List<Element> clutter = new ArrayList<>();
		for (Element element : body.getAllElements()) {
			if (element == body) {
				continue;
			}
			boolean structural = Boilerplate.STRUCTURAL_TAGS.contains(element.normalName());
			if (structural || Boilerplate.looksLikeClutter(element) || Boilerplate.isHidden(element)) {
				clutter.add(element);
			}
		}
		for (Element element : clutter) {
			if (element.parent() == null || !attached(element, body)) {
				continue;
			}
			String tag = element.normalName();
			boolean wrapper = tag.equals("main") || tag.equals("article")
					|| element.hasAttr("itemprop") && element.attr("itemprop").equals("articleBody");
			if (wrapper || paragraphTextLength(element) >= PROTECTED_SHARE * pageText && pageText > 0) {
				continue;
			}
			element.remove();
		}
		List<Element> boxes = new ArrayList<>();
		for (Element element : body.getAllElements()) {
			if (element != body && Boilerplate.isInterruptingBox(element, element.text())) {
				boxes.add(element);
			}
		}
		boxes.forEach(Element::remove);
	}

	private static boolean attached(Element element, Element root) {
		for (Element e = element; e != null; e = e.parent()) {
			if (e == root) {
				return true;
			}
		}
		return false;
	}

	/** Readability-style: each paragraph scores its parent fully, its grandparent half, the next a third. */
	private static Map<Element, Double> scoreContainers(Element body) {
		Map<Element, Double> scores = new IdentityHashMap<>();
		for (Element element : body.getAllElements()) {
			String text;
			if (SCORED_TAGS.contains(element.normalName())) {
				text = element.text();
			}
			else if (element.normalName().equals("div")) {
				text = ownText(element);
			}
			else {
				continue;
			}
			if (text.length() < MIN_SCORED_PARAGRAPH) {
				continue;
			}
			double score = 1 + commas(text) + Math.min(text.length() / 100.0, 3);
			Element ancestor = element.parent();
			for (int level = 0; level < 3 && ancestor != null; level++) {
				scores.merge(ancestor, score / (level + 1), Double::sum);
				ancestor = ancestor.parent();
			}
		}
		return scores;
	}

	/** The best container and those of its siblings that look like more of the same article. */
	private static List<Element> withGoodSiblings(Element best, Map<Element, Double> scores) {
		Element parent = best.parent();
		if (parent == null || best.normalName().equals("body")) {
			return List.of(best);
		}
		double bestScore = scores.getOrDefault(best, 0.0);
		double threshold = Math.max(10, bestScore * 0.2);
		List<Element> content = new ArrayList<>();
		for (Element sibling : parent.children()) {
			if (sibling == best) {
				content.add(sibling);
				continue;
			}
			double score = scores.getOrDefault(sibling, 0.0) * (1 - linkDensity(sibling));
			String text = sibling.text();
			boolean goodParagraph = sibling.normalName().equals("p") && text.length() > 80
					&& linkDensity(sibling) < 0.25;
			if (score >= threshold || goodParagraph) {
				content.add(sibling);
			}
		}
		return content;
	}

	private static Candidate semanticContainer(Element body) {
		Element articleBody = largest(body.select("[itemprop=articleBody]"));
		if (articleBody != null) {
			return new Candidate(articleBody, ExtractedText.ARTICLE_BODY);
		}
		Element article = largest(body.select("article"));
		if (article != null) {
			return new Candidate(article, ExtractedText.ARTICLE_ELEMENT);
		}
		Element main = largest(body.select("main, [role=main]"));
		return main == null ? null : new Candidate(main, ExtractedText.MAIN_ELEMENT);
	}

	private static Element largest(Elements elements) {
		return elements.stream()
			.max(Comparator.comparingInt(MainTextExtractor::paragraphTextLength))
			.filter(e -> paragraphTextLength(e) > 0)
			.orElse(null);
	}

	/** Text in paragraphs (or the element's whole text when it has none), the measure of "how much article". */
	static int paragraphTextLength(Element element) {
		Elements paragraphs = element.select("p, pre");
		if (paragraphs.isEmpty()) {
			return element.text().length();
		}
		int length = 0;
		for (Element p : paragraphs) {
			length += p.text().length();
		}
		return length;
	}

	static double linkDensity(Element element) {
		int all = element.text().length();
		if (all == 0) {
			return 0;
		}
		int links = 0;
		for (Element a : element.select("a")) {
			links += a.text().length();
		}
		return Math.min(1.0, (double) links / all);
	}

	private static String ownText(Element element) {
		StringBuilder text = new StringBuilder();
		for (Node child : element.childNodes()) {
			if (child instanceof TextNode textNode) {
				text.append(textNode.text());
			}
			else if (child instanceof Element e && !BLOCK_TAGS.contains(e.normalName())) {
				text.append(e.text());
			}
		}
		return text.toString().strip();
	}

	private static int commas(String text) {
		int count = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == ',' || c == '\uff0c' || c == '\u3001') {
				count++;
			}
		}
		return count;
	}

	/** The element's text as blocks: block elements and line breaks end a block. */
	static List<String> blocks(Element root) {
		BlockCollector collector = new BlockCollector();
		collector.walk(root, false);
		collector.flush();
		return collector.blocks;
	}

	private static final class BlockCollector {

		private final List<String> blocks = new ArrayList<>();

		private final StringBuilder current = new StringBuilder();

		private int linkChars;

		void walk(Node node, boolean inLink) {
			if (node instanceof TextNode text) {
				String value = text.getWholeText();
				current.append(value);
				if (inLink) {
					linkChars += value.strip().length();
				}
				return;
			}
			if (!(node instanceof Element element)) {
				return;
			}
			String tag = element.normalName();
			if (tag.equals("br")) {
				flush();
				return;
			}
			boolean block = BLOCK_TAGS.contains(tag);
			if (block) {
				flush();
			}
			else if (tag.equals("img") || tag.equals("wbr")) {
				return;
			}
			boolean link = inLink || tag.equals("a");
			for (Node child : element.childNodes()) {
				walk(child, link);
			}
			if (block) {
				flush();
			}
			else if (tag.equals("td") || tag.equals("th")) {
				current.append(' ');
			}
		}

		void flush() {
			String text = normalizeSpace(current);
			current.setLength(0);
			int links = linkChars;
			linkChars = 0;
			if (text.isEmpty()) {
				return;
			}
			double density = (double) links / text.length();
			if (density > MAX_LINK_DENSITY || Boilerplate.isCallToAction(text)) {
				return;
			}
			blocks.add(text);
		}

		private static String normalizeSpace(CharSequence text) {
			StringBuilder out = new StringBuilder(text.length());
			boolean space = false;
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u200b') {
					space = out.length() > 0;
				}
				else {
					if (space) {
						out.append(' ');
						space = false;
					}
					out.append(c);
				}
			}
			return out.toString();
		}

	}

}
