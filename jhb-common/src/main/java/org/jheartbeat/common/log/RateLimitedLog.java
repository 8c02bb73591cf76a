package org.jheartbeat.common.log;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.jheartbeat.common.time.Clock;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * Logs at most {@code limit} lines per key per interval, so a flood of bad packets cannot fill
 * the disk. When a window with suppressed lines is over, one line says how many were dropped:
 * {@code suppressed 42 similar messages about KEY in the last 10s}; it is written with the next
 * line for that key, or by {@link #flushExpired()} (call it from a periodic timer).
 */
public final class RateLimitedLog {

    private final Logger logger;
    private final Clock clock;
    private final int limit;
    private final long intervalNanos;
    private final Map<String, Window> windows = new HashMap<>();

    public RateLimitedLog(Logger logger, Clock clock, int limit, Duration interval) {
        if (limit < 1 || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("need limit >= 1 and a positive interval: " + limit + ", " + interval);
        }
        this.logger = logger;
        this.clock = clock;
        this.limit = limit;
        this.intervalNanos = interval.toNanos();
    }

    public boolean warn(String key, String format, Object... arguments) {
        return log(Level.WARN, key, format, arguments);
    }

    public boolean error(String key, String format, Object... arguments) {
        return log(Level.ERROR, key, format, arguments);
    }

    /** Logs (or counts) one line; returns whether it was written. */
    public synchronized boolean log(Level level, String key, String format, Object... arguments) {
        long now = clock.monotonicNanos();
        Window window = windows.get(key);
        if (window == null || now - window.start >= intervalNanos) {
            if (window != null) {
                reportSuppressed(key, window, now);
            }
            window = new Window(now, level);
            windows.put(key, window);
        }
        if (window.written >= limit) {
            window.suppressed++;
            return false;
        }
        window.written++;
        logger.atLevel(level).log(format, arguments);
        return true;
    }

    /** Reports and forgets windows that are over, so quiet keys still get their summary line. */
    public synchronized void flushExpired() {
        long now = clock.monotonicNanos();
        for (Iterator<Map.Entry<String, Window>> entries = windows.entrySet().iterator(); entries.hasNext();) {
            Map.Entry<String, Window> entry = entries.next();
            if (now - entry.getValue().start >= intervalNanos) {
                reportSuppressed(entry.getKey(), entry.getValue(), now);
                entries.remove();
            }
        }
    }

    private void reportSuppressed(String key, Window window, long now) {
        if (window.suppressed > 0) {
            logger.atLevel(window.level).log("suppressed {} similar messages about {} in the last {}",
                    window.suppressed, key, describe(Duration.ofNanos(now - window.start)));
        }
    }

    private static String describe(Duration elapsed) {
        long millis = elapsed.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /** Lines written and suppressed for one key since {@code start}. */
    private static final class Window {
        final long start;
        final Level level;
        int written;
        int suppressed;

        Window(long start, Level level) {
            this.start = start;
            this.level = level;
        }
    }
}
