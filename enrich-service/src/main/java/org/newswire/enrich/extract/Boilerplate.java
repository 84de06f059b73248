package org.newswire.enrich.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

/** What page clutter looks like: its tags, the words in its class, id, role and label, its opening words. */
final class Boilerplate {

	/** Never article text, whatever they hold. */
	private static final Set<String> JUNK_TAGS = Set.of("script", "style", "noscript", "template", "svg", "math",
			"iframe", "object", "embed", "canvas", "button", "input", "select", "textarea", "link", "meta", "dialog");

	/** Page furniture, removed unless it holds most of the page's paragraphs. */
	static final Set<String> STRUCTURAL_TAGS = Set.of("nav", "aside", "footer", "header", "form", "menu");

	/** Words that mark clutter whatever else the class says. */
	private static final Set<String> CLUTTER_WORDS = Set.of("cookie", "cookies", "consent", "gdpr", "newsletter",
			"newsletters", "subscribe", "subscription", "signup", "share", "sharing", "sharebar", "social", "socials",
			"related", "recommended", "recommendation", "recommendations", "comment", "comments", "promo", "promos",
			"promotion", "ad", "ads", "advert", "adverts", "advertisement", "sponsor", "sponsored", "popup", "modal",
			"outbrain", "taboola", "disqus", "byline", "dateline", "timestamp", "toc", "faq", "faqs", "callout", "tip", "tips", "protip", "didyouknow",
			"skip", "gallery", "slideshow", "carousel");

	/** Words of a gallery or slideshow: the photos of the story or, embedded in it, those of other stories. */
	private static final Set<String> GALLERY_WORDS = Set.of("gallery", "slideshow", "carousel");

	/** Words of page furniture that also appear in the class of the content's own wrappers ("sidebar-grid__content"). */
	private static final Set<String> FURNITURE_WORDS = Set.of("nav", "navbar", "navigation", "menu", "menus",
			"banner", "footer", "header", "masthead", "sidebar", "breadcrumb", "breadcrumbs", "toolbar", "pagination");

	/** Words that say "this is the content", rescuing an element from {@link #FURNITURE_WORDS}. */
	private static final Set<String> CONTENT_WORDS = Set.of("content", "article", "body", "main", "column", "story",
			"text", "entry", "post");

	/** Clutter named in several words ("table-of-contents", "didYouKnow"), matched with separators removed. */
	private static final List<String> CLUTTER_PHRASES = List.of("tableofcontents", "didyouknow", "protip",
			"readmore", "morestories", "mostread", "mostpopular", "trending", "relatedposts", "relatedarticles",
			"relatedstories", "relatedlinks");

	private static final Pattern NOT_LETTER = Pattern.compile("[^a-z]");

	private static final Set<String> CLUTTER_ROLES = Set.of("navigation", "banner", "contentinfo", "search", "menu",
			"menubar", "dialog", "alertdialog");

	/** Opening words of boxes that interrupt an article: tips, quizzes, calls to comment or subscribe. */
	private static final String BOX_OPENINGS = "pro tips?|did you know|share your thoughts"
			+ "|frequently asked questions|faqs?|sign up|subscribe|read more|related|recommended|advertisement"
			+ "|follow us|more from|most read|most popular|you may also like";

	private static final Pattern BOX_OPENING = Pattern.compile("^(?:(?:" + BOX_OPENINGS + ")\\b|tip:).*",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	/** The letters a box opening starts with (ASCII, either case): other text is not tried against the pattern. */
	private static final String OPENING_LETTERS = openingLetters();

	/** Characters of the longest box opening. */
	static final int LONGEST_OPENING = java.util.Arrays.stream(BOX_OPENINGS.split("\\|"))
		.mapToInt(String::length)
		.max()
		.orElse(0);

	private static final Pattern WORD_BREAK = Pattern.compile("[^a-z0-9]+");

	private static final Pattern CAMEL = Pattern.compile("(?<=[a-z])(?=[A-Z])");

	private Boilerplate() {
	}

	/** How sure the markup is that an element is not article text. */
	enum Verdict {

		/** Nothing says so. */
		NONE,
		/** Page furniture by tag or class (header, footer, sidebar, nav ...): removed unless it holds article-like text. */
		FURNITURE,
		/** Cookie banner, newsletter box, share bar, related links, comments, ads, tips ...: removed. */
		CLUTTER

	}

	/**
	 * Clutter when the role, class, id or aria-label say banner, share bar, related links ...;
	 * furniture by tag, by a class or id naming page furniture (header, sidebar, menu ...) that nothing
	 * says is content, or when hidden by its style. {@code byNames} remembers the verdicts of the
	 * class, id and label combinations met so far on the page: a page repeats a few of them many times.
	 */
	static Verdict judge(Element element, Map<String, Verdict> byNames) {
		String role = element.attr("role");
		if (!role.isEmpty() && CLUTTER_ROLES.contains(role.toLowerCase(Locale.ROOT))) {
			return Verdict.CLUTTER;
		}
		String className = element.className();
		String id = element.id();
		String label = element.attr("aria-label");
		// most elements have none of the three: nothing to split or look up
		Verdict named = className.isEmpty() && id.isEmpty() && label.isEmpty() ? Verdict.NONE
				: byNames.computeIfAbsent(className + " " + id + " " + label, Boilerplate::judgeNames);
		if (named == Verdict.CLUTTER) {
			return Verdict.CLUTTER;
		}
		if (named == Verdict.FURNITURE || STRUCTURAL_TAGS.contains(element.normalName()) || isHidden(element)
				|| hiddenByClass(className)) {
			return Verdict.FURNITURE;
		}
		return Verdict.NONE;
	}

	/** Whether the class, id or label name a gallery, slideshow or carousel. */
	static boolean namesGallery(Element element) {
		for (String word : words(element.className() + " " + element.id() + " " + element.attr("aria-label"))) {
			if (GALLERY_WORDS.contains(word)) {
				return true;
			}
		}
		return false;
	}

	/** The verdict of class, id and label alone. */
	static Verdict judgeNames(String attributes) {
		boolean furniture = false;
		boolean content = false;
		for (String word : words(attributes)) {
			if (CLUTTER_WORDS.contains(word)) {
				return Verdict.CLUTTER;
			}
			furniture |= FURNITURE_WORDS.contains(word);
			content |= CONTENT_WORDS.contains(word);
		}
		String squashed = squashed(attributes);
		for (String phrase : CLUTTER_PHRASES) {
			if (squashed.contains(phrase)) {
				return Verdict.CLUTTER;
			}
		}
		return furniture && !content ? Verdict.FURNITURE : Verdict.NONE;
	}

	/**
	 * Scripts, media, controls and elements hidden by attribute: what the selector
	 * {@code script, style, ..., dialog, [hidden], [aria-hidden=true]} selects, tested on one element.
	 */
	static boolean isJunk(Element element) {
		return JUNK_TAGS.contains(element.normalName()) || element.hasAttr("hidden")
				|| element.hasAttr("aria-hidden") && element.attr("aria-hidden").equalsIgnoreCase("true");
	}

	/**
	 * Whether a box's text opens like a tip, quiz, FAQ or call to action; the start of the text
	 * decides, {@link #LONGEST_OPENING} characters and one more.
	 */
	static boolean opensLikeABox(String text) {
		return !text.isEmpty() && mayOpenBox(text.charAt(0)) && BOX_OPENING.matcher(text).matches();
	}

	/** Whether text starting with {@code first} may open like a box: the cheap test before the pattern. */
	static boolean mayOpenBox(char first) {
		return OPENING_LETTERS.indexOf(first) >= 0;
	}

	private static String openingLetters() {
		StringBuilder letters = new StringBuilder();
		for (String opening : (BOX_OPENINGS + "|tip:").split("\\|")) {
			letters.append(Character.toLowerCase(opening.charAt(0))).append(Character.toUpperCase(opening.charAt(0)));
		}
		return letters.toString();
	}

	/** Longest text a tip, quiz, FAQ or call-to-action box has. */
	static final int MAX_BOX_CHARS = 800;

	static boolean isBoxTag(Element element) {
		String tag = element.normalName();
		return tag.equals("div") || tag.equals("section") || tag.equals("aside") || tag.equals("details")
				|| tag.equals("figure") || tag.equals("blockquote");
	}

	private static final Pattern COPYRIGHT = Pattern.compile(
			"(?i)©|\\(c\\)\\s*\\d{4}|copyright \\d{4}|all rights reserved|alle rechte vorbehalten|tous droits réservés"
					+ "|todos los derechos reservados");

	/** A short copyright or rights notice (one anywhere in it: found, not matched with {@code .*} around it). */
	static boolean isCopyrightLine(String text) {
		return text.length() < 250 && COPYRIGHT.matcher(text).find();
	}

	/** Whether a short block reads like a call to action rather than article text. */
	static boolean isCallToAction(String text) {
		return text.length() < 120 && !text.isEmpty() && mayOpenBox(text.charAt(0))
				&& BOX_OPENING.matcher(text).matches();
	}

	/** Class names that hide an element whatever the screen ("hidden", "d-none", "player-hidden"). */
	private static final Set<String> HIDING_CLASSES = Set.of("hidden", "hide", "is-hidden", "d-none", "invisible");

	/** What may precede "-hidden" in a class that hides only on some screens or only part of an element. */
	private static final Set<String> PARTLY_HIDING = Set.of("overflow", "u-overflow", "overflow-x", "overflow-y", "print",
			"mobile", "desktop", "tablet", "xs", "sm", "md", "lg", "xl", "visually", "u-visually");

	/**
	 * Whether the class hides the element on every screen: a hiding class ("hidden", "vjs-hidden") and
	 * no class that shows it on some screens ("md:block", "d-lg-flex").
	 */
	static boolean hiddenByClass(String className) {
		if (className.isEmpty() || !(className.contains("hid") || className.contains("none")
				|| className.contains("invisible"))) {
			return false;
		}
		boolean hiding = false;
		for (String token : className.split(" ")) {
			if (token.indexOf(':') >= 0 || token.indexOf('@') >= 0
					|| token.startsWith("d-") && !token.equals("d-none")) {
				return false;
			}
			String lower = token.toLowerCase(Locale.ROOT);
			hiding |= HIDING_CLASSES.contains(lower) || lower.endsWith("-hidden")
					&& !PARTLY_HIDING.contains(lower.substring(0, lower.length() - "-hidden".length()).replaceAll("-+$", ""));
		}
		return hiding;
	}

	static boolean isHidden(Element element) {
		String style = element.attr("style").replace(" ", "").toLowerCase(Locale.ROOT);
		return style.contains("display:none") || style.contains("visibility:hidden");
	}

	/** Lower-case letters of the attributes, nothing else ("table-of-contents" → "tableofcontents"). */
	private static String squashed(String attributes) {
		StringBuilder out = new StringBuilder(attributes.length());
		for (int i = 0; i < attributes.length(); i++) {
			char c = attributes.charAt(i);
			if (c >= 0x80) {
				return NOT_LETTER.matcher(attributes.toLowerCase(Locale.ROOT)).replaceAll("");
			}
			if (c >= 'a' && c <= 'z') {
				out.append(c);
			}
			else if (c >= 'A' && c <= 'Z') {
				out.append((char) (c + ('a' - 'A')));
			}
		}
		return out.toString();
	}

	/**
	 * The words of class, id and label: split at anything but letters and digits and between a
	 * lower-case and an upper-case letter ("shareBar" → share, bar), lower-cased. Every element of
	 * the page is judged, so ASCII (nearly all class names) is scanned by hand rather than by regex.
	 */
	static List<String> words(String attributes) {
		List<String> words = new ArrayList<>();
		int start = -1;
		for (int i = 0; i < attributes.length(); i++) {
			char c = attributes.charAt(i);
			if (c >= 0x80) {
				return wordsByPattern(attributes);
			}
			boolean lower = c >= 'a' && c <= 'z';
			boolean upper = c >= 'A' && c <= 'Z';
			if (upper && start >= 0 && isAsciiLower(attributes.charAt(i - 1))) {
				words.add(attributes.substring(start, i).toLowerCase(Locale.ROOT));
				start = i;
			}
			else if (lower || upper || (c >= '0' && c <= '9')) {
				if (start < 0) {
					start = i;
				}
			}
			else if (start >= 0) {
				words.add(attributes.substring(start, i).toLowerCase(Locale.ROOT));
				start = -1;
			}
		}
		if (start >= 0) {
			words.add(attributes.substring(start).toLowerCase(Locale.ROOT));
		}
		return words;
	}

	private static boolean isAsciiLower(char c) {
		return c >= 'a' && c <= 'z';
	}

	static List<String> wordsByPattern(String attributes) {
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
