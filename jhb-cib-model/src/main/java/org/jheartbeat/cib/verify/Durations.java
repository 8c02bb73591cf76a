package org.jheartbeat.cib.verify;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pacemaker's interval and timeout syntax: a whole number with an optional unit ({@code 30},
 * {@code 10s}, {@code 1m}, {@code 2h}, {@code 500ms}; plain numbers are seconds) or an ISO 8601
 * duration ({@code PT1M}, {@code P1DT2H}).
 */
public final class Durations {

    private static final Pattern WITH_UNIT = Pattern.compile("\\s*(\\d+)\\s*([a-z]*)\\s*");
    private static final Pattern ISO8601 = Pattern.compile(
            "P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?");
    private static final Map<String, Long> UNIT_MILLIS = Map.ofEntries(
            Map.entry("", 1000L), Map.entry("s", 1000L), Map.entry("sec", 1000L),
            Map.entry("ms", 1L), Map.entry("msec", 1L), Map.entry("us", 0L), Map.entry("usec", 0L),
            Map.entry("m", 60_000L), Map.entry("min", 60_000L), Map.entry("h", 3_600_000L), Map.entry("hr", 3_600_000L));
    /** ISO 8601 field lengths as Pacemaker counts them (a year of 365 days, a month of 30). */
    private static final long[] ISO_FIELD_MILLIS = {
            365L * 86_400_000, 30L * 86_400_000, 7L * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000};

    private Durations() {
    }

    /** The duration in milliseconds, or empty when the text is not a duration. */
    public static OptionalLong parseMillis(String text) {
        if (text.startsWith("P")) {
            return parseIso8601(text);
        }
        Matcher matcher = WITH_UNIT.matcher(text.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return OptionalLong.empty();
        }
        Long unit = UNIT_MILLIS.get(matcher.group(2));
        if (unit == null) {
            return OptionalLong.empty();
        }
        try {
            long amount = Long.parseLong(matcher.group(1));
            return OptionalLong.of(unit == 0 ? amount / 1000 : Math.multiplyExact(amount, unit));
        } catch (ArithmeticException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static OptionalLong parseIso8601(String text) {
        Matcher matcher = ISO8601.matcher(text);
        if (!matcher.matches() || text.equals("P") || text.endsWith("T")) {
            return OptionalLong.empty();
        }
        long total = 0;
        try {
            for (int field = 0; field < ISO_FIELD_MILLIS.length; field++) {
                String amount = matcher.group(field + 1);
                if (amount != null) {
                    total = Math.addExact(total, Math.multiplyExact(Long.parseLong(amount), ISO_FIELD_MILLIS[field]));
                }
            }
        } catch (ArithmeticException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(total);
    }
}
