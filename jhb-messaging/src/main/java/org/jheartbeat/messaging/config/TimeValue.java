package org.jheartbeat.messaging.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A time from ha.cf: its value and, when it was written in the file, the text as written
 * ({@code cl_status hbparameter} reports written values verbatim and computed ones as
 * {@code <n>ms}).
 *
 * @param millis  the value in milliseconds, always positive
 * @param written the text from the file, or null when the value is a default or derived
 */
public record TimeValue(long millis, String written) {

    /** The accepted forms, shown in every time syntax error. */
    public static final String ACCEPTED_FORMS =
            "Write seconds as a plain number (2, 0.5, 1.5) or milliseconds with the suffix ms (200ms)";

    private static final Pattern SECONDS = Pattern.compile("\\d+(\\.\\d+)?|\\.\\d+");
    private static final Pattern MILLIS = Pattern.compile("(\\d+)ms");

    public TimeValue {
        if (millis <= 0) {
            throw new IllegalArgumentException("time must be positive: " + millis);
        }
    }

    public static TimeValue computed(long millis) {
        return new TimeValue(millis, null);
    }

    /**
     * Parses Heartbeat's time syntax. Returns null when the text is not a valid positive time,
     * so the caller can report it with file and line.
     */
    public static TimeValue parse(String text) {
        long millis;
        if (MILLIS.matcher(text).matches()) {
            millis = parseLongOrZero(text.substring(0, text.length() - 2));
        } else if (SECONDS.matcher(text).matches()) {
            BigDecimal seconds = new BigDecimal(text.startsWith(".") ? "0" + text : text);
            millis = seconds.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 1000)) > 0
                    ? 0 : seconds.movePointRight(3).longValue();
        } else {
            return null;
        }
        return millis > 0 ? new TimeValue(millis, text) : null;
    }

    private static long parseLongOrZero(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLarge) {
            return 0;
        }
    }

    public Duration duration() {
        return Duration.ofMillis(millis);
    }

    /** The value as {@code cl_status hbparameter} prints it. */
    public String asParameter() {
        return written != null ? written : millis + "ms";
    }
}
