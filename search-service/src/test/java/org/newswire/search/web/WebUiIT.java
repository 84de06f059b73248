package org.newswire.search.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newswire.events.EnrichedArticle;
import org.newswire.search.RunningSearchService;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The analyst UI in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs): search, filter, read, create a rule and watch it fire; and hostile
 * article content that must stay text. Screenshots go to {@code target/screenshots/}.
 */
class WebUiIT extends RunningSearchService {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static WebDriver browser;

	@BeforeAll
	static void startBrowser() throws IOException {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Skipped: needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver);"
						+ " .ci/run installs them");
		Files.createDirectories(SCREENSHOTS);
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-dev-shm-usage", "--window-size=1280,1100");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void searchesFiltersOpensAnArticleAndSeesANewRuleFire() throws Exception {
		String word = uniqueWord();
		Instant now = Instant.now();
		publish(article(word + "-bri", 1, "Rail link " + word, "The Belt and Road rail link " + word, now,
				"belt-and-road"), article(word + "-sanctions", 1, "Sanctions " + word, "New sanctions " + word, now,
						"sanctions"));
		open("/#/search?q=" + word);
		awaitCount(By.cssSelector("li.hit"), 2);
		assertThat(browser.findElement(By.id("facet-topics")).getText()).contains("belt-and-road");
		assertThat(browser.findElements(By.cssSelector("#coverage-chart rect.bar"))).isNotEmpty();
		screenshot("1-search");

		hit(word + "-bri").findElement(By.cssSelector("button.chip[data-topic='belt-and-road']")).click();
		wait(ExpectedConditions.urlContains("topic=belt-and-road"));
		awaitCount(By.cssSelector("li.hit"), 1);
		assertThat(browser.findElement(By.id("active-filters")).getText()).contains("topic: belt-and-road");
		assertThat(hit(word + "-bri").findElement(By.cssSelector("p.snippet mark")).getText()).isEqualTo(word);
		screenshot("2-filtered");

		hit(word + "-bri").findElement(By.cssSelector("a.title")).click();
		wait(ExpectedConditions.textToBe(By.id("article-title"), "Rail link " + word));
		assertThat(browser.findElement(By.id("article-topics")).getText()).contains("belt-and-road ×1 (body)");
		assertThat(browser.findElement(By.id("article-entities")).getText()).contains("Beijing");
		assertThat(browser.findElement(By.id("article-text")).getText()).contains("The Belt and Road rail link");
		assertThat(browser.findElement(By.id("original-link")).getAttribute("href"))
			.isEqualTo("https://news.example/" + word + "-bri");
		screenshot("3-article");

		open("/#/rules");
		browser.findElement(By.id("rule-name")).sendKeys("Gwadar " + word);
		browser.findElement(By.id("rule-query")).sendKeys(word + " AND Gwadar");
		browser.findElement(By.id("rule-preview")).click();
		wait(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-total"), "0 matching"));
		browser.findElement(By.id("rule-save")).click();
		wait(ExpectedConditions.textToBePresentInElementLocated(By.id("rules"), "Gwadar " + word));

		publish(article(word + "-gwadar", 1, "Gwadar port " + word, "Gwadar port expands " + word, Instant.now(),
				"belt-and-road"));
		wait(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("li.alert-item[data-article-id='" + word + "-gwadar']")));
		assertThat(browser.findElement(By.cssSelector("li.alert-item[data-article-id='" + word + "-gwadar']")).getText())
			.contains("Gwadar port " + word);
		screenshot("4-rule-fired");
	}

	@Test
	void rendersHostileArticleContentAsTextAndRunsNothing() throws Exception {
		String word = uniqueWord();
		String title = "<img src=x onerror=\"window.__xss='title'\">Hostile <script>window.__xss='script'</script>"
				+ word;
		EnrichedArticle template = article(word, 1, title, "Body <script>window.__xss='body'</script> <a href=\""
				+ "javascript:window.__xss='link'\">click</a> <svg onload=\"window.__xss='svg'\"></svg> " + word,
				Instant.now(), "sanctions");
		publish(withUrl(template, "javascript:window.__xss='url'"));
		open("/#/search?q=" + word);
		awaitCount(By.cssSelector("li.hit"), 1);

		WebElement hit = hit(word);
		assertThat(hit.findElement(By.cssSelector("a.title")).getText()).isEqualTo(title);
		assertThat(hit.findElement(By.cssSelector("p.snippet")).getText()).contains("</svg>");
		assertThat(browser.findElements(By.cssSelector("#results img, #results script, #results svg"))).isEmpty();
		screenshot("5-hostile-results");

		hit.findElement(By.cssSelector("a.title")).click();
		wait(ExpectedConditions.textToBe(By.id("article-title"), title));
		assertThat(browser.findElements(By.id("original-link"))).isEmpty();
		assertThat(browser.findElement(By.id("original-url")).getText()).startsWith("javascript:");
		assertThat(browser.findElement(By.id("article-text")).getText()).contains("<a href=\"javascript:");
		assertThat(browser.findElements(By.cssSelector("a[href^='javascript']"))).isEmpty();
		assertThat(browser.findElements(By.cssSelector("main img, main script, main svg"))).isEmpty();
		Thread.sleep(500);
		assertThat(((JavascriptExecutor) browser).executeScript("return window.__xss === undefined")).isEqualTo(true);
		screenshot("6-hostile-article");
	}

	private static EnrichedArticle withUrl(EnrichedArticle a, String url) {
		return new EnrichedArticle(a.schema(), a.articleId(), url, url, a.feedId(), a.feedUrl(), a.feedTitle(), a.guid(),
				a.title(), a.summary(), a.publishedAt(), a.ingestedAt(), a.authors(), a.categories(), a.language(),
				a.revision(), a.text(), a.extraction(), a.topics(), a.entities(), a.wordCount(), a.fingerprint(),
				a.enrichedAt(), a.siteName(), a.leadImage(), a.languageConfidence());
	}

	private void open(String path) {
		browser.get("http://localhost:" + this.port + path);
	}

	private static WebElement hit(String id) {
		return browser.findElement(By.cssSelector("li.hit[data-id='" + id + "']"));
	}

	/** Reloads the search until the articles are indexed, then waits for them on the page. */
	private static void awaitCount(By selector, int count) {
		new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(1)).until(driver -> {
			List<WebElement> found = driver.findElements(selector);
			if (found.size() == count) {
				return true;
			}
			driver.navigate().refresh();
			return false;
		});
	}

	private static <T> T wait(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
		return new WebDriverWait(browser, Duration.ofSeconds(60)).until(condition);
	}

	private static void screenshot(String name) throws IOException {
		Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

}
