package org.newswire.ingest.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a feed is polled next. After a success: the feed's observed rate of new items (a feed with one
 * new item a day is polled about daily), never sooner than the feed asks ({@code ttl},
 * {@code sy:updatePeriod}, {@code Cache-Control: max-age}), within the bounds. After a failure: the
 * normal interval times one plus the weighted count of consecutive failures (hard 1, soft 0.5, DNS
 * 0.25), at least any {@code Retry-After} (capped), at most the back-off cap — never "disabled".
 * Jitter spreads feeds added together.
 */
final class PollSchedule {

	private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])(?:s-)?max-age\\s*=\\s*\"?(\\d{1,10})");

	/** Weight of the latest poll in the smoothed rate of new items. */
	private static final double SMOOTHING = 0.3;

	private final Duration minInterval;

	private final Duration maxInterval;

	private final Duration maxBackoff;

	private final Duration maxRetryAfter;

	private final double jitter;

	PollSchedule(Duration minInterval, Duration maxInterval, Duration maxBackoff, Duration maxRetryAfter,
			double jitter) {
		this.minInterval = minInterval;
		this.maxInterval = maxInterval.compareTo(minInterval) < 0 ? minInterval : maxInterval;
		this.maxBackoff = maxBackoff;
		this.maxRetryAfter = maxRetryAfter;
		this.jitter = jitter;
	}

	Duration minInterval() {
		return minInterval;
	}

	/** The smoothed rate after a poll that found {@code newItems} in {@code elapsed} since the previous one. */
	static double rate(double previousPerDay, int newItems, Duration elapsed, boolean firstPoll) {
		if (firstPoll || elapsed == null || elapsed.isZero() || elapsed.isNegative()) {
			return previousPerDay;
		}
		double days = Math.max(elapsed.toMillis() / 86_400_000.0, 1.0 / 1440);
		double observed = newItems / days;
		return previousPerDay * (1 - SMOOTHING) + observed * SMOOTHING;
	}

	/**
	 * @param minOverride per-feed lower bound, or null for the default
	 * @param maxOverride per-feed upper bound, or null for the default
	 * @param hint the feed's own refresh hint (ttl, update period, max-age), or null
	 */
	Duration afterSuccess(double newItemsPerDay, Duration hint, Duration minOverride, Duration maxOverride) {
		Duration min = minOverride != null ? minOverride : minInterval;
		Duration max = maxOverride != null ? maxOverride : maxInterval;
		if (max.compareTo(min) < 0) {
			max = min;
		}
		// a negative rate is unknown yet (no dates, no history): start at the floor and learn
		Duration interval = newItemsPerDay < 0 ? min
				: newItemsPerDay > 0 ? Duration.ofMillis((long) (86_400_000 / newItemsPerDay)) : max;
		if (hint != null && hint.compareTo(interval) > 0) {
			interval = hint;
		}
		return clamp(interval, min, max);
	}

	Duration afterFailure(Duration normalInterval, double failureWeight, Duration retryAfter) {
		Duration base = normalInterval != null ? normalInterval : minInterval;
		Duration delay = Duration.ofMillis((long) Math.min(maxBackoff.toMillis(), base.toMillis() * (1 + failureWeight)));
		if (retryAfter != null && !retryAfter.isNegative()) {
			Duration honoured = retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
			if (honoured.compareTo(delay) > 0) {
				delay = honoured;
			}
		}
		return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
	}

	Instant next(Instant now, Duration delay) {
		long millis = delay.toMillis();
		long spread = (long) (millis * jitter);
		long offset = spread > 0 ? ThreadLocalRandom.current().nextLong(-spread, spread + 1) : 0;
		return now.plusMillis(Math.max(0, millis + offset));
	}

	/** The {@code max-age} of a Cache-Control header, if any. */
	static Optional<Duration> maxAge(String cacheControl) {
		if (cacheControl == null) {
			return Optional.empty();
		}
		Matcher m = MAX_AGE.matcher(cacheControl.toLowerCase(Locale.ROOT));
		return m.find() ? Optional.of(Duration.ofSeconds(Long.parseLong(m.group(1)))) : Optional.empty();
	}

	private static Duration clamp(Duration value, Duration min, Duration max) {
		return value.compareTo(min) < 0 ? min : value.compareTo(max) > 0 ? max : value;
	}

}
