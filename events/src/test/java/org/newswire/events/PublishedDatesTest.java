package org.newswire.events;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedDatesTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"Sat, 07 Sep 2002 00:00:01 GMT|2002-09-07T00:00:01Z",
			"Mon, 01 Jan 2024 12:00:00 +0100|2024-01-01T11:00:00Z",
			"Tue, 01 Jan 2024 12:00:00 +0100|2024-01-01T11:00:00Z",
			"7 Sep 2002 00:00 EST|2002-09-07T05:00:00Z",
			"Sat, 7 Sept 02 13:05:00 PDT|2002-09-07T20:05:00Z",
			"Wednesday, 16 November 2022 00:38:15 +01:00|2022-11-15T23:38:15Z",
			"mer, 16 nov 2022 00:38:15 +0100|2022-11-15T23:38:15Z",
			"mar, 15 nov 2022 10:00:00 +0000|2022-11-15T10:00:00Z",
			"Sat, Dec 16 2023 02:02:33 PM|2023-12-16T14:02:33Z",
			"2020/1/10 14:33:00|2020-01-10T14:33:00Z",
			"03 Apr 02 1500 GMT|2002-04-03T15:00:00Z",
			"2008-12-04T17:17:49Z|2008-12-04T17:17:49Z",
			"2008-12-04T17:17:49.123+05:30|2008-12-04T11:47:49.123Z",
			"2008-12-04 17:17:49|2008-12-04T17:17:49Z",
			"2008-12-04T17:17|2008-12-04T17:17:00Z",
			"2008-12-04|2008-12-04T00:00:00Z",
			"20081204T171749Z|2008-12-04T17:17:49Z",
			"Sunday, 06-Nov-94 08:49:37 GMT|1994-11-06T08:49:37Z",
			"Sun Nov  6 08:49:37 1994|1994-11-06T08:49:37Z",
			"Tue, 10 Jun 2003 04:00:00 -0400 (EDT)|2003-06-10T08:00:00Z",
			"Sun, 31 Dec 2006 17:06:00 +0000 GMT|2006-12-31T17:06:00Z",
			"Di, 10. Mai 2011 12:00:00 +0200|2011-05-10T10:00:00Z",
			"October 5, 2012|2012-10-05T00:00:00Z",
			"2004-07-08 23:56:58 +0000|2004-07-08T23:56:58Z" })
	void readsRealWorldFormatsAsUtc(String value, String expected) {
		assertThat(PublishedDates.parse(value)).isEqualTo(Instant.parse(expected));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "yesterday", "not a date at all", "32 Jan 2024 10:00 GMT", "2024-13-01",
			"Sat, 07 Sep 2002 00:00:01 XYZ", "soon, maybe 2024" })
	void reportsWhatItCannotReadAsMissing(String value) {
		assertThat(PublishedDates.parse(value)).isNull();
	}

}
