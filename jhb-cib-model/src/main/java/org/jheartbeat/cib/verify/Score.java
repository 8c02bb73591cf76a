package org.jheartbeat.cib.verify;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Pacemaker score: an integer, {@code INFINITY} (+/-), or one of the node health colours.
 * Pacemaker clamps integers to +/-{@value #INFINITY}; {@code clamped} says this one was.
 */
public record Score(long value, boolean clamped) {

    public static final long INFINITY = 1_000_000;

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    /** The score the text means, or empty when it is not a score. */
    public static Optional<Score> parse(String text) {
        String trimmed = text.trim();
        switch (trimmed.toUpperCase(Locale.ROOT)) {
            case "INFINITY", "+INFINITY" -> {
                return Optional.of(new Score(INFINITY, false));
            }
            case "-INFINITY" -> {
                return Optional.of(new Score(-INFINITY, false));
            }
            // The health colours take their values from cluster options; their sign is what matters here.
            case "RED" -> {
                return Optional.of(new Score(-INFINITY, false));
            }
            case "YELLOW", "GREEN" -> {
                return Optional.of(new Score(0, false));
            }
            default -> {
                if (!INTEGER.matcher(trimmed).matches()) {
                    return Optional.empty();
                }
                BigInteger value = new BigInteger(trimmed);
                BigInteger limit = BigInteger.valueOf(INFINITY);
                if (value.abs().compareTo(limit) > 0) {
                    return Optional.of(new Score(value.signum() * INFINITY, true));
                }
                return Optional.of(new Score(value.longValue(), false));
            }
        }
    }

    public boolean isPlusInfinity() {
        return value == INFINITY;
    }

    public boolean isMinusInfinity() {
        return value == -INFINITY;
    }
}
