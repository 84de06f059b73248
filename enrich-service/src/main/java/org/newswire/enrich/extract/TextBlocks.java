package org.newswire.enrich.extract;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * An element's text as blocks: block elements and line breaks end a block, whitespace inside a
 * block collapses to single spaces; link-dense blocks and calls to action are dropped.
 */
final class TextBlocks {

	private TextBlocks() {
	}

	/** The element's text as blocks: block elements and line breaks end a block. */
	static List<String> of(Element root) {
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
					linkChars += strippedLength(value);
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
			boolean block = MainTextExtractor.BLOCK_TAGS.contains(tag);
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
			if (density > MainTextExtractor.MAX_LINK_DENSITY || Boilerplate.isCallToAction(text)) {
				return;
			}
			blocks.add(text);
		}

		/** {@code value.strip().length()} without the copy. */
		private static int strippedLength(String value) {
			int start = 0;
			int end = value.length();
			while (start < end && Character.isWhitespace(value.codePointAt(start))) {
				start += Character.charCount(value.codePointAt(start));
			}
			while (end > start && Character.isWhitespace(value.codePointBefore(end))) {
				end -= Character.charCount(value.codePointBefore(end));
			}
			return end - start;
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
