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

	/**
	 * When the best-scored content lies inside an {@code <article>} or {@code <main>} and holds this
	 * share of its text, the narrower content is used (the rest is teasers and widgets).
	 */
	static final double NARROWING_SHARE = 0.6;

	/** Beyond the chosen content, more link text than this share marks teasers rather than article sections. */
	static final double REST_LINK_DENSITY = 0.25;

	/** Beyond the chosen content, less paragraph text than this share marks widgets rather than article sections. */
	static final double REST_PROSE_SHARE = 0.6;

	/** Blocks with more link text than this share are navigation or link lists. */
	static final double MAX_LINK_DENSITY = 0.5;

	/** Paragraphs shorter than this carry no weight when scoring containers. */
	static final int MIN_SCORED_PARAGRAPH = 25;

	/** An element holding this share of its article's (or page's) paragraph text is never removed as clutter. */
	static final double PROTECTED_SHARE = 0.5;

	/** Paragraph text above which an element named like page furniture is taken for a section of the article. */
	static final int FURNITURE_PROSE = 500;

	static final Set<String> BLOCK_TAGS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3",
			"h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody",
			"tfoot", "tr", "td", "th", "caption", "figure", "figcaption", "header", "footer", "aside", "nav",
			"address", "hr", "details", "summary", "center", "form", "fieldset", "body");

	private static final Set<String> SCORED_TAGS = Set.of("p", "pre", "td", "blockquote", "dd", "li");

	public ExtractedText extract(Document page) {
		PARAGRAPH_LENGTHS.set(new IdentityHashMap<>());
		try {
			return extractFrom(page.clone());
		}
		finally {
			PARAGRAPH_LENGTHS.remove();
		}
	}

	private ExtractedText extractFrom(Document doc) {
		String title = Headline.title(doc);
		Element body = doc.body();
		if (body == null) {
			return new ExtractedText("", ExtractedText.TEXT_DENSITY, title);
		}
		removeClutter(body);
		Map<Element, Double> scores = scoreContainers(body);
		// the tree no longer changes: each container's link density is measured once
		Map<Element, Double> densities = new IdentityHashMap<>();
		Element best = bestContainer(scores, body, densities);
		List<Element> content = withGoodSiblings(best, scores, densities);
		int bestLength = content.stream().mapToInt(MainTextExtractor::paragraphTextLength).sum();

		String method = ExtractedText.TEXT_DENSITY;
		Candidate semantic = semanticContainer(body);
		if (semantic != null) {
			int semanticLength = paragraphTextLength(semantic.element());
			boolean narrower = !semantic.method().equals(ExtractedText.ARTICLE_BODY) && isInside(best, semantic.element())
					&& bestLength >= NARROWING_SHARE * semanticLength && restIsNotProse(semantic.element(), content);
			if (!narrower && semanticLength >= SEMANTIC_SHARE * bestLength) {
				content = List.of(semantic.element());
				method = semantic.method();
			}
		}
		List<String> blocks = new ArrayList<>();
		for (Element element : content) {
			blocks.addAll(TextBlocks.of(element));
		}
		return new ExtractedText(String.join("\n\n", tidy(blocks, title)), method, title);
	}

	private record Candidate(Element element, String method) {
	}

	/**
	 * Drops what is not the article's own prose: the headline repeated as a block (the title is kept
	 * apart), blocks repeated verbatim (captions of a carousel, a duplicated body), copyright lines.
	 */
	private static List<String> tidy(List<String> blocks, String title) {
		String headline = title == null ? null : comparable(title);
		java.util.Set<String> seen = new java.util.HashSet<>();
		List<String> kept = new ArrayList<>();
		for (String block : blocks) {
			String key = comparable(block);
			if (!seen.add(key) || key.equals(headline) || Boilerplate.isCopyrightLine(block)) {
				continue;
			}
			kept.add(block);
		}
		return kept;
	}

	private static final java.util.regex.Pattern NOT_LETTER_OR_DIGIT = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

	static String comparable(String text) {
		return NOT_LETTER_OR_DIGIT.matcher(text.toLowerCase(java.util.Locale.ROOT)).replaceAll(" ").strip();
	}

	private static void removeClutter(Element body) {
		body.select(Boilerplate.JUNK_TAGS).remove();
		Map<Element, Boilerplate.Verdict> suspects = new IdentityHashMap<>();
		List<Element> order = new ArrayList<>();
		for (Element element : body.getAllElements()) {
			Boilerplate.Verdict verdict = element == body ? Boilerplate.Verdict.NONE : Boilerplate.judge(element);
			if (verdict != Boilerplate.Verdict.NONE) {
				suspects.put(element, verdict);
				order.add(element);
			}
		}
		Map<Element, Integer> scopeText = new IdentityHashMap<>();
		for (Element element : order) {
			if (!attached(element, body) || isWrapper(element)) {
				continue;
			}
			// a wrapper with an unlucky class holds most of the text of its article (or page): keep it
			Element scope = scope(element, body);
			int available = scopeText.computeIfAbsent(scope, MainTextExtractor::paragraphTextLength);
			int own = paragraphTextLength(element);
			if (available > 0 && own >= PROTECTED_SHARE * available) {
				continue;
			}
			// furniture by name only, yet holding paragraphs of prose: part of the article, split into sections
			if (suspects.get(element) == Boilerplate.Verdict.FURNITURE && own >= FURNITURE_PROSE
					&& linkDensity(element) < 0.2) {
				continue;
			}
			removeMeasured(element);
			scopeText.clear();
		}
		List<Element> boxes = new ArrayList<>();
		for (Element element : body.getAllElements()) {
			if (element != body && Boilerplate.isBoxTag(element) && shorterThan(element, Boilerplate.MAX_BOX_CHARS)
					&& Boilerplate.isInterruptingBox(element, element.text())) {
				boxes.add(element);
			}
		}
		boxes.forEach(MainTextExtractor::removeMeasured);
	}

	/** Whether the element's raw text is under {@code limit} characters, without building it (nested boxes made that quadratic). */
	private static boolean shorterThan(Element element, int limit) {
		int[] length = { 0 };
		org.jsoup.select.NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
			@Override
			public FilterResult head(org.jsoup.nodes.Node node, int depth) {
				if (node instanceof org.jsoup.nodes.TextNode text) {
					length[0] += text.getWholeText().strip().length();
					if (length[0] >= 2 * limit) {
						return FilterResult.STOP;
					}
				}
				return FilterResult.CONTINUE;
			}
		}, element);
		// raw text is longer than normalised text (runs of whitespace): twice the limit is a safe bound
		return length[0] < 2 * limit;
	}

	private static boolean isWrapper(Element element) {
		String tag = element.normalName();
		return tag.equals("main") || tag.equals("article") || element.attr("itemprop").equals("articleBody");
	}

	/** The nearest enclosing article or main element, else the body. */
	private static Element scope(Element element, Element body) {
		for (Element e = element.parent(); e != null && e != body; e = e.parent()) {
			if (isWrapper(e)) {
				return e;
			}
		}
		return body;
	}

	private static boolean attached(Element element, Element root) {
		if (element.parent() == null) {
			return false;
		}
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

	/**
	 * The container whose paragraphs score best, moved up to a common ancestor when several other
	 * nearly as good candidates share it (an article split into sections).
	 */
	private static Element bestContainer(Map<Element, Double> scores, Element body, Map<Element, Double> densities) {
		Map<Element, Double> adjusted = new IdentityHashMap<>();
		scores.forEach((element, score) -> adjusted.put(element,
				score * (1 - densities.computeIfAbsent(element, MainTextExtractor::linkDensity))));
		List<Map.Entry<Element, Double>> ranked = new ArrayList<>(adjusted.entrySet());
		ranked.sort(Map.Entry.<Element, Double>comparingByValue().reversed());
		if (ranked.isEmpty()) {
			return body;
		}
		Element best = ranked.get(0).getKey();
		double top = ranked.get(0).getValue();
		List<Element> alternatives = ranked.stream()
			.skip(1)
			.limit(5)
			.filter(e -> e.getValue() >= 0.75 * top)
			.map(Map.Entry::getKey)
			.toList();
		if (alternatives.size() >= 3) {
			for (Element ancestor = best.parent(); ancestor != null && ancestor != body; ancestor = ancestor.parent()) {
				Element candidate = ancestor;
				long inside = alternatives.stream().filter(a -> isInside(a, candidate)).count();
				if (inside >= 3) {
					return ancestor;
				}
			}
		}
		return best;
	}

	/**
	 * Whether what a container holds beyond the chosen content reads like teasers and widgets (much
	 * text outside paragraphs, many links) rather than further sections of the article.
	 */
	private static boolean restIsNotProse(Element container, List<Element> content) {
		int all = container.text().length();
		int paragraphs = paragraphTextLength(container);
		int links = linkTextLength(container);
		for (Element element : content) {
			all -= element.text().length();
			paragraphs -= paragraphTextLength(element);
			links -= linkTextLength(element);
		}
		if (all <= 0) {
			return true;
		}
		return (double) links / all > REST_LINK_DENSITY || (double) paragraphs / all < REST_PROSE_SHARE;
	}

	private static int linkTextLength(Element element) {
		int links = 0;
		for (Element a : element.select("a")) {
			links += a.text().length();
		}
		return links;
	}

	private static boolean isInside(Element element, Element container) {
		for (Element e = element; e != null; e = e.parent()) {
			if (e == container) {
				return true;
			}
		}
		return false;
	}

	/** The best container and those of its siblings that look like more of the same article. */
	private static List<Element> withGoodSiblings(Element best, Map<Element, Double> scores,
			Map<Element, Double> densities) {
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
			double density = densities.computeIfAbsent(sibling, MainTextExtractor::linkDensity);
			double score = scores.getOrDefault(sibling, 0.0) * (1 - density);
			boolean goodParagraph = sibling.normalName().equals("p") && density < 0.25 && sibling.text().length() > 80;
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
		// a plain walk rather than select("p, pre"): this runs for every suspect and scope while clutter goes
		Map<Element, Integer> cache = PARAGRAPH_LENGTHS.get();
		boolean[] found = { false };
		int[] length = { 0 };
		element.forEach(e -> {
			String tag = e.normalName();
			if (tag.equals("p") || tag.equals("pre")) {
				found[0] = true;
				length[0] += cache == null ? e.text().length() : cache.computeIfAbsent(e, p -> p.text().length());
			}
		});
		return found[0] ? length[0] : element.text().length();
	}

	/**
	 * Text length per paragraph during one extraction: containers are measured again and again while
	 * clutter is removed, and building paragraph text dominated the extractor's cost.
	 */
	private static final ThreadLocal<Map<Element, Integer>> PARAGRAPH_LENGTHS = new ThreadLocal<>();

	/** Forgets the lengths an element's removal changes: the paragraphs around it. */
	private static void removeMeasured(Element element) {
		Map<Element, Integer> cache = PARAGRAPH_LENGTHS.get();
		if (cache != null) {
			for (Element parent : element.parents()) {
				if (parent.normalName().equals("p") || parent.normalName().equals("pre")) {
					cache.remove(parent);
				}
			}
		}
		element.remove();
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

}
