package org.newswire.events;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the publication dates feeds and pages really carry: ISO 8601 / RFC 3339 (with or without zone, date only, space
 * instead of {@code T}), RFC 822 / 1123 and their variants (no weekday, a wrong weekday, two-digit
 * years, full month names, missing seconds, {@code 1500} for 15:00, named zones), month-first forms
 * ({@code Sat, Dec 16 2023 02:02:33 PM}) and {@code 2020/1/10 14:33:00}. A value without zone is read
 * as UTC. Anything else is null: a date is never invented.
 */
public final class PublishedDates {

	private static final Pattern ISO = Pattern.compile(
			"(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?\\s*(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?");

	private static final Pattern SLASHED = Pattern.compile(
			"(\\d{4})/(\\d{1,2})/(\\d{1,2})(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?(?:\\s*(Z|UTC|GMT|[+-]\\d{2}:?\\d{2}))?");

	private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:T?(\\d{2})(\\d{2})(\\d{2})?)?(Z)?");

	private static final Pattern TIME = Pattern
		.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?(?:\\s*([AaPp])\\.?[Mm]\\.?)?");

	private static final Pattern OFFSET = Pattern.compile("(?:GMT|UTC|UT)?([+-])(\\d{1,2}):?(\\d{2})?");

	/** Month names and abbreviations in the languages feeds are written in, accents removed. */
	private static final Map<String, Integer> MONTHS = months();

	/** Standard offsets of the zone names seen in feeds, in minutes east of UTC. */
	private static final Map<String, Integer> ZONES = Map.ofEntries(Map.entry("Z", 0), Map.entry("UT", 0),
			Map.entry("UTC", 0), Map.entry("GMT", 0), Map.entry("WET", 0), Map.entry("BST", 60),
			Map.entry("IST", 330), Map.entry("CET", 60), Map.entry("MET", 60), Map.entry("CEST", 120),
			Map.entry("MEST", 120), Map.entry("EET", 120), Map.entry("EEST", 180), Map.entry("MSK", 180),
			Map.entry("EST", -300), Map.entry("EDT", -240), Map.entry("CST", -360), Map.entry("CDT", -300),
			Map.entry("MST", -420), Map.entry("MDT", -360), Map.entry("PST", -480), Map.entry("PDT", -420),
			Map.entry("AKST", -540), Map.entry("AKDT", -480), Map.entry("HST", -600), Map.entry("JST", 540),
			Map.entry("KST", 540), Map.entry("HKT", 480), Map.entry("SGT", 480), Map.entry("AEST", 600),
			Map.entry("AEDT", 660), Map.entry("ACST", 570), Map.entry("AWST", 480), Map.entry("NZST", 720),
			Map.entry("NZDT", 780), Map.entry("A", 60), Map.entry("M", 720), Map.entry("N", -60),
			Map.entry("Y", -720));

	private static final Pattern DASHED = Pattern.compile("\\b(\\d{1,2})-(\\p{L}{3,9})-(\\d{2,4})\\b");

	private static final Pattern DOTTED_NUMBER = Pattern.compile("\\b(\\d{1,2})\\.(?=\\s)");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final Pattern LETTERS = Pattern.compile("\\p{L}+");

	private static final Pattern MARKS = Pattern.compile("\\p{M}");

	private static final Pattern UPPER_WORD = Pattern.compile("[A-Z]{2,5}");

	private static final Pattern ONE_OR_TWO_DIGITS = Pattern.compile("\\d{1,2}");

	private static final Pattern TWO_DIGITS = Pattern.compile("\\d{2}");

	private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");

	private PublishedDates() {
	}

	/** @return the instant, or null when the value is missing or not a date this reader is sure about */
	public static Instant parse(String value) {
		if (value == null) {
			return null;
		}
		String text = WHITESPACE.matcher(value.replace('\u00A0', ' ').strip()).replaceAll(" ");
		if (text.isEmpty() || text.length() > 100) {
			return null;
		}
		try {
			Instant instant = iso(text);
			if (instant == null) {
				instant = slashed(text);
			}
			if (instant == null) {
				instant = compact(text);
			}
			if (instant == null) {
				instant = written(text);
			}
			return plausible(instant) ? instant : null;
		}
		catch (DateTimeException | NumberFormatException ex) {
			return null;
		}
	}

	private static boolean plausible(Instant instant) {
		return instant != null && instant.isAfter(Instant.parse("1970-01-01T00:00:00Z"))
				&& instant.isBefore(Instant.parse("2200-01-01T00:00:00Z"));
	}

	private static Instant iso(String text) {
		Matcher m = ISO.matcher(text);
		if (!m.matches()) {
			return null;
		}
		LocalDateTime local = LocalDate.of(num(m.group(1)), num(m.group(2)), num(m.group(3))).atStartOfDay();
		if (m.group(4) != null) {
			local = local.withHour(num(m.group(4))).withMinute(num(m.group(5)));
			if (m.group(6) != null) {
				local = local.withSecond(num(m.group(6)));
			}
			if (m.group(7) != null) {
				String fraction = (m.group(7) + "000000000").substring(0, 9);
				local = local.withNano(Integer.parseInt(fraction));
			}
		}
		return local.toInstant(offset(m.group(8)));
	}

	private static Instant slashed(String text) {
		Matcher m = SLASHED.matcher(text);
		if (!m.matches()) {
			return null;
		}
		return dayAndTime(m).toInstant(offset(m.group(7)));
	}

	private static Instant compact(String text) {
		Matcher m = COMPACT.matcher(text);
		if (!m.matches()) {
			return null;
		}
		return dayAndTime(m).toInstant(ZoneOffset.UTC);
	}

	/** Year, month, day and optional hour, minute and second in groups 1 to 6. */
	private static LocalDateTime dayAndTime(Matcher m) {
		LocalDateTime local = LocalDate.of(num(m.group(1)), num(m.group(2)), num(m.group(3))).atStartOfDay();
		if (m.group(4) != null) {
			local = local.withHour(num(m.group(4))).withMinute(num(m.group(5)))
				.withSecond(m.group(6) == null ? 0 : num(m.group(6)));
		}
		return local;
	}

	/** RFC 822 and its relatives: tokens in any reasonable order, the weekday ignored. */
	private static Instant written(String text) {
		// RFC 850 "06-Nov-94", and "10. Mai 2011"
		String rest = DASHED.matcher(text.replace(',', ' ')).replaceAll("$1 $2 $3");
		rest = DOTTED_NUMBER.matcher(rest).replaceAll("$1 ");
		int hour = 0;
		int minute = 0;
		int second = 0;
		Matcher time = TIME.matcher(rest);
		boolean hasTime = false;
		if (time.find()) {
			hasTime = true;
			hour = num(time.group(1));
			minute = num(time.group(2));
			second = time.group(3) == null ? 0 : num(time.group(3));
			if (time.group(4) != null) {
				boolean pm = Character.toLowerCase(time.group(4).charAt(0)) == 'p';
				if (hour > 12 || hour == 0) {
					return null;
				}
				hour = hour % 12 + (pm ? 12 : 0);
			}
			rest = rest.substring(0, time.start()) + " " + rest.substring(time.end());
		}
		Integer month = null;
		Integer day = null;
		Integer year = null;
		ZoneOffset zone = null;
		for (String token : rest.strip().split(" ")) {
			if (token.isEmpty()) {
				continue;
			}
			String lower = Normalizer.normalize(token.toLowerCase(Locale.ROOT).replace(".", ""), Normalizer.Form.NFD);
			lower = MARKS.matcher(lower).replaceAll("");
			if (MONTHS.containsKey(lower)) {
				// the last one wins: a weekday abbreviation can look like a month (Italian "mar", martedi)
				month = MONTHS.get(lower);
			}
			else if (LETTERS.matcher(lower).matches() && !(hasTime && UPPER_WORD.matcher(token).matches())) {
				// a weekday (often wrong, never needed) or a filler word ("de", "um", "at")
			}
			else if (ONE_OR_TWO_DIGITS.matcher(token).matches() && day == null) {
				day = num(token);
			}
			else if (FOUR_DIGITS.matcher(token).matches() && year == null) {
				year = num(token);
			}
			else if (FOUR_DIGITS.matcher(token).matches() && !hasTime) {
				hour = num(token.substring(0, 2));
				minute = num(token.substring(2));
				hasTime = true;
			}
			else if (TWO_DIGITS.matcher(token).matches() && year == null) {
				int y = num(token);
				year = y < 50 ? 2000 + y : 1900 + y;
			}
			else if (zone(token) != null) {
				// the first zone counts; a repeated one ("+0000 GMT", "-0400 (EDT)") is a comment
				zone = zone == null ? zone(token) : zone;
			}
			else {
				// an unknown zone or a token this reader does not understand: no date rather than a wrong one
				return null;
			}
		}
		if (month == null || day == null || year == null) {
			return null;
		}
		return LocalDateTime.of(year, month, day, hour, minute, second)
			.toInstant(zone == null ? ZoneOffset.UTC : zone);
	}

	private static ZoneOffset zone(String token) {
		String upper = token.toUpperCase(Locale.ROOT).replace("(", "").replace(")", "");
		Integer minutes = ZONES.get(upper);
		if (minutes != null) {
			return ZoneOffset.ofTotalSeconds(minutes * 60);
		}
		Matcher m = OFFSET.matcher(upper);
		if (m.matches()) {
			int h = num(m.group(2));
			int min = m.group(3) == null ? 0 : num(m.group(3));
			int total = (h * 60 + min) * ("-".equals(m.group(1)) ? -1 : 1);
			return ZoneOffset.ofTotalSeconds(total * 60);
		}
		return null;
	}

	private static ZoneOffset offset(String zone) {
		if (zone == null) {
			return ZoneOffset.UTC;
		}
		ZoneOffset offset = zone(zone);
		if (offset == null) {
			throw new DateTimeException("unknown zone " + zone);
		}
		return offset;
	}

	private static Map<String, Integer> months() {
		String[][] names = {
				{ "jan", "january", "janv", "janvier", "januar", "ene", "enero", "gen", "gennaio", "janeiro", "januari", "jaen" },
				{ "feb", "february", "fev", "fevr", "fevrier", "februar", "febrero", "febbraio", "fevereiro", "februari" },
				{ "mar", "march", "mars", "marz", "maerz", "mrz", "marzo", "marco", "maart" },
				{ "apr", "april", "avr", "avril", "abr", "abril", "aprile" },
				{ "may", "mai", "mayo", "mag", "maggio", "maio", "mei" },
				{ "jun", "june", "juin", "juni", "junio", "giu", "giugno", "junho" },
				{ "jul", "july", "juil", "juillet", "juli", "julio", "lug", "luglio", "julho" },
				{ "aug", "august", "aout", "ago", "agosto", "augustus" },
				{ "sep", "sept", "september", "septembre", "septiembre", "set", "settembre", "setembro" },
				{ "oct", "october", "octobre", "okt", "oktober", "octubre", "ott", "ottobre", "out", "outubro" },
				{ "nov", "november", "novembre", "noviembre", "novembro" },
				{ "dec", "december", "decembre", "dez", "dezember", "dic", "diciembre", "dicembre", "dezembro" } };
		Map<String, Integer> months = new HashMap<>();
		for (int i = 0; i < names.length; i++) {
			for (String name : names[i]) {
				months.put(name, i + 1);
			}
		}
		return Map.copyOf(months);
	}

	private static int num(String digits) {
		return Integer.parseInt(digits);
	}

}
