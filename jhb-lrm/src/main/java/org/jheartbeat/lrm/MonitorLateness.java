package org.jheartbeat.lrm;

import java.util.Arrays;

/**
 * How late recurring operations started against their due time: the latest 65,536 runs, so a
 * daemon that runs for months keeps a bounded record.
 */
public final class MonitorLateness {

    private static final int KEPT = 1 << 16;

    private final long[] samples = new long[KEPT];
    private long recorded;

    void record(long lateNanos) {
        samples[(int) (recorded++ % KEPT)] = Math.max(0, lateNanos);
    }

    void reset() {
        recorded = 0;
    }

    Summary summary() {
        int count = (int) Math.min(recorded, KEPT);
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return new Summary(recorded, percentile(sorted, 50), percentile(sorted, 99), count == 0 ? 0 : sorted[count - 1]);
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** Runs counted, and the lateness of the latest ones in nanoseconds. */
    public record Summary(long runs, long p50Nanos, long p99Nanos, long maxNanos) {
    }
}
