package org.jheartbeat.policy.differential;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jheartbeat.cib.model.CibParseException;

/**
 * Pacemaker's and our outcome for one CIB. {@code oursError} is set (and {@code ours} null)
 * when our scheduler threw instead of answering.
 */
public record Comparison(String name, SchedulerOutcome pacemaker, SchedulerOutcome ours, Throwable oursError) {

    /** Runs both schedulers on one CIB file at the time {@code now}; the name only labels it in reports. */
    public static Comparison run(String name, Path cib, Instant now) throws IOException, CibParseException {
        SchedulerOutcome pacemaker = PacemakerSimulator.run(cib, now);
        try {
            return new Comparison(name, pacemaker, OurScheduler.run(cib, now), null);
        } catch (RuntimeException | StackOverflowError e) {
            return new Comparison(name, pacemaker, null, e);
        }
    }

    public boolean samePlacement() {
        return ours != null && placementDifferences().isEmpty();
    }

    public boolean sameSummary() {
        return ours != null && ours.summary().equals(pacemaker.summary());
    }

    public List<PlacementDifference> placementDifferences() {
        return ours == null ? List.of() : ours.placement().differences(pacemaker.placement());
    }

    public List<String> summaryOnlyOurs() {
        return minus(ours == null ? List.of() : ours.summary(), pacemaker.summary());
    }

    public List<String> summaryOnlyPacemaker() {
        return minus(pacemaker.summary(), ours == null ? List.of() : ours.summary());
    }

    private static List<String> minus(List<String> from, List<String> remove) {
        List<String> rest = new ArrayList<>(from);
        remove.forEach(rest::remove);
        return rest;
    }

    /**
     * The kinds of difference this case shows: one per placement difference kind and per summary
     * verb; marked when Pacemaker's simulated transition stopped before its end.
     */
    public Set<String> placementCategories() {
        Set<String> categories = new LinkedHashSet<>();
        if (oursError != null) {
            categories.add("ours throws " + oursError.getClass().getSimpleName());
        }
        String mark = pacemaker.completed() ? "" : " (Pacemaker's transition incomplete)";
        placementDifferences().forEach(d -> categories.add(d.category() + mark));
        return categories;
    }

    public Set<String> summaryCategories() {
        Set<String> categories = new LinkedHashSet<>();
        if (oursError != null) {
            categories.add("ours throws " + oursError.getClass().getSimpleName());
        }
        summaryOnlyPacemaker().forEach(line -> categories.add("only Pacemaker: " + verb(line)));
        summaryOnlyOurs().forEach(line -> categories.add("only ours: " + verb(line)));
        return categories;
    }

    /** "Move", "Fence", "Start (blocked)", "Restart due to required R start": resource names left out. */
    private static String verb(String line) {
        String verb = line.split(" ", 2)[0];
        if (line.contains("(blocked)")) {
            verb += " (blocked)";
        } else if (line.contains(" due to ")) {
            String reason = line.substring(line.indexOf(" due to ") + 8);
            verb += " due to " + reason.replaceAll("[\\w:-]*\\d[\\w:-]*", "R");
        }
        return verb;
    }

    /** What differs, for a failure message: placement first, then summary lines. */
    public String describe() {
        StringBuilder out = new StringBuilder(name).append(":\n");
        if (oursError != null) {
            out.append("  our scheduler threw ").append(oursError).append('\n');
            return out.toString();
        }
        placementDifferences().forEach(d -> out.append("  placement ").append(d).append('\n'));
        summaryOnlyPacemaker().forEach(l -> out.append("  summary only Pacemaker: ").append(l).append('\n'));
        summaryOnlyOurs().forEach(l -> out.append("  summary only ours:      ").append(l).append('\n'));
        return out.toString();
    }
}
