package org.newswire.enrich.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

public class MainTextExtractorTest {

	/** Paragraphs of the seed article (line numbers of seed-article.txt) that are article text. */
	private static final int[] ARTICLE_LINES = { 16, 18, 20, 22, 23, 30, 32, 44, 49, 54 };

	private static final List<String> CLUTTER = List.of("We use cookies", "Accept all", "Subscribe to Premium",
			"Asia-Pacific", "Global Affairs Daily", "Share this article", "Related coverage",
			"EU weighs new package", "Grain corridor reopens", "Most read", "Heatwave breaks records",
			"Get the Morning Briefing", "Sign up for our daily newsletter", "Advertisement", "Reader1984",
			"thoughts on this story", "Privacy policy", "All rights reserved", "Table of Contents",
			"Did you know? Our correspondents", "Bookmark our live coverage", "Frequently Asked Questions",
			"Share your thoughts", "Tagged", "dataLayer", "display: inline");

	private final MainTextExtractor extractor = new MainTextExtractor();

	@ParameterizedTest
	@ValueSource(strings = { "seed-article-cluttered.html", "seed-article-divs.html" })
	void keepsEveryArticleParagraph(String page) throws IOException {
		String text = extractor.extract(parse(page)).text();

		List<String> seed = seedLines();
		for (int line : ARTICLE_LINES) {
			assertThat(text).contains(seed.get(line - 1));
		}
		assertThat(text).contains("Increased Trade with Russia: Western sanctions on Russia have created a vacuum")
			.contains("Circumventing Sanctions: There are reports of chinese companies")
			.contains("Belt and road Initiative Expansion: China’s Belt and Road Initiative (BRI) is poised")
			.contains("Sticking Points in potential Peace Negotiations")
			.contains("Vladimir Putin (Russia)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "seed-article-cluttered.html", "seed-article-divs.html" })
	void dropsNavigationBannersRelatedLinksBoxesAndFooter(String page) throws IOException {
		String text = extractor.extract(parse(page)).text();

		for (String clutter : CLUTTER) {
			assertThat(text).as("clutter '%s'", clutter).doesNotContain(clutter);
		}
	}

	@Test
	void separatesParagraphsWithABlankLine() throws IOException {
		String text = extractor.extract(parse("seed-article-cluttered.html")).text();

		assertThat(text).startsWith(seedLines().get(15) + "\n\nSticking Points in potential Peace Negotiations\n\n");
		assertThat(text).doesNotContain("\n\n\n");
	}

	@Test
	void recordsTheMethodAndTheTitle() throws IOException {
		ExtractedText semantic = extractor.extract(parse("seed-article-cluttered.html"));
		ExtractedText divs = extractor.extract(parse("seed-article-divs.html"));

		assertThat(semantic.method()).isEqualTo(ExtractedText.ARTICLE_BODY);
		assertThat(divs.method()).isEqualTo(ExtractedText.TEXT_DENSITY);
		assertThat(semantic.title()).isEqualTo("Diplomatic Efforts Stall as Ukraine Peace Talks Remain Elusive");
	}

	@Test
	void prefersTheArticleHeadlineToTheDocumentTitle() {
		Document page = Jsoup.parse("""
				<html><head><title>Short teaser | Daily Site</title><meta property="og:title" content="Short teaser">
				</head><body><header><h1>Daily Site</h1></header><article><h1>The full headline of the story</h1>
				<p>Text.</p></article></body></html>
				""");

		assertThat(Headline.title(page)).isEqualTo("The full headline of the story");
	}

	@Test
	void stripsTheSiteNameFromTheDocumentTitle() {
		assertThat(Headline.withoutSiteName(
				"Russia hits Kyiv with ballistic missile, damages buildings - National | Globalnews.ca", null))
			.isEqualTo("Russia hits Kyiv with ballistic missile, damages buildings");
		assertThat(Headline.withoutSiteName("Mining blasts shatter homes - Lesotho Times", "Lesotho Times"))
			.isEqualTo("Mining blasts shatter homes");
		assertThat(Headline.withoutSiteName("Tony Blair: Why there has to be compromise", null))
			.isEqualTo("Tony Blair: Why there has to be compromise");
		assertThat(Headline.withoutSiteName("Left - Right", null)).isEqualTo("Left - Right");
	}

	@Test
	void keepsAWrapperWhoseClassMerelyMentionsASidebar() {
		String html = """
				<html><body><div class="content has-sidebar">
				<p>First paragraph of a long article about negotiations in Geneva that went on all night, with
				delegations from both sides.</p>
				<p>Second paragraph, explaining what the delegations agreed, what they did not, and when they meet
				again next month.</p>
				</div><div class="sidebar"><a href="/a">Another story</a></div></body></html>
				""";

		String text = extractor.extract(Jsoup.parse(html)).text();

		assertThat(text).contains("First paragraph").contains("Second paragraph").doesNotContain("Another story");
	}

	@Test
	void dropsLinkListsInsideTheArticle() {
		String html = """
				<html><body><article>
				<p>A paragraph of real article text that is long enough to count, with a <a href="/x">link</a>
				inside it that does not make it navigation.</p>
				<ul><li><a href="/1">Read also: first headline</a></li><li><a href="/2">Second headline</a></li></ul>
				<p>Another paragraph of article text, long enough to count as well, closing the story.</p>
				</article></body></html>
				""";

		String text = extractor.extract(Jsoup.parse(html)).text();

		assertThat(text).contains("with a link inside it").contains("closing the story")
			.doesNotContain("headline");
	}

	@Test
	void dropsControlsHiddenByTheirClass() {
		String html = """
				<html><body><article>
				<p>A paragraph of real article text that is long enough to count, about the talks in Geneva.</p>
				<div class="player"><div class="vjs-live-control vjs-hidden">Stream Type LIVE</div></div>
				<p>Another paragraph of article text, long enough to count as well, closing the story.</p>
				</article></body></html>
				""";

		String text = extractor.extract(Jsoup.parse(html)).text();

		assertThat(text).contains("talks in Geneva").contains("closing the story").doesNotContain("LIVE");
	}

	@Test
	void dropsAGalleryEmbeddedInTheArticleButKeepsAnArticleThatIsAGallery() {
		String slides = """
				<div class="media-gallery"><ul><li><h2>1/3 Other story</h2><p>Caption of another story.</p></li>
				<li><h2>2/3 Another one</h2><p>Caption of yet another story.</p></li></ul></div>
				""";
		String article = "<html><body><article>"
				+ "<p>A paragraph of real article text that is long enough to count, about the talks in Geneva, "
				+ "with delegations from both sides and a deadline that passed at midnight.</p>" + slides
				+ "<p>Another paragraph of article text, long enough to count as well, closing the story.</p>"
				+ "</article></body></html>";
		String gallery = "<html><body><article><h1>In pictures</h1>" + slides + "</article></body></html>";

		assertThat(extractor.extract(Jsoup.parse(article)).text()).contains("talks in Geneva")
			.contains("closing the story")
			.doesNotContain("Caption");
		assertThat(extractor.extract(Jsoup.parse(gallery)).text()).contains("Caption of another story");
	}

	@Test
	void dropsAnEmbeddedGalleryEvenWhenItsCaptionsOutweighTheArticle() {
		String paragraph = "<p>%s paragraph of the story about the talks in Geneva, long enough to count, with delegations "
				+ "from both sides, their demands, and a deadline that passed at midnight without a deal.</p>";
		StringBuilder slides = new StringBuilder("<div class=\"widget type-gallery\"><ul>");
		for (int i = 1; i <= 12; i++) {
			slides.append("<li><h2>").append(i).append("/12 Other story</h2><p>Caption of another story, about ")
				.append("something else entirely, long enough to weigh more than the article itself.</p></li>");
		}
		slides.append("</ul></div>");
		String html = "<html><body><article><div class=\"text\">" + paragraph.formatted("First")
				+ paragraph.formatted("Second") + slides + paragraph.formatted("Third") + paragraph.formatted("Last")
				+ "</div></article></body></html>";

		String text = extractor.extract(Jsoup.parse(html)).text();

		assertThat(text).startsWith("First paragraph").contains("Last paragraph").doesNotContain("Caption");
	}

	@Test
	void keepsTheParagraphsBeforeAFoldedAwayReadMorePart() {
		String paragraph = "<p>%s paragraph of the column, long enough to be scored, with a comma, and another one.</p>";
		StringBuilder folded = new StringBuilder();
		for (String n : List.of("Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth")) {
			folded.append(paragraph.formatted(n));
		}
		String html = "<html><body><div id=\"page\"><div class=\"story-body\">" + paragraph.formatted("First")
				+ paragraph.formatted("Second") + "<div id=\"read-more\"><div class=\"read-more-content\">" + folded
				+ "</div></div></div><div class=\"teasers\"><a href=\"/x\">Another column</a></div></div></body></html>";

		String text = extractor.extract(Jsoup.parse(html)).text();

		assertThat(text).startsWith("First paragraph").contains("Second paragraph").endsWith("Eighth paragraph"
				+ " of the column, long enough to be scored, with a comma, and another one.");
	}

	@Test
	void joinsTheFarApartPartsOfAnArticleWrappedAlike() {
		String part = """
				<div class="row"><div class="col"><div class="story-text %s">
				<p>%s paragraph of the story, long enough to be scored, with a comma, and another, and more words.</p>
				<p>%s paragraph goes on with the negotiations, the delegations, their demands, and the deadline.</p>
				</div></div></div>
				""";
		String html = "<html><body><div class=\"page\">" + part.formatted("first", "Opening", "Second")
				+ "<div class=\"row\"><div class=\"col\"><figure><figcaption>A photo of the talks</figcaption>"
				+ "</figure></div></div>" + part.formatted("", "Middle", "Fourth")
				+ "<div class=\"row\"><div class=\"col\"><div class=\"story-text\"><p><a href=\"/a\">Another"
				+ " story entirely, a teaser card wrapped like the text</a></p></div></div></div>"
				+ part.formatted("last", "Closing", "Final") + "</div></body></html>";

		String text = extractor.extract(Jsoup.parse(html)).text();

		assertThat(text).contains("Opening paragraph").contains("Middle paragraph").contains("Final paragraph")
			.doesNotContain("Another story");
		assertThat(text.indexOf("Opening")).isLessThan(text.indexOf("Middle"));
		assertThat(text.indexOf("Middle")).isLessThan(text.indexOf("Closing"));
	}

	@Test
	void returnsEmptyTextForAPageWithoutBody() {
		ExtractedText extracted = extractor.extract(Jsoup.parse("<html><head><title>t</title></head></html>"));

		assertThat(extracted.text()).isEmpty();
	}

	@Test
	void doesNotChangeTheDocumentItIsGiven() throws IOException {
		Document page = parse("seed-article-cluttered.html");
		String before = page.outerHtml();

		extractor.extract(page);

		assertThat(page.outerHtml()).isEqualTo(before);
	}

	@Test
	void comparesTextByItsLettersAndNumbersLikeThePatternItReplaces() {
		java.util.regex.Pattern notLetterOrNumber = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");
		for (String text : List.of("", " ", "Hello, World!", "  --Ünïcödé--  ", "İstanbul ISTANBUL", "½ price Ⅻ",
				"日本語のテキスト、です。", "emoji 😀 text", "a\u0301b", "ΣΑΣ σας", "tab\tand\nnewline", "123-456",
				"\ud800 lone surrogate")) {
			assertThat(MainTextExtractor.comparable(text)).as(text)
				.isEqualTo(notLetterOrNumber.matcher(text.toLowerCase(java.util.Locale.ROOT)).replaceAll(" ").strip());
		}
	}

	public static Document parse(String name) throws IOException {
		try (InputStream in = MainTextExtractorTest.class.getResourceAsStream("/extract/" + name)) {
			return Jsoup.parse(in, "UTF-8", "https://news.example/2025/08/diplomatic-efforts-stall/");
		}
	}

	static List<String> seedLines() throws IOException {
		try (InputStream in = MainTextExtractorTest.class.getResourceAsStream("/extract/seed-article.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
	}

}
