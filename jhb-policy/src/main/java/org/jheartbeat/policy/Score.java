package org.jheartbeat.policy;

/**
 * Pacemaker's score arithmetic: integers saturating at ±1,000,000 (INFINITY), where -INFINITY
 * wins over +INFINITY, so a ban can never be outvoted.
 */
public final class Score {

    public static final int INFINITY = 1_000_000;

    private Score() {
    }

    public static int add(int a, int b) {
        if (a <= -INFINITY || b <= -INFINITY) {
            return -INFINITY;
        }
        if (a >= INFINITY || b >= INFINITY) {
            return INFINITY;
        }
        return clamp((long) a + b);
    }

    public static int clamp(long value) {
        return (int) Math.max(-INFINITY, Math.min(INFINITY, value));
    }

    /** Parses a score as the CIB writes it; {@code null} or blank is 0, garbage is 0 as in Pacemaker. */
    public static int parse(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        String t = text.trim();
        switch (t.toLowerCase()) {
            case "infinity", "+infinity", "inf", "+inf":
                return INFINITY;
            case "-infinity", "-inf":
                return -INFINITY;
            default:
                break;
        }
        try {
            return clamp(Long.parseLong(t.startsWith("+") ? t.substring(1) : t));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** True when the text is a score at all (used to tell "score" from "score-attribute"). */
    public static boolean isScore(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String t = text.trim().toLowerCase();
        int start = t.startsWith("+") || t.startsWith("-") ? 1 : 0;
        String body = t.substring(start);
        if (body.equals("infinity") || body.equals("inf")) {
            return true;
        }
        if (body.isEmpty()) {
            return false;
        }
        for (int i = 0; i < body.length(); i++) {
            if (!Character.isDigit(body.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    public static String format(int score) {
        if (score >= INFINITY) {
            return "INFINITY";
        }
        if (score <= -INFINITY) {
            return "-INFINITY";
        }
        return Integer.toString(score);
    }
}
