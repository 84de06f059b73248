package org.newswire.enrich.page;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageDecoderTest {

	@Test
	void trustsAByteOrderMarkFirst() {
		byte[] body = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '<', 'p', '>' };

		assertThat(PageDecoder.charset(body, Charset.forName("windows-1252"))).isEqualTo(StandardCharsets.UTF_8);
	}

	@Test
	void readsTheHttpEquivMetaForm() {
		byte[] body = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">"
			.getBytes(StandardCharsets.US_ASCII);

		assertThat(PageDecoder.charset(body, null)).isEqualTo(Charset.forName("Shift_JIS"));
	}

	@Test
	void mapsLabelsTheWayBrowsersDo() {
		assertThat(PageDecoder.byLabel("ISO-8859-1")).isEqualTo(Charset.forName("windows-1252"));
		assertThat(PageDecoder.byLabel("gb2312")).isEqualTo(Charset.forName("GBK"));
		assertThat(PageDecoder.byLabel("no-such-charset")).isNull();
	}

	@Test
	void fallsBackToWindows1252WhenClaimedUtf8IsNotUtf8() {
		byte[] body = "<p>caf\u00e9</p>".getBytes(Charset.forName("windows-1252"));

		assertThat(PageDecoder.charset(body, StandardCharsets.UTF_8)).isEqualTo(Charset.forName("windows-1252"));
	}

	@Test
	void recognisesHtmlWithoutContentType() {
		assertThat(PageFetcher.isHtml(null, "  <!DOCTYPE html><html>".getBytes(StandardCharsets.UTF_8))).isTrue();
		assertThat(PageFetcher.isHtml("", "%PDF-1.7".getBytes(StandardCharsets.UTF_8))).isFalse();
		assertThat(PageFetcher.isHtml("application/xhtml+xml", new byte[0])).isTrue();
		assertThat(PageFetcher.isHtml("text/plain", "<html>".getBytes(StandardCharsets.UTF_8))).isFalse();
	}

	@org.junit.jupiter.api.Test
	void validatesUtf8ByteByByte() {
		assertThat(PageDecoder.validUtf8("Café – 日本 😀".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isTrue();
		assertThat(PageDecoder.validUtf8(new byte[] { 'a', (byte) 0xE9, 'b' })).as("Latin-1 é").isFalse();
		assertThat(PageDecoder.validUtf8(new byte[] { 'a', (byte) 0xE2, (byte) 0x82 })).as("cut off").isFalse();
		assertThat(PageDecoder.validUtf8(new byte[] { (byte) 0xC0, (byte) 0xAF })).as("overlong").isFalse();
		assertThat(PageDecoder.validUtf8(new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 })).as("surrogate").isFalse();
	}

}
