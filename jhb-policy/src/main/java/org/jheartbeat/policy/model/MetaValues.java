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
        String v = value.trim().toLowerCase();
        try {
            if (v.startsWith("pt")) {
                return java.time.Duration.parse(v.toUpperCase()).toMillis();
            }
            if (v.startsWith("p")) {
                // Pacemaker also takes a time without its "T" ("P10S"), which java.time does not.
                String iso = v.toUpperCase();
                boolean timeOnly = v.matches("p[0-9.hs]+") || v.matches("p[0-9.]+m");
                return java.time.Duration.parse(timeOnly ? "PT" + iso.substring(1) : iso).toMillis();
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
}
