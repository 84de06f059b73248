package org.newswire.ingest.poll;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.newswire.fetch.FetchException;

import static org.assertj.core.api.Assertions.assertThat;

class PollScheduleTest {

	private final PollSchedule schedule = new PollSchedule(Duration.ofMinutes(5), Duration.ofHours(24),
			Duration.ofDays(7), Duration.ofHours(24), 0.1);

	@Test
	void pollsAsOftenAsNewItemsArriveWithinBounds() {
		assertThat(schedule.afterSuccess(24, null, null, null)).isEqualTo(Duration.ofHours(1));
		assertThat(schedule.afterSuccess(10_000, null, null, null)).isEqualTo(Duration.ofMinutes(5));
		assertThat(schedule.afterSuccess(0, null, null, null)).isEqualTo(Duration.ofHours(24));
		assertThat(schedule.afterSuccess(-1, null, null, null)).as("rate unknown yet").isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void honoursTheFeedsOwnHintButNotBeyondTheCeiling() {
		assertThat(schedule.afterSuccess(24, Duration.ofHours(3), null, null)).isEqualTo(Duration.ofHours(3));
		assertThat(schedule.afterSuccess(24, Duration.ofDays(3), null, null)).isEqualTo(Duration.ofHours(24));
	}

	@Test
	void appliesPerFeedBounds() {
		assertThat(schedule.afterSuccess(10_000, null, Duration.ofMinutes(30), null)).isEqualTo(Duration.ofMinutes(30));
		assertThat(schedule.afterSuccess(0, null, null, Duration.ofHours(2))).isEqualTo(Duration.ofHours(2));
	}

	@Test
	void backsOffInProportionToWeightedFailuresUpToTheCap() {
		Duration hour = Duration.ofHours(1);
		assertThat(schedule.afterFailure(hour, 1.0, null)).isEqualTo(Duration.ofHours(2));
		assertThat(schedule.afterFailure(hour, 2.5, null)).isEqualTo(Duration.ofMinutes(210));
		assertThat(schedule.afterFailure(hour, 10_000, null)).isEqualTo(Duration.ofDays(7));
	}

	@Test
	void honoursRetryAfterCapped() {
		Duration hour = Duration.ofHours(1);
		assertThat(schedule.afterFailure(hour, 0.5, Duration.ofHours(5))).isEqualTo(Duration.ofHours(5));
		assertThat(schedule.afterFailure(hour, 0.5, Duration.ofHours(88))).isEqualTo(Duration.ofHours(24));
	}

	@Test
	void readsMaxAgeFromCacheControl() {
		assertThat(PollSchedule.maxAge("public, max-age=600")).contains(Duration.ofMinutes(10));
		assertThat(PollSchedule.maxAge("no-cache")).isEmpty();
	}

	@Test
	void smoothsTheRateOfNewItems() {
		double rate = PollSchedule.rate(0, 12, Duration.ofHours(12), false);
		assertThat(rate).isEqualTo(24 * 0.3, org.assertj.core.data.Offset.offset(0.001));
	}

	@Test
	void jittersWithinTheConfiguredFraction() {
		Instant now = Instant.parse("2026-01-01T00:00:00Z");
		for (int i = 0; i < 100; i++) {
			assertThat(schedule.next(now, Duration.ofMinutes(100))).isBetween(now.plus(Duration.ofMinutes(90)),
					now.plus(Duration.ofMinutes(110)));
		}
	}

	@Test
	void classifiesErrors() {
		assertThat(ErrorClass.of(new FetchException(FetchException.Reason.HTTP_STATUS, "gone", 410, null, null)))
			.isEqualTo(ErrorClass.HARD);
		assertThat(ErrorClass.of(new FetchException(FetchException.Reason.HTTP_STATUS, "busy", 429, null, null)))
			.isEqualTo(ErrorClass.SOFT);
		assertThat(ErrorClass.of(new FetchException(FetchException.Reason.HTTP_STATUS, "down", 503, null, null)))
			.isEqualTo(ErrorClass.SOFT);
		assertThat(ErrorClass.of(new FetchException(FetchException.Reason.TIMEOUT, "slow"))).isEqualTo(ErrorClass.SOFT);
		assertThat(ErrorClass.of(new FetchException(FetchException.Reason.DNS, "nx"))).isEqualTo(ErrorClass.TEMPORARY);
		assertThat(ErrorClass.of(new FetchException(FetchException.Reason.BLOCKED_ADDRESS, "no")))
			.isEqualTo(ErrorClass.HARD);
	}

}
