package org.newswire.enrich.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Finds the main text of an article page. Clutter goes first: scripts and the like, then page
 * furniture (nav, header, footer, aside, form) and elements whose class, id, role or label say
 * navigation, cookie banner, newsletter, share bar, related links, comments, ads, tips, FAQ or a gallery —
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

	/** How far above the chosen content parts of the same article, wrapped alike, are looked for. */
	static final int TWIN_LEVELS = 6;

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

	/**
	 * The main text of the page. Clutter is taken out of the page itself while the text is sought and
	 * put back before this returns (cheaper than working on a copy): the page comes back as it was given,
	 * but must not be read by another thread meanwhile.
	 */
	public ExtractedText extract(Document page) {
		TextMeasure measure = new TextMeasure();
		try {
			return extractFrom(page, measure);
		}
		finally {
			measure.restore();
		}
	}

	private ExtractedText extractFrom(Document doc, TextMeasure measure) {
		String title = Headline.title(doc);
		Element body = doc.body();
		if (body == null) {
			return new ExtractedText("", ExtractedText.TEXT_DENSITY, title);
		}
		removeClutter(body, measure);
		Map<Element, Double> scores = scoreContainers(body, measure);
		Element best = onlyChildUp(bestContainer(scores, body, measure), body);
		List<Element> content = withGoodSiblings(best, scores, measure);
		int bestLength = 0;
		for (Element element : content) {
			bestLength += measure.paragraphLength(element);
		}

		String method = ExtractedText.TEXT_DENSITY;
		Candidate semantic = semanticContainer(body, measure);
		if (semantic != null) {
			int semanticLength = measure.paragraphLength(semantic.element());
			boolean narrower = !semantic.method().equals(ExtractedText.ARTICLE_BODY) && isInside(best, semantic.element())
					&& bestLength >= NARROWING_SHARE * semanticLength
					&& restIsNotProse(semantic.element(), content, measure);
			if (!narrower && semanticLength >= SEMANTIC_SHARE * bestLength) {
				content = List.of(semantic.element());
				method = semantic.method();
			}
		}
		if (method.equals(ExtractedText.TEXT_DENSITY)) {
			content = withTwins(best, content, measure);
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

	/**
	 * Lower case, letters and numbers only, each run of anything else one space, none at the ends: how
	 * blocks and titles are compared. Written out rather than as a regex replacement, which was the
	 * larger part of tidying every block.
	 */
	static String comparable(String text) {
		String lower = text.toLowerCase(java.util.Locale.ROOT);
		StringBuilder out = new StringBuilder(lower.length());
		boolean gap = false;
		for (int i = 0; i < lower.length();) {
			char ch = lower.charAt(i);
			int c = ch < 0x80 ? ch : lower.codePointAt(i);
			i += Character.charCount(c);
			boolean kept = c < 0x80 ? (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')
					: Character.isLetter(c) || isNumber(c);
			if (!kept) {
				gap = true;
				continue;
			}
			if (gap && out.length() > 0) {
				out.append(' ');
			}
			gap = false;
			if (c < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
				out.append((char) c);
			}
			else {
				out.appendCodePoint(c);
			}
		}
		return out.toString();
	}

	/** Unicode category N, as {@code \p{N}}: decimal digits, letter numbers and other numbers. */
	private static boolean isNumber(int c) {
		int type = Character.getType(c);
		return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
				|| type == Character.OTHER_NUMBER;
	}

	private static void removeClutter(Element body, TextMeasure measure) {
		Map<Element, Boilerplate.Verdict> suspects = new IdentityHashMap<>();
		Map<String, Boilerplate.Verdict> byNames = new HashMap<>();
		List<Element> order = new ArrayList<>();
		List<Element> junk = new ArrayList<>();
		// one walk: junk goes with everything in it, what remains is judged in document order
		NodeTraversor.filter(new NodeFilter() {
			@Override
			public FilterResult head(Node node, int depth) {
				if (!(node instanceof Element element) || element == body) {
					return FilterResult.CONTINUE;
				}
				if (Boilerplate.isJunk(element)) {
					junk.add(element);
					return FilterResult.SKIP_ENTIRELY;
				}
				Boilerplate.Verdict verdict = Boilerplate.judge(element, byNames);
				if (verdict != Boilerplate.Verdict.NONE) {
					suspects.put(element, verdict);
					order.add(element);
				}
				return FilterResult.CONTINUE;
			}
		}, body);
		junk.forEach(measure::remove);
		for (Element element : order) {
			if (!attached(element, body) || isWrapper(element)) {
				continue;
			}
			// a wrapper with an unlucky class holds most of the text of its article (or page): keep it
			Element scope = scope(element, body);
			int available = measure.paragraphLength(scope);
			int own = measure.paragraphLength(element);
			if (available > 0 && own >= PROTECTED_SHARE * available && !isGalleryBesideProse(element, own, measure)) {
				continue;
			}
			// furniture by name only, yet holding paragraphs of prose: part of the article, split into sections
			if (suspects.get(element) == Boilerplate.Verdict.FURNITURE && own >= FURNITURE_PROSE
					&& linkDensity(element, measure) < 0.2) {
				continue;
			}
			measure.remove(element);
		}
		List<Element> boxes = new ArrayList<>();
		for (Element element : body.getAllElements()) {
			// text is built only for a short box that may open like one, and only as far as an opening reaches
			if (element != body && Boilerplate.isBoxTag(element) && measure.length(element) < Boilerplate.MAX_BOX_CHARS
					&& Boilerplate.mayOpenBox(measure.firstChar(element))
					&& Boilerplate.opensLikeABox(TextMeasure.textStart(element, Boilerplate.LONGEST_OPENING + 1))) {
				boxes.add(element);
			}
		}
		boxes.forEach(measure::remove);
	}

	/**
	 * A gallery whose parent holds paragraphs of prose besides it: embedded in the article (often the
	 * photos of other stories), not the wrapper of an article that is itself a photo story.
	 */
	private static boolean isGalleryBesideProse(Element element, int own, TextMeasure measure) {
		return measure.paragraphLength(element.parent()) - own >= FURNITURE_PROSE && Boilerplate.namesGallery(element);
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
	private static Map<Element, Double> scoreContainers(Element body, TextMeasure measure) {
		Map<Element, Double> scores = new IdentityHashMap<>();
		for (Element element : body.getAllElements()) {
			int length;
			int commas;
			if (SCORED_TAGS.contains(element.normalName())) {
				length = measure.length(element);
				commas = measure.commas(element);
			}
			else if (element.normalName().equals("div")) {
				String text = ownText(element);
				length = text.length();
				commas = commas(text);
			}
			else {
				continue;
			}
			if (length < MIN_SCORED_PARAGRAPH) {
				continue;
			}
			double score = 1 + commas + Math.min(length / 100.0, 3);
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
	private static Element bestContainer(Map<Element, Double> scores, Element body, TextMeasure measure) {
		Map<Element, Double> adjusted = new IdentityHashMap<>();
		scores.forEach((element, score) -> adjusted.put(element, score * (1 - linkDensity(element, measure))));
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
	private static boolean restIsNotProse(Element container, List<Element> content, TextMeasure measure) {
		int all = measure.length(container);
		int paragraphs = measure.paragraphLength(container);
		int links = measure.linkLength(container);
		for (Element element : content) {
			all -= measure.length(element);
			paragraphs -= measure.paragraphLength(element);
			links -= measure.linkLength(element);
		}
		if (all <= 0) {
			return true;
		}
		return (double) links / all > REST_LINK_DENSITY || (double) paragraphs / all < REST_PROSE_SHARE;
	}

	private static boolean isInside(Element element, Element container) {
		for (Element e = element; e != null; e = e.parent()) {
			if (e == container) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The container, or the outermost ancestor it is the only content of: an article's later part
	 * wrapped on its own ("read more" folded away) has the earlier paragraphs beside the wrapper.
	 */
	private static Element onlyChildUp(Element container, Element body) {
		Element element = container;
		while (element.parent() != null && element.parent() != body && isOnlyContent(element)) {
			element = element.parent();
		}
		return element;
	}

	private static boolean isOnlyContent(Element element) {
		for (Node sibling : element.parent().childNodes()) {
			if (sibling != element && (sibling instanceof Element || sibling instanceof TextNode text && !text.isBlank())) {
				return false;
			}
		}
		return true;
	}

	/** The best container and those of its siblings that look like more of the same article. */
	private static List<Element> withGoodSiblings(Element best, Map<Element, Double> scores, TextMeasure measure) {
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
			double density = linkDensity(sibling, measure);
			double score = scores.getOrDefault(sibling, 0.0) * (1 - density);
			boolean goodParagraph = sibling.normalName().equals("p") && density < 0.25 && measure.length(sibling) > 80;
			if (score >= threshold || goodParagraph) {
				content.add(sibling);
			}
		}
		return content;
	}

	/**
	 * The content and its twins: an article split into parts, each wrapped alike (between them
	 * pictures, ads or teasers), has the parts at the same depth in nearby branches, in elements of the
	 * chosen one's tag and first class. Only twins that read as prose are taken (not a caption or a
	 * teaser card wrapped like the text). Looked
	 * for up to {@link #TWIN_LEVELS} levels up, not beyond the enclosing article or main element.
	 */
	private static List<Element> withTwins(Element best, List<Element> content, TextMeasure measure) {
		String signature = signature(best);
		if (signature == null) {
			return content;
		}
		Element top = best;
		int depth = 0;
		while (depth < TWIN_LEVELS && top.parent() != null && !top.parent().normalName().equals("body")
				&& !isWrapper(top)) {
			top = top.parent();
			depth++;
		}
		if (depth == 0) {
			return content;
		}
		Set<Element> chosen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
		chosen.addAll(content);
		List<Element> found = new ArrayList<>();
		int target = depth;
		NodeTraversor.filter(new NodeFilter() {
			@Override
			public FilterResult head(Node node, int level) {
				if (!(node instanceof Element element)) {
					return FilterResult.SKIP_ENTIRELY;
				}
				if (level < target) {
					return FilterResult.CONTINUE;
				}
				if (chosen.contains(element) || signature.equals(signature(element)) && isProse(element, measure)) {
					found.add(element);
				}
				return FilterResult.SKIP_ENTIRELY;
			}
		}, top);
		return found.size() > content.size() ? found : content;
	}

	/** Mostly paragraphs, few of them links: not a caption, a date line or a teaser card. */
	private static boolean isProse(Element element, TextMeasure measure) {
		int all = measure.length(element);
		return all > 0 && measure.hasParagraphs(element)
				&& measure.paragraphLength(element) >= REST_PROSE_SHARE * all
				&& linkDensity(element, measure) < MAX_LINK_DENSITY;
	}

	/** Tag and first class, or null for an element without a class. */
	private static String signature(Element element) {
		String className = element.className().strip();
		if (className.isEmpty()) {
			return null;
		}
		int space = className.indexOf(' ');
		return element.normalName() + "." + (space < 0 ? className : className.substring(0, space));
	}

	private static Candidate semanticContainer(Element body, TextMeasure measure) {
		Element articleBody = largest(body.select("[itemprop=articleBody]"), measure);
		if (articleBody != null) {
			return new Candidate(articleBody, ExtractedText.ARTICLE_BODY);
		}
		Element article = largest(body.select("article"), measure);
		if (article != null) {
			return new Candidate(article, ExtractedText.ARTICLE_ELEMENT);
		}
		Element main = largest(body.select("main, [role=main]"), measure);
		return main == null ? null : new Candidate(main, ExtractedText.MAIN_ELEMENT);
	}

	private static Element largest(Elements elements, TextMeasure measure) {
		return elements.stream()
			.max(Comparator.comparingInt(measure::paragraphLength))
			.filter(e -> measure.paragraphLength(e) > 0)
			.orElse(null);
	}

	static double linkDensity(Element element, TextMeasure measure) {
		int all = measure.length(element);
		if (all == 0) {
			return 0;
		}
		return Math.min(1.0, (double) measure.linkLength(element) / all);
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
