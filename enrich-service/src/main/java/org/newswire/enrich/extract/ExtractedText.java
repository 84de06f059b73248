package org.newswire.enrich.extract;

/**
 * The main text of a page, paragraphs separated by a blank line, with the method that found it
 * and the page's title (null when the page has none).
 */
public record ExtractedText(String text, String method, String title) {

	/** Text from {@code [itemprop=articleBody]}. */
	public static final String ARTICLE_BODY = "article-body";

	/** Text from the page's {@code <article>} element. */
	public static final String ARTICLE_ELEMENT = "article-element";

	/** Text from the page's {@code <main>} or {@code [role=main]} element. */
	public static final String MAIN_ELEMENT = "main-element";

	/** Text from the container with the most paragraph text and the fewest links. */
	public static final String TEXT_DENSITY = "text-density";

}
