package org.newswire.enrich.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Lengths of {@link Element#text()} for the elements of one page, without building the text: the
 * extractor asks for the text length, link text and paragraph text of every container, nested ones
 * over and over, and building those strings was most of its cost. Each node is measured once, from
 * its children's measures; removing an element through {@link #remove(Element)} forgets only the
 * measures it changes (its ancestors', its previous sibling's), and {@link #restore()} puts back
 * what was removed.
 * <p>
 * The lengths are exactly jsoup's: {@code text()} collapses whitespace by whether the text built so
 * far ends in a space, so a subtree's output depends on what precedes it only up to its first
 * character. A measure therefore holds the subtree's output as if a space preceded it, plus whether
 * a space would be written first when none precedes it (after text, or at the very start).
 */
final class TextMeasure {

	private final Map<Element, Span> spans = new IdentityHashMap<>();

	/** A text node's measure, reused: text nodes are measured as part of their parent's. */
	private final Span textSpan = new Span();

	/** What was removed, in order, to be put back. */
	private final List<Removal> removals = new ArrayList<>();

	private record Removal(Element parent, int index, Element element) {
	}

	/** {@code element.text().length()}. */
	int length(Element element) {
		return span(element).textLength();
	}

	/** The first character of {@code element.text()}, or 0 when it is empty. */
	char firstChar(Element element) {
		return span(element).first;
	}

	/** Commas (Latin and CJK) in {@code element.text()}. */
	int commas(Element element) {
		return span(element).commas;
	}

	/** Text length of the links in the element (the sum over {@code element.select("a")}). */
	int linkLength(Element element) {
		return sums(element).links;
	}

	/** Text in paragraphs ({@code p}, {@code pre}, the element itself included), or the whole text when there are none. */
	int paragraphLength(Element element) {
		Span sums = sums(element);
		return sums.paragraphCount > 0 ? sums.paragraphs : span(element).textLength();
	}

	/** Whether the element is or holds a paragraph ({@code p}, {@code pre}). */
	boolean hasParagraphs(Element element) {
		return sums(element).paragraphCount > 0;
	}

	/**
	 * Removes the element from the page. Link and paragraph sums of its ancestors are brought up to
	 * date at once (what the element held is subtracted; a link or paragraph around it is measured
	 * again), their text is measured again when next asked: the extractor asks for the paragraph text
	 * of the page after every removal, and measuring all of it again made wide pages slow.
	 */
	void remove(Element element) {
		Element parent = element.parent();
		if (parent == null) {
			return;
		}
		Span removed = sums(element);
		if (element.previousSibling() instanceof Element previous && spans.get(previous) != null) {
			// its trailing space depended on what followed it
			spans.get(previous).stale = true;
		}
		removals.add(new Removal(parent, element.siblingIndex(), element));
		element.remove();
		int links = removed.links;
		int paragraphs = removed.paragraphs;
		int paragraphCount = removed.paragraphCount;
		for (Element ancestor = parent; ancestor != null; ancestor = ancestor.parent()) {
			Span span = spans.get(ancestor);
			if (span == null) {
				// nothing above was measured either: measures are made from the bottom up
				break;
			}
			span.stale = true;
			if (countsItself(ancestor)) {
				// its own text, part of its sums, changed: measured again, and what it lost is passed on
				Span now = span(ancestor);
				links = span.links - now.links;
				paragraphs = span.paragraphs - now.paragraphs;
				paragraphCount = span.paragraphCount - now.paragraphCount;
			}
			else {
				span.links -= links;
				span.paragraphs -= paragraphs;
				span.paragraphCount -= paragraphCount;
			}
		}
	}

	/** Puts every removed element back where it was, the last removed first: the page is as it was. */
	void restore() {
		for (int i = removals.size() - 1; i >= 0; i--) {
			Removal removal = removals.get(i);
			removal.parent().insertChildren(removal.index(), removal.element());
		}
		removals.clear();
		spans.clear();
	}

	/** The element's measure with its link and paragraph sums right, its text measures perhaps not. */
	private Span sums(Element element) {
		Span known = spans.get(element);
		return known != null ? known : span(element);
	}

	/** The element's measure, all of it right. */
	private Span span(Element element) {
		Span known = spans.get(element);
		if (known != null && !known.stale) {
			return known;
		}
		// post-order without recursion (pages nest deeply); subtrees measured and unchanged are not entered again
		NodeTraversor.filter(new NodeFilter() {
			@Override
			public FilterResult head(Node node, int depth) {
				if (!(node instanceof Element e)) {
					return FilterResult.SKIP_ENTIRELY;
				}
				Span span = spans.get(e);
				return span == null || span.stale ? FilterResult.CONTINUE : FilterResult.SKIP_ENTIRELY;
			}

			@Override
			public FilterResult tail(Node node, int depth) {
				spans.put((Element) node, measure((Element) node));
				return FilterResult.CONTINUE;
			}
		}, element);
		return spans.get(element);
	}

	private Span measure(Element element) {
		Span span = new Span();
		if (element.isBlock() || element.nameIs("br")) {
			span.space(true);
		}
		int links = 0;
		int paragraphs = 0;
		int paragraphCount = 0;
		boolean preserves = preservesWhitespace(element);
		for (int i = 0; i < element.childNodeSize(); i++) {
			Node node = element.childNode(i);
			if (node instanceof TextNode text) {
				textSpan.clear();
				if (preserves || text instanceof CDataNode) {
					textSpan.appendRaw(text.getWholeText());
				}
				else {
					textSpan.appendNormalised(text.getWholeText());
				}
				span.append(textSpan);
				continue;
			}
			if (!(node instanceof Element childElement)) {
				// comments and data (scripts) are not text
				continue;
			}
			Span child = spans.get(childElement);
			span.append(child);
			links += child.links;
			paragraphs += child.paragraphs;
			paragraphCount += child.paragraphCount;
		}
		Node next = element.nextSibling();
		if (element.tag().isBlock()
				&& (next instanceof TextNode || next instanceof Element e && e.tag().isInline())) {
			span.space(false);
		}
		String tag = element.normalName();
		if (tag.equals("a")) {
			links += span.textLength();
		}
		if (tag.equals("p") || tag.equals("pre")) {
			paragraphs += span.textLength();
			paragraphCount++;
		}
		span.links = links;
		span.paragraphs = paragraphs;
		span.paragraphCount = paragraphCount;
		return span;
	}

	/** Links and paragraphs count their own text in their sums. */
	private static boolean countsItself(Element element) {
		String tag = element.normalName();
		return tag.equals("a") || tag.equals("p") || tag.equals("pre");
	}

	/**
	 * The start of {@code element.text()}: its first {@code chars} characters or more, all of it when it
	 * is shorter. Built as jsoup builds the text (whitespace, blocks, line breaks), stopping early.
	 */
	static String textStart(Element element, int chars) {
		StringBuilder text = new StringBuilder();
		NodeTraversor.filter(new NodeFilter() {
			@Override
			public FilterResult head(Node node, int depth) {
				if (node instanceof TextNode textNode) {
					String whole = textNode.getWholeText();
					if (textNode instanceof CDataNode
							|| textNode.parentNode() instanceof Element parent && preservesWhitespace(parent)) {
						text.append(whole);
					}
					else {
						appendNormalised(text, whole);
					}
				}
				else if (node instanceof Element e && text.length() > 0 && (e.isBlock() || e.nameIs("br"))
						&& !endsWithSpace(text)) {
					text.append(' ');
				}
				// beyond what trimming the start may take away
				return text.length() - leadingTrim(text) > chars ? FilterResult.STOP : FilterResult.CONTINUE;
			}

			@Override
			public FilterResult tail(Node node, int depth) {
				if (node instanceof Element e && e.tag().isBlock() && !endsWithSpace(text)) {
					Node next = node.nextSibling();
					if (next instanceof TextNode || next instanceof Element n && n.tag().isInline()) {
						text.append(' ');
					}
				}
				return FilterResult.CONTINUE;
			}
		}, element);
		return text.toString().trim();
	}

	/** As jsoup appends a text node's text: whitespace collapsed, none at the start after a space. */
	private static void appendNormalised(StringBuilder text, String whole) {
		boolean stripLeading = endsWithSpace(text);
		boolean lastWasWhite = false;
		boolean reachedNonWhite = false;
		for (int i = 0; i < whole.length();) {
			int c = whole.codePointAt(i);
			i += Character.charCount(c);
			if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\u00a0') {
				if ((stripLeading && !reachedNonWhite) || lastWasWhite) {
					continue;
				}
				text.append(' ');
				lastWasWhite = true;
			}
			else if (c != '\u200b' && c != '\u00ad') {
				text.appendCodePoint(c);
				lastWasWhite = false;
				reachedNonWhite = true;
			}
		}
	}

	private static boolean endsWithSpace(StringBuilder text) {
		return text.length() > 0 && text.charAt(text.length() - 1) == ' ';
	}

	private static int leadingTrim(StringBuilder text) {
		int i = 0;
		while (i < text.length() && text.charAt(i) <= ' ') {
			i++;
		}
		return i;
	}

	/** As jsoup decides whether a text node keeps its whitespace: a preserving tag up to five levels up. */
	private static boolean preservesWhitespace(Element parent) {
		Element element = parent;
		for (int i = 0; i < 6 && element != null; i++) {
			if (element.tag().preserveWhitespace()) {
				return true;
			}
			element = element.parent();
		}
		return false;
	}

	/**
	 * A subtree's text: its output after a space ({@code length} characters, of which {@code lead}
	 * leading and {@code trail} trailing are trimmed by {@code text()}), and whether a space comes first
	 * after other text ({@code spaceAfterText}) or at the start ({@code spaceAtStart}).
	 */
	private static final class Span {

		int length;

		boolean endsWithSpace;

		int lead;

		int trail;

		boolean spaceAfterText;

		boolean spaceAtStart;

		/** The first character that {@code text()} does not trim, or 0. */
		char first;

		int commas;

		int links;

		int paragraphs;

		int paragraphCount;

		/** The text measures are out of date (a removal below or after it); the sums are right. */
		boolean stale;

		void clear() {
			length = 0;
			endsWithSpace = false;
			lead = 0;
			trail = 0;
			spaceAfterText = false;
			spaceAtStart = false;
			first = 0;
			commas = 0;
		}

		int textLength() {
			int all = length + (spaceAtStart ? 1 : 0);
			int trimmedStart = (spaceAtStart ? 1 : 0) + lead;
			return trimmedStart >= all ? 0 : all - trimmedStart - trail;
		}

		/** A space jsoup writes unless the text ends in one; {@code notAtStart} when also not at the very start. */
		void space(boolean notAtStart) {
			if (length == 0) {
				spaceAfterText = true;
				spaceAtStart |= !notAtStart;
			}
			else if (!endsWithSpace) {
				appendChar(' ');
			}
		}

		void append(Span next) {
			if (length == 0) {
				spaceAfterText |= next.spaceAfterText;
				spaceAtStart |= next.spaceAtStart;
			}
			else if (!endsWithSpace && next.spaceAfterText) {
				appendChar(' ');
			}
			if (next.length == 0) {
				return;
			}
			lead = lead == length ? length + next.lead : lead;
			trail = next.trail == next.length ? next.length + trail : next.trail;
			length += next.length;
			endsWithSpace = next.endsWithSpace;
			first = first == 0 ? next.first : first;
			commas += next.commas;
		}

		/** Text of a node that keeps its whitespace: written as it is. */
		void appendRaw(String text) {
			for (int i = 0; i < text.length(); i++) {
				appendChar(text.charAt(i));
			}
		}

		/** Text written with whitespace collapsed, {@code StringUtil.appendNormalisedWhitespace} after a space. */
		void appendNormalised(String text) {
			boolean lastWasWhite = false;
			boolean reachedNonWhite = false;
			for (int i = 0; i < text.length();) {
				int c = text.codePointAt(i);
				i += Character.charCount(c);
				if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\u00a0') {
					if (!reachedNonWhite) {
						// written only when the text before does not end in a space
						spaceAfterText = true;
						spaceAtStart = true;
					}
					else if (!lastWasWhite) {
						appendChar(' ');
						lastWasWhite = true;
					}
				}
				else if (c != '\u200b' && c != '\u00ad') {
					if (Character.isBmpCodePoint(c)) {
						appendChar((char) c);
					}
					else {
						appendChar(Character.highSurrogate(c));
						appendChar(Character.lowSurrogate(c));
					}
					lastWasWhite = false;
					reachedNonWhite = true;
				}
			}
		}

		private void appendChar(char c) {
			boolean trimmed = c <= ' ';
			if (trimmed && lead == length) {
				lead++;
			}
			else if (!trimmed && first == 0) {
				first = c;
			}
			trail = trimmed ? trail + 1 : 0;
			length++;
			endsWithSpace = c == ' ';
			if (c == ',' || c == '\uff0c' || c == '\u3001') {
				commas++;
			}
		}

	}

}
