package org.newswire.search.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newswire.search.query.InvalidSearchException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RuleDraftTest {

	private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

	private static RuleDraft draft(String query, String kind, Integer threshold, String window, String webhook) {
		return new RuleDraft("Belt and Road", query, List.of("belt-and-road"), null, null, null, kind, threshold,
				window, webhook, null);
	}

	@Test
	void buildsAMatchRuleWithAnIdAndAWebhookSecret() {
		Rule rule = draft("\"Belt and Road\" port*", null, null, null, "https://hooks.example.org/x")
			.toRule(null, List.of(), NOW);

		assertThat(rule.id()).isNotBlank();
		assertThat(rule.kind()).isEqualTo(Rule.MATCH);
		assertThat(rule.webhookSecret()).hasSize(48);
		assertThat(rule.createdAt()).isEqualTo(NOW);
		assertThat(rule.criteria().topics()).containsExactly("belt-and-road");
	}

	@Test
	void keepsIdCreationTimeSecretAndDeliveryStateOnUpdate() {
		Rule existing = draft("a", null, null, null, null).toRule(null, List.of(), NOW)
			.withWebhook(new Rule.WebhookStatus(3, 1, "boom", NOW, NOW));

		Rule updated = draft("b", "threshold", 20, "1h", null).toRule(existing, List.of(), NOW.plusSeconds(60));

		assertThat(updated.id()).isEqualTo(existing.id());
		assertThat(updated.createdAt()).isEqualTo(NOW);
		assertThat(updated.updatedAt()).isEqualTo(NOW.plusSeconds(60));
		assertThat(updated.webhookSecret()).isEqualTo(existing.webhookSecret());
		assertThat(updated.webhook().delivered()).isEqualTo(3);
		assertThat(updated.windowDuration()).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void readsWindowsInMinutesHoursAndDaysUpToAWeek() {
		assertThat(RuleDraft.parseWindow("30m")).isEqualTo(Duration.ofMinutes(30));
		assertThat(RuleDraft.parseWindow("7d")).isEqualTo(Duration.ofDays(7));
		assertThatExceptionOfType(InvalidSearchException.class).isThrownBy(() -> RuleDraft.parseWindow("8d"));
		assertThatExceptionOfType(InvalidSearchException.class).isThrownBy(() -> RuleDraft.parseWindow("0h"));
		assertThatExceptionOfType(InvalidSearchException.class).isThrownBy(() -> RuleDraft.parseWindow("1 hour"));
	}

	@Test
	void refusesThresholdSettingsOnAMatchRule() {
		assertThatExceptionOfType(InvalidSearchException.class)
			.isThrownBy(() -> draft("a", "match", 5, null, null).toRule(null, List.of(), NOW))
			.withMessage("threshold and window are only for kind threshold");
	}

	@Test
	void refusesWebhooksToInternalAddressesUnlessAllowed() {
		for (String url : List.of("http://127.0.0.1:8080/x", "http://localhost/x", "http://10.0.0.5/x",
				"http://192.168.1.1/x", "http://169.254.169.254/latest", "http://100.64.0.1/x", "http://[::1]/x",
				"http://[fd00::1]/x", "http://0.0.0.0/x")) {
			assertThatExceptionOfType(InvalidSearchException.class).as(url)
				.isThrownBy(() -> RuleDraft.checkWebhook(url, List.of()))
				.withMessageContaining("must not point at");
		}
		RuleDraft.checkWebhook("http://127.0.0.1:8080/x", List.of("127.0.0.1"));
		RuleDraft.checkWebhook("http://localhost:8080/x", List.of("localhost"));
	}

	@Test
	void refusesWebhooksThatAreNotHttp() {
		assertThatExceptionOfType(InvalidSearchException.class)
			.isThrownBy(() -> RuleDraft.checkWebhook("javascript:alert(1)", List.of()))
			.withMessageContaining("http or https");
		assertThatExceptionOfType(InvalidSearchException.class)
			.isThrownBy(() -> RuleDraft.checkWebhook("file:///etc/passwd", List.of()));
	}

}
