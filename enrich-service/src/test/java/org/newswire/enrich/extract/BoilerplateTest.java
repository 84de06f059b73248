package org.newswire.enrich.extract;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoilerplateTest {

	@Test
	void splitsClassNamesIntoWordsAtSeparatorsAndCamelCase() {
		assertThat(Boilerplate.words("shareBar sidebar-grid__content  h1Title ABCDef x9Y"))
			.containsExactly("share", "bar", "sidebar", "grid", "content", "h1title", "abcdef", "x9y");
	}

	@Test
	void handWrittenScanSplitsLikeThePatterns() {
		for (String attributes : List.of("", " ", "a", "aB", "Ab", "AB", "a1B", "newsletter-signup Modal",
				"did_you_know  cookieConsent", "--x--", "zZzZ 12 34a", "résumé-box", "İstanbul nav", "entry-content ")) {
			assertThat(Boilerplate.words(attributes)).as(attributes).isEqualTo(Boilerplate.wordsByPattern(attributes));
		}
	}

	@Test
	void junkIsWhatTheJunkSelectorSelects() {
		Element body = Jsoup.parse("""
				<div><script>x()</script><style>p{}</style><noscript>n</noscript><svg><path/></svg><iframe></iframe>
				<button>b</button><input><select><option>o</select><textarea>t</textarea><dialog>d</dialog>
				<p hidden>h</p><p HIDDEN>h2</p><div aria-hidden="true">a</div><div aria-hidden=" TRUE ">a2</div>
				<div aria-hidden="false">shown</div><p class="hidden">shown too</p><math><mi>x</mi></math></div>
				""").body();

		List<Element> selected = body.select("script, style, noscript, template, svg, math, iframe, object, embed, "
				+ "canvas, button, input, select, textarea, link, meta, dialog, [hidden], [aria-hidden=true]");

		assertThat(body.getAllElements().stream().filter(Boilerplate::isJunk).toList())
			.containsExactlyElementsOf(selected);
	}

	@Test
	void relatedLinksNamedInOneWordAreClutter() {
		for (String names : List.of("jp-relatedposts ", "relatedarticles-box ", "x relatedstories ", " relatedlinks")) {
			assertThat(Boilerplate.judgeNames(names)).as(names).isEqualTo(Boilerplate.Verdict.CLUTTER);
		}
		assertThat(Boilerplate.judgeNames("post-relations ")).isEqualTo(Boilerplate.Verdict.NONE);
	}

	@Test
	void classesThatHideOnEveryScreenMakeFurniture() {
		for (String hiding : List.of("hidden", "item hide", "d-none", "is-hidden", "invisible", "vjs-control vjs-hidden",
				"menu--hidden")) {
			assertThat(Boilerplate.hiddenByClass(hiding)).as(hiding).isTrue();
			assertThat(Boilerplate.judge(Jsoup.parse("<div class=\"" + hiding + "\"></div>").body().child(0),
					new java.util.HashMap<>()))
				.as(hiding)
				.isEqualTo(Boilerplate.Verdict.FURNITURE);
		}
		for (String shown : List.of("", "hidden-xs", "md:hidden", "hidden md:block", "d-none d-lg-flex", "overflow-hidden",
				"u-overflow-hidden", "visually-hidden", "mobile-hidden", "unhidden", "nonetheless", "hidden@mobile")) {
			assertThat(Boilerplate.hiddenByClass(shown)).as(shown).isFalse();
		}
	}

	@Test
	void recognisesBoxOpeningsInEitherCaseAndNothingElse() {
		for (String opening : List.of("Pro tip: stretch", "pro tips for you", "Did you know? It rains", "Share your thoughts",
				"FREQUENTLY ASKED QUESTIONS", "FAQ", "faqs", "Sign up now", "Subscribe", "Read more", "Related",
				"Recommended for you", "Advertisement", "Follow us", "More from the desk", "Most read", "Most popular",
				"You may also like", "Tip: breathe")) {
			assertThat(Boilerplate.isCallToAction(opening)).as(opening).isTrue();
		}
		for (String prose : List.of("Prosecutors said", "Tipping point", "The minister", "", " Subscribe",
				"Share prices fell", "Facts first", "Readmore")) {
			assertThat(Boilerplate.isCallToAction(prose)).as(prose).isFalse();
		}
	}

	@Test
	void judgesByTagRoleStyleAndNames() {
		Element body = Jsoup.parse("""
				<nav></nav><div role="Navigation"></div><div style="display: none"></div><p></p>
				<div class="share-bar"></div><div id="sidebar"></div><div class="sidebar content"></div>
				<div aria-label="Table of contents"></div><div class="share-bar"></div><div class="photoGallery"></div>
				<div class="slideshow-wrap"></div><div class="story-carousel"></div>
				""").body();
		java.util.Map<String, Boilerplate.Verdict> byNames = new java.util.HashMap<>();

		assertThat(body.children().stream().map(e -> Boilerplate.judge(e, byNames)).toList()).containsExactly(
				Boilerplate.Verdict.FURNITURE, Boilerplate.Verdict.CLUTTER, Boilerplate.Verdict.FURNITURE,
				Boilerplate.Verdict.NONE, Boilerplate.Verdict.CLUTTER, Boilerplate.Verdict.FURNITURE,
				Boilerplate.Verdict.NONE, Boilerplate.Verdict.CLUTTER, Boilerplate.Verdict.CLUTTER,
				Boilerplate.Verdict.CLUTTER, Boilerplate.Verdict.CLUTTER, Boilerplate.Verdict.CLUTTER);
	}

	@Test
	void judgesABoxByTheStartOfItsText() {
		Element box = Jsoup.parse("<div><p>Frequently asked <b>questions</b></p> <ul><li>Why?</li></ul>"
				+ "<p>" + "Because. ".repeat(60) + "</p></div>").body().child(0);
		String start = TextMeasure.textStart(box, Boilerplate.LONGEST_OPENING + 1);

		assertThat(Boilerplate.LONGEST_OPENING).isEqualTo("frequently asked questions".length());
		assertThat(start).hasSizeLessThan(box.text().length()).startsWith("Frequently asked questions Why?");
		assertThat(Boilerplate.opensLikeABox(start)).isTrue();
		assertThat(Boilerplate.opensLikeABox("Frequently asked questionsx and more")).isFalse();
		assertThat(Boilerplate.opensLikeABox("Tip: breathe")).isTrue();
	}

	@Test
	void findsACopyrightNoticeAnywhereInAShortLine() {
		for (String notice : List.of("© 2025 Example News", "Photo: AP\nCopyright 2024 AP", "(c) 2023 The Paper",
				"(C)2023", "All Rights Reserved.", "Alle Rechte vorbehalten", "tous droits réservés",
				"Todos los derechos reservados")) {
			assertThat(Boilerplate.isCopyrightLine(notice)).as(notice).isTrue();
		}
		assertThat(Boilerplate.isCopyrightLine("Copyright law reform was debated on Tuesday")).isFalse();
		assertThat(Boilerplate.isCopyrightLine("x".repeat(250) + " ©")).isFalse();
	}

}
