package org.jheartbeat.policy.model;

import org.jheartbeat.policy.Score;

/** Reading meta-attribute and option values the way Pacemaker is lenient about them. */
public final class MetaValues {

    private MetaValues() {
    }

    public static boolean bool(String value, boolean otherwise) {
        if (value == null) {
            return otherwise;
        }
        return switch (value.trim().toLowerCase()) {
            case "true", "on", "yes", "y", "1" -> true;
            case "false", "off", "no", "n", "0" -> false;
            default -> otherwise;
        };
    }

    public static int integer(String value, int otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        if (Score.isScore(value)) {
            return Score.parse(value);
        }
        return otherwise;
    }

    public static int score(String value, int otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        return Score.parse(value);
    }

    /** An interval or timeout ("10s", "1min", "PT5M", "500ms", plain seconds) in milliseconds. */
    public static long millis(String value, long otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        long plain = plainMillis(value);
        if (plain >= 0) {
            return plain;
        }
        String v = value.trim().toLowerCase();
        try {
            if (v.startsWith("p")) {
                return isoDuration(v, otherwise);
            }
            int i = 0;
            while (i < v.length() && (Character.isDigit(v.charAt(i)) || v.charAt(i) == '.')) {
                i++;
            }
            double n = Double.parseDouble(v.substring(0, i));
            String unit = v.substring(i).trim();
            double factor = switch (unit) {
                case "", "s", "sec", "secs", "second", "seconds" -> 1000;
                case "ms", "msec", "msecs" -> 1;
                case "us", "usec", "usecs" -> 0.001;
                case "m", "min", "mins", "minute", "minutes" -> 60_000;
                case "h", "hr", "hrs", "hour", "hours" -> 3_600_000;
                default -> -1;
            };
            return factor < 0 ? otherwise : (long) (n * factor);
        } catch (RuntimeException e) {
            return otherwise;
        }
    }

    /**
     * The common form, up to nine digits and "", "s", "ms", "min" or "h" with nothing around
     * them ("0", "10s", "20000"), read without making strings: every operation's interval and
     * timeout, 60,000 at 10,000 resources. -1 for any other form. The same value as the general
     * reading: a whole number below 10^9 times these factors is exact in a double.
     */
    private static long plainMillis(String value) {
        int digits = 0;
        long n = 0;
        while (digits < value.length() && digits < 10 && value.charAt(digits) >= '0' && value.charAt(digits) <= '9') {
            n = n * 10 + (value.charAt(digits) - '0');
            digits++;
        }
        if (digits == 0 || digits > 9) {
            return -1;
        }
        if (digits == value.length() || isUnit(value, digits, "s")) {
            return n * 1000;
        }
        if (isUnit(value, digits, "ms")) {
            return n;
        }
        if (isUnit(value, digits, "min")) {
            return n * 60_000;
        }
        return isUnit(value, digits, "h") ? n * 3_600_000 : -1;
    }

    private static boolean isUnit(String value, int from, String unit) {
        return value.length() - from == unit.length() && value.startsWith(unit, from);
    }

    /**
     * An ISO 8601 duration such as "PT30S", "P1DT2H" or Pacemaker's lenient "P30S" (hours and
     * seconds before the T are taken as time; "M" is months before the T, minutes after it).
     */
    private static long isoDuration(String v, long otherwise) {
        if (v.length() < 3) {
            return otherwise;
        }
        long ms = 0;
        boolean time = false;
        int i = 1;
        while (i < v.length()) {
            if (v.charAt(i) == 't') {
                time = true;
                i++;
                continue;
            }
            int start = i;
            while (i < v.length() && (Character.isDigit(v.charAt(i)) || v.charAt(i) == '.')) {
                i++;
            }
            if (start == i || i == v.length()) {
                return otherwise;
            }
            double n = Double.parseDouble(v.substring(start, i));
            long unit = switch (v.charAt(i)) {
                case 'y' -> 365L * 86_400_000;
                case 'm' -> time ? 60_000 : 30L * 86_400_000;
                case 'w' -> 7L * 86_400_000;
                case 'd' -> 86_400_000;
                case 'h' -> 3_600_000;
                case 's' -> 1000;
                default -> -1;
            };
            if (unit < 0) {
                return otherwise;
            }
            ms += (long) (n * unit);
            i++;
        }
        return ms;
    }
}
