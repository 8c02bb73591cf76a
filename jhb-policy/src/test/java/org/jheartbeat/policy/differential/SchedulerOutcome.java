package org.jheartbeat.policy.differential;

import java.util.List;

/** What one scheduler decided for a CIB: the final placement and its "Transition Summary" lines (white space collapsed, sorted). */
public record SchedulerOutcome(Placement placement, List<String> summary) {

    /** Collapses white space and sorts, so that column widths and line order do not count. */
    static List<String> normalizedSummary(List<String> lines) {
        return lines.stream().map(line -> String.join(" ", line.trim().split("\\s+"))).filter(l -> !l.isEmpty())
                .sorted().toList();
    }
}
