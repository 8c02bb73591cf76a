package org.jheartbeat.policy.differential;

import java.util.List;

/**
 * What one scheduler decided for a CIB: the final placement and its "Transition Summary" lines
 * (white space collapsed, sorted). {@code completed} is false when the simulated transition
 * could not run to its end (an action waits for one that cannot run): the placement is then
 * where the run stopped, not where the scheduler meant things to go.
 */
public record SchedulerOutcome(Placement placement, List<String> summary, boolean completed) {

    /** Collapses white space and sorts, so that column widths and line order do not count. */
    static List<String> normalizedSummary(List<String> lines) {
        return lines.stream().map(line -> String.join(" ", line.trim().split("\\s+"))).filter(l -> !l.isEmpty())
                .sorted().toList();
    }
}
