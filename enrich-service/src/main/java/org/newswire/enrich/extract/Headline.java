package org.newswire.enrich.extract;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds an article page's headline. */
final class Headline {

	private static final Set<String> TITLE_FREE_ZONES = Set.of("header", "nav", "footer", "aside");

	private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]");

	private static final int MIN_HEADLINE = 10;

	private static final int MAX_HEADLINE = 300;

	private static final Pattern TITLE_SEPARATOR = Pattern
		.compile("\\s+[|\\-–—:•*·»/]{1,2}\\s+|\\s*[｜：]\\s*");

	private Headline() {
	}

	/**
	 * The article's headline: the {@code <h1>} of the article (or the page's first one outside
	 * header, nav and footer), else the OpenGraph or document title without the site name.
	 */
	static String title(Document doc) {
		return title(doc, MetaTags.of(doc), null, false);
	}

	/**
	 * As {@link #title(Document)}, checked against the headline structured data gives ({@code structured},
	 * JSON-LD or OpenGraph, may be null): when the page's h1 shares few words with it and with the
	 * document title, the h1 is a section heading and the structured headline is taken; when the
	 * structured headline is the h1 with a kicker before it ("Kicker: headline"), the kicker stays.
	 * {@code preferStructured}: the structured headline is the publisher's own JSON-LD headline,
	 * taken over the h1 when the two tell the same story (share most words).
	 */
	static String title(Document doc, MetaTags metas, String structured, boolean preferStructured) {
		String fromPage = pageTitle(doc, metas);
		if (structured == null || structured.isBlank()) {
			return fromPage;
		}
		String site = metas.get("property", "og:site_name");
		String whole = clean(structured);
		if (fromPage != null && MainTextExtractor.comparable(fromPage).equals(MainTextExtractor.comparable(whole))) {
			return fromPage;
		}
		String candidate = withoutSiteName(whole, site);
		if (fromPage == null) {
			return candidate;
		}
		String page = MainTextExtractor.comparable(fromPage);
		String other = MainTextExtractor.comparable(candidate);
		if (other.endsWith(" " + page) && candidate.length() - fromPage.length() <= 60
				&& candidate.substring(0, candidate.length() - fromPage.length()).strip().endsWith(":")) {
			return candidate;
		}
		if (preferStructured && overlap(page, other) >= 0.5 && overlap(other, page) >= 0.5
				&& candidate.length() <= MAX_HEADLINE) {
			return candidate;
		}
		String documentTitle = MainTextExtractor.comparable(doc.title());
		if (!documentTitle.isEmpty() && overlap(page, other) < 0.3 && overlap(page, documentTitle) < 0.3
				&& candidate.length() >= MIN_HEADLINE) {
			return candidate;
		}
		return fromPage;
	}

	/**
	 * Share of the words of {@code a} that are in {@code b}, counting words of four or more characters
	 * when {@code a} has any ("Information and Resources" shares nothing with a headline that has "and").
	 */
	private static double overlap(String a, String b) {
		List<String> words = Arrays.asList(a.split(" "));
		List<String> significant = words.stream().filter(w -> w.length() >= 4).toList();
		if (!significant.isEmpty()) {
			words = significant;
		}
		Set<String> other = new HashSet<>(Arrays.asList(b.split(" ")));
		return words.isEmpty() ? 0 : words.stream().filter(other::contains).count() / (double) words.size();
	}

	private static String pageTitle(Document doc, MetaTags metas) {
		Element h1 = doc.selectFirst("article h1, main h1, [itemprop=headline]");
		if (h1 == null) {
			h1 = doc.select("h1")
				.stream()
				.filter(e -> e.parents().stream().noneMatch(p -> TITLE_FREE_ZONES.contains(p.normalName())))
				.findFirst()
				.orElse(null);
		}
		String headline = h1 == null ? "" : clean(h1.text());
		String site = metas.get("property", "og:site_name");
		if (headline.length() >= MIN_HEADLINE && headline.length() <= MAX_HEADLINE
				&& !isBranding(headline, doc, metas, site)) {
			return headline;
		}
		String title = metas.first("property", "og:title", "name", "twitter:title");
		if (title == null) {
			title = doc.title().strip();
		}
		if (title.isEmpty()) {
			return headline.isEmpty() ? null : headline;
		}
		return withoutSiteName(clean(title), site);
	}

	/**
	 * Whether an h1 is the site's or section's name rather than the article's headline: it is the
	 * OpenGraph site name, or its words all sit in the site-name part of the document title
	 * ("Headline - Minecraft Update News", the headline part being the social title where the document
	 * title starts with it) and not in the headline part.
	 */
	private static boolean isBranding(String h1, Document doc, MetaTags metas, String site) {
		String heading = MainTextExtractor.comparable(h1);
		if (site != null && heading.equals(MainTextExtractor.comparable(site))) {
			return true;
		}
		String documentTitle = clean(doc.title());
		String social = metas.first("property", "og:title", "name", "twitter:title");
		String head = social != null && documentTitle.startsWith(clean(social))
				&& clean(social).length() < documentTitle.length() ? clean(social) : withoutSiteName(documentTitle, site);
		if (head.length() == documentTitle.length()) {
			return false;
		}
		Set<String> words = new HashSet<>(Arrays.asList(heading.split(" ")));
		Set<String> tail = new HashSet<>(
				Arrays.asList(MainTextExtractor.comparable(documentTitle.substring(head.length())).split(" ")));
		Set<String> headWords = new HashSet<>(Arrays.asList(MainTextExtractor.comparable(head).split(" ")));
		return tail.containsAll(words) && !headWords.containsAll(words);
	}

	/** Whitespace collapsed, invisible characters (zero-width spaces, word joiners, soft hyphens) removed. */
	static String clean(String text) {
		return INVISIBLE.matcher(text).replaceAll("").replaceAll("\\s+", " ").strip();
	}

	/** "Headline | Site" and "Headline - Section | Site" become "Headline". */
	static String withoutSiteName(String title, String siteName) {
		String result = title;
		for (int round = 0; round < 2; round++) {
			Matcher matcher = TITLE_SEPARATOR.matcher(result);
			int lastStart = -1;
			int lastEnd = -1;
			while (matcher.find()) {
				lastStart = matcher.start();
				lastEnd = matcher.end();
			}
			if (lastStart <= 0) {
				break;
			}
			String head = result.substring(0, lastStart).strip();
			String tail = result.substring(lastEnd).strip();
			boolean tailIsSite = siteName != null && MainTextExtractor.comparable(tail).equals(MainTextExtractor.comparable(siteName));
			boolean tailIsShort = tail.split("\\s+").length <= 4 && tail.length() <= 40
					&& head.length() >= 2 * tail.length();
			if (!tailIsSite && !tailIsShort) {
				break;
			}
			result = head;
		}
		return result;
	}


}
