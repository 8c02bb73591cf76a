package org.jheartbeat.cli.crmsimulate;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cli.ToolFailure;
import org.jheartbeat.policy.unpack.DateExpressions;

/**
 * The time the scheduler takes as now: --set-datetime, else the execution-date Pacemaker stores
 * in a saved scheduler input (pe-input files), else the clock. Rules, failure timeouts and
 * the times written into simulated history depend on it.
 */
final class ClusterTime {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'");

    private final String given;
    private final Instant set;
    private final Supplier<Instant> clock;

    private ClusterTime(String given, Instant set, Supplier<Instant> clock) {
        this.given = given;
        this.set = set;
        this.clock = clock;
    }

    /** From --set-datetime as given (null when it was not), checked now. */
    static ClusterTime of(String given, Supplier<Instant> clock) throws ToolFailure {
        if (given == null) {
            return new ClusterTime(null, null, clock);
        }
        LocalDateTime parsed = DateExpressions.parse(given);
        if (parsed == null) {
            throw new ToolFailure(ExitCodes.USAGE, "--set-datetime " + given + ": not an ISO 8601 date and time, for"
                    + " example 2024-01-31 10:00:00 or 2024-01-31T10:00:00Z. Use --help for usage information.");
        }
        return new ClusterTime(given, parsed.toInstant(ZoneOffset.UTC), clock);
    }

    Instant now(CibDocument cib) {
        if (set != null) {
            return set;
        }
        Instant recorded = executionDate(cib);
        return recorded != null ? recorded : clock.get();
    }

    /** The line that tells which time is used, as Pacemaker's says it; null when it is the clock's. */
    String announcement(CibDocument cib) {
        if (given != null) {
            return "Setting effective cluster time: " + given;
        }
        Instant recorded = executionDate(cib);
        return recorded == null ? null : "Using the original execution date of: " + SHOWN.format(recorded.atOffset(
                ZoneOffset.UTC));
    }

    /** The execution-date of a saved scheduler input (seconds since the epoch), or null. */
    static Instant executionDate(CibDocument cib) {
        String value = cib.root().getAttribute("execution-date").trim();
        if (!value.matches("\\d+")) {
            return null;
        }
        return Instant.ofEpochSecond(Long.parseLong(value));
    }
}
