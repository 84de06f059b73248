package org.newswire.enrich.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Random;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextMeasureTest {

	/** Whitespace, blocks next to inline text, line breaks, preformatted text, CDATA, invisible and control characters. */
	private static final String EDGE_CASES = """
			<html><body> <div>One</div>Two <span> x </span><p>  lead,  space </p><br><br> tail&nbsp; <pre>
			  keep   this
			</pre><pre><p> in pre <b> bold </b></p></pre><div><br></div><div> &#x200b; </div>&#173;<p>a<br>b</p>
			<svg><![CDATA[ cdata , text ]]></svg><div>&#1;ctrl&#2;</div><p>&#x1F600; emoji, \u3001 \uff0c</p>
			<textarea>  raw
			 area </textarea><table><tr><td>c1</td><td> c2 </td></tr></table><ul><li>one<li>two</ul>
			<a href=x>link <a>nested</a></a><span><div>block in inline</div>after</span><!-- comment -->text
			<div>&#x3000;ideographic&#x3000;</div><p><a href=y>first</a> then text</p><div><p>in</p><p>two</p></div>
			""";

	@ParameterizedTest
	@ValueSource(strings = { "seed-article-cluttered.html", "seed-article-divs.html", "metadata-jsonld.html" })
	void measuresEveryElementOfAPageAsJsoupsTextWouldBe(String page) throws IOException {
		assertMeasuresMatchText(fixture(page));
	}

	@Test
	void measuresWhitespaceLineBreaksAndPreformattedTextAsJsoupDoes() {
		assertMeasuresMatchText(Jsoup.parse(EDGE_CASES));
	}

	@Test
	void measuresStayRightWhileElementsAreRemoved() throws IOException {
		for (Document document : List.of(Jsoup.parse(EDGE_CASES), fixture("seed-article-cluttered.html"))) {
			TextMeasure measure = new TextMeasure();
			Random random = new Random(5);
			for (int round = 0; round < 12; round++) {
				assertMeasuresMatchText(document.body(), measure);
				List<Element> all = document.body().getAllElements();
				for (int k = 0; k < 3 && all.size() > 1; k++) {
					Element victim = all.get(1 + random.nextInt(all.size() - 1));
					if (victim.parent() != null && isInside(victim, document.body())) {
						measure.remove(victim);
					}
				}
			}
		}
	}

	@Test
	void putsRemovedElementsBackWhereTheyWere() throws IOException {
		Document document = fixture("seed-article-cluttered.html");
		String before = document.outerHtml();
		TextMeasure measure = new TextMeasure();
		Random random = new Random(11);
		for (int k = 0; k < 40; k++) {
			List<Element> all = document.body().getAllElements();
			if (all.size() < 2) {
				break;
			}
			// nested ones too: an element inside one already removed
			Element victim = all.get(1 + random.nextInt(all.size() - 1));
			if (victim.parent() != null) {
				measure.remove(victim);
			}
		}
		assertThat(document.outerHtml()).isNotEqualTo(before);

		measure.restore();

		assertThat(document.outerHtml()).isEqualTo(before);
	}

	@Test
	void startsTextAsJsoupWouldWriteIt() throws IOException {
		for (Document document : List.of(Jsoup.parse(EDGE_CASES), fixture("seed-article-cluttered.html"),
				fixture("seed-article-divs.html"))) {
			for (Element element : document.getAllElements()) {
				String text = element.text();
				for (int chars : new int[] { 0, 1, 5, 27, 80 }) {
					String start = TextMeasure.textStart(element, chars);
					assertThat(text).as("text of %s", element.cssSelector()).startsWith(start);
					if (text.length() <= chars) {
						assertThat(start).isEqualTo(text);
					}
					else {
						assertThat(start.length()).isGreaterThanOrEqualTo(Math.min(chars, text.strip().length()) - 1);
					}
				}
			}
		}
	}

	@Test
	void countsLinkTextOfNestedLinksOnceForEachLink() {
		Element body = Jsoup.parse("<p><a href=a>outer <a href=b>inner</a></a> and prose</p>").body();

		assertThat(new TextMeasure().linkLength(body)).isEqualTo(linkLength(body));
	}

	@Test
	void paragraphLengthFallsBackToTheWholeTextWithoutParagraphs() {
		Element body = Jsoup.parse("<div><span>no paragraphs here</span></div><p>x</p>").body();
		TextMeasure measure = new TextMeasure();

		assertThat(measure.paragraphLength(body.child(0))).isEqualTo("no paragraphs here".length());
		assertThat(measure.paragraphLength(body)).isEqualTo(1);
	}

	private static void assertMeasuresMatchText(Document document) {
		assertMeasuresMatchText(document, new TextMeasure());
	}

	private static void assertMeasuresMatchText(Element root, TextMeasure measure) {
		// link and paragraph sums first: a removal keeps them up to date without measuring the text again
		for (Element element : root.getAllElements()) {
			String name = element.cssSelector();
			assertThat(measure.linkLength(element)).as("link text of %s", name).isEqualTo(linkLength(element));
			assertThat(measure.paragraphLength(element)).as("paragraph text of %s", name)
				.isEqualTo(paragraphLength(element));
		}
		for (Element element : root.getAllElements()) {
			String text = element.text();
			String name = element.cssSelector();
			assertThat(measure.length(element)).as("length of %s", name).isEqualTo(text.length());
			assertThat(measure.firstChar(element)).as("first character of %s", name)
				.isEqualTo(text.isEmpty() ? (char) 0 : text.charAt(0));
			assertThat(measure.commas(element)).as("commas of %s", name)
				.isEqualTo((int) text.chars().filter(c -> c == ',' || c == '\uff0c' || c == '\u3001').count());
			assertThat(measure.linkLength(element)).as("link text of %s", name).isEqualTo(linkLength(element));
			assertThat(measure.paragraphLength(element)).as("paragraph text of %s", name)
				.isEqualTo(paragraphLength(element));
		}
	}

	private static int linkLength(Element element) {
		return element.select("a").stream().mapToInt(a -> a.text().length()).sum();
	}

	private static int paragraphLength(Element element) {
		List<Element> paragraphs = element.select("p, pre");
		return paragraphs.isEmpty() ? element.text().length()
				: paragraphs.stream().mapToInt(p -> p.text().length()).sum();
	}

	private static boolean isInside(Element element, Element root) {
		for (Element e = element; e != null; e = e.parent()) {
			if (e == root) {
				return true;
			}
		}
		return false;
	}

	private static Document fixture(String name) throws IOException {
		try (InputStream in = TextMeasureTest.class.getResourceAsStream("/extract/" + name)) {
			return Jsoup.parse(in, "UTF-8", "https://example.org/");
		}
	}

}
