package org.jheartbeat.lrm;

import java.util.Arrays;

/** How late recurring operations started against their due time, kept for the benchmark and the log. */
public final class MonitorLateness {

    private long[] samples = new long[1024];
    private int count;

    void record(long lateNanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = Math.max(0, lateNanos);
    }

    Summary summary() {
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return new Summary(count, percentile(sorted, 50), percentile(sorted, 99), count == 0 ? 0 : sorted[count - 1]);
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** Runs counted and their lateness in nanoseconds. */
    public record Summary(int runs, long p50Nanos, long p99Nanos, long maxNanos) {
    }
}
