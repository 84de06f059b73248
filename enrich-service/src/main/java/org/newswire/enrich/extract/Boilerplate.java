package org.newswire.enrich.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

/** What page clutter looks like: its tags, the words in its class, id, role and label, its opening words. */
final class Boilerplate {

	/** Never article text. */
	static final String JUNK_TAGS = "script, style, noscript, template, svg, math, iframe, object, embed, canvas, "
			+ "button, input, select, textarea, link, meta, dialog, [hidden], [aria-hidden=true]";

	/** Page furniture, removed unless it holds most of the page's paragraphs. */
	static final Set<String> STRUCTURAL_TAGS = Set.of("nav", "aside", "footer", "header", "form", "menu");

	private static final Set<String> CLUTTER_WORDS = Set.of("nav", "navbar", "navigation", "menu", "menus", "cookie",
			"cookies", "consent", "gdpr", "banner", "newsletter", "newsletters", "subscribe", "subscription",
			"signup", "share", "sharing", "sharebar", "social", "socials", "related", "recommended",
			"recommendation", "recommendations", "comment", "comments", "footer", "header", "masthead", "sidebar",
			"promo", "promos", "promotion", "ad", "ads", "advert", "adverts", "advertisement", "sponsor",
			"sponsored", "breadcrumb", "breadcrumbs", "popup", "modal", "toolbar", "pagination", "outbrain",
			"taboola", "disqus", "toc", "faq", "faqs", "callout", "tip", "tips", "protip", "didyouknow", "skip");

	private static final Set<String> CLUTTER_ROLES = Set.of("navigation", "banner", "contentinfo", "complementary",
			"search", "menu", "menubar", "dialog", "alertdialog");

	/** Opening words of boxes that interrupt an article: tips, quizzes, calls to comment or subscribe. */
	private static final Pattern BOX_OPENING = Pattern.compile("^(?:(?:pro tips?|did you know|share your thoughts"
			+ "|frequently asked questions|faqs?|sign up|subscribe|read more|related|recommended|advertisement"
			+ "|follow us|more from|most read|most popular|you may also like)\\b|tip:).*",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern WORD_BREAK = Pattern.compile("[^a-z0-9]+");

	private static final Pattern CAMEL = Pattern.compile("(?<=[a-z])(?=[A-Z])");

	private Boilerplate() {
	}

	/** Whether class, id, role or aria-label say this element is navigation, a banner, a share bar, ... */
	static boolean looksLikeClutter(Element element) {
		String role = element.attr("role").toLowerCase(Locale.ROOT);
		if (!role.isEmpty() && CLUTTER_ROLES.contains(role)) {
			return true;
		}
		for (String word : words(element.className() + " " + element.id() + " " + element.attr("aria-label"))) {
			if (CLUTTER_WORDS.contains(word)) {
				return true;
			}
		}
		return false;
	}

	/** A box (not a paragraph) that opens like a tip, quiz, FAQ or call to action. */
	static boolean isInterruptingBox(Element element, String text) {
		String tag = element.normalName();
		boolean box = tag.equals("div") || tag.equals("section") || tag.equals("aside") || tag.equals("details")
				|| tag.equals("figure") || tag.equals("blockquote");
		return box && text.length() < 800 && BOX_OPENING.matcher(text).matches();
	}

	/** Whether a short block reads like a call to action rather than article text. */
	static boolean isCallToAction(String text) {
		return text.length() < 120 && BOX_OPENING.matcher(text).matches();
	}

	static boolean isHidden(Element element) {
		String style = element.attr("style").replace(" ", "").toLowerCase(Locale.ROOT);
		return style.contains("display:none") || style.contains("visibility:hidden");
	}

	private static List<String> words(String attributes) {
		List<String> words = new ArrayList<>();
		for (String part : CAMEL.split(attributes)) {
			for (String word : WORD_BREAK.split(part.toLowerCase(Locale.ROOT))) {
				if (!word.isEmpty()) {
					words.add(word);
				}
			}
		}
		return words;
	}

}
