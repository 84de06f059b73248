package org.newswire.search.alert;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

	@Test
	void signsTheBodyWithHmacSha256InHex() {
		// RFC 4231 test case 2
		String signature = WebhookDispatcher.signature("Jefe",
				"what do ya want for nothing?".getBytes(StandardCharsets.UTF_8));

		assertThat(signature)
			.isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	}

	@Test
	void linksOnlyHttpArticlesInTheAtomFeed() {
		assertThat(AlertFeed.httpLink("https://news.example/a")).isTrue();
		assertThat(AlertFeed.httpLink("javascript:alert(1)")).isFalse();
		assertThat(AlertFeed.httpLink("data:text/html,x")).isFalse();
		assertThat(AlertFeed.httpLink(null)).isFalse();
	}

}
