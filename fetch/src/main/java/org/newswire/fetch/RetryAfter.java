package org.newswire.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a Retry-After header: delay seconds or an HTTP date. */
final class RetryAfter {

	private RetryAfter() {
	}

	static Duration parse(String value, Instant now) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		try {
			long seconds = Long.parseLong(trimmed);
			return seconds < 0 ? null : Duration.ofSeconds(seconds);
		}
		catch (NumberFormatException ex) {
			// not a number: try the date form
		}
		try {
			Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration delay = Duration.between(now, at);
			return delay.isNegative() ? Duration.ZERO : delay;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
