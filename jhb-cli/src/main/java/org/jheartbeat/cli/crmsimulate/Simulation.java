package org.jheartbeat.cli.crmsimulate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cli.ToolFailure;
import org.jheartbeat.cli.clusterstatus.ClusterStatus;
import org.jheartbeat.cli.clusterstatus.InstanceCounts;
import org.jheartbeat.cli.clusterstatus.TextList;
import org.jheartbeat.policy.Scheduler;
import org.jheartbeat.policy.actions.Transition;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.unpack.CibUnpacker;

/**
 * One crm_simulate run on a CIB, section by section as Pacemaker prints them: the current
 * status, the requested modifications, the scores, the Transition Summary, the transition
 * carried out and the revised status. The modifications and the simulated results are written
 * into the status section of the CIB given, which the run takes over (crm_simulate parses it
 * for this run alone, and a copy of a CIB of 10,000 resources takes seconds); that is what
 * --save-output saves, and the revised status is read from it again, unless nothing was written
 * (then it is the current one: unpacking 100,000 history records again cost seconds). The writing only adds and removes history entries, never changes one
 * the scheduler's cluster read, so it does not change what was scheduled.
 *
 * <p>Quiet (-Q) leaves out the sections; the scores (-s) are printed in Pacemaker's quiet list
 * form, which then applies to the whole output.
 */
final class Simulation {

    private static final String REVISED = "Revised Cluster Status";

    private final Modifications modifications;
    private final List<OpSpec> failures;
    private final ClusterTime time;
    private final Show show;

    /**
     * What was printed, the transition when the scheduler ran, the CIB after it all, and what
     * goes to standard error (a transition that could not be carried out to its end).
     */
    record Result(String text, Transition transition, CibDocument output, List<String> errors) {
    }

    /**
     * What to show: {@code process} runs the scheduler, {@code graph} completes its transition
     * graph (to save it; carrying the transition out needs it too), {@code simulate} carries the
     * transition out.
     */
    record Show(boolean process, boolean graph, boolean simulate, boolean scores, boolean quiet,
                boolean nodeAttributes) {
    }

    Simulation(Modifications modifications, List<OpSpec> failures, ClusterTime time, Show show) {
        this.modifications = modifications;
        this.failures = failures;
        this.time = time;
        this.show = show;
    }

    /**
     * Runs on the CIB, once {@code validity} has passed it: checked while it is unpacked and
     * scheduled, and waited for before anything is written into it or printed.
     */
    Result run(CibDocument input, CibValidity validity) throws ToolFailure {
        Instant now = time.now(input);
        TextList out = new TextList(show.scores());
        TextList sections = show.quiet() ? new TextList(true) : out;
        String announcement = time.announcement(input);
        if (announcement != null && !show.scores()) {
            out.line(announcement);
        }
        Cluster current = checked(validity, () -> CibUnpacker.unpack(input, now));
        String warning = InstanceCounts.of(current).warning();
        if (warning != null && !show.quiet()) {
            out.line(warning);
            out.blank();
        }
        new ClusterStatus(current, show.nodeAttributes()).print("Current cluster status", sections);
        // The revised status when the run changes nothing, made before scheduling changes the cluster.
        TextList unchanged = new TextList(sections.quiet());
        if (show.process() && show.simulate()) {
            new ClusterStatus(current, show.nodeAttributes()).print(REVISED, unchanged);
        }

        StatusEditor status = new StatusEditor(input.dom(), now.getEpochSecond());
        if (modifications.any()) {
            validity.await(); // the modifications write into the document the check reads
            List<String> lines = modifications.apply(current, status);
            section(sections, "Performing Requested Modifications", lines);
        }
        Transition transition = null;
        if (show.process()) {
            Cluster scheduled = modifications.any() ? CibUnpacker.unpack(input, now) : current;
            // the scheduler reads the cluster unpacked before, not the document: the check may go on meanwhile
            transition = checked(validity, () -> show.graph() || show.simulate() ? Scheduler.schedule(scheduled)
                    : Scheduler.plan(scheduled));
        }
        validity.await();
        List<String> errors = new ArrayList<>();
        if (transition != null) {
            if (show.scores()) {
                out.spacer();
                new ScoreLines(transition.cluster()).print(out);
            }
            section(sections, "Transition Summary", transition.summary());
            if (show.simulate()) {
                sections.spacer();
                sections.begin("Executing Cluster Transition");
                if (!new TransitionRun(transition, status, failures).run(sections)) {
                    errors.add("Transition failed: terminated");
                    errors.add("An invalid transition was produced");
                }
                sections.end();
                sections.spacer();
                if (status.changed()) {
                    new ClusterStatus(CibUnpacker.unpack(input, now), show.nodeAttributes()).print(REVISED, sections);
                } else {
                    sections.append(unchanged);
                }
            }
        }
        return new Result(out.text(), transition, input, errors);
    }

    /**
     * A step of the run on a CIB the check may not have passed yet: what it cannot handle is
     * said better by the check, when the check finds it, so a failure waits for the verdict.
     */
    private static <T> T checked(CibValidity validity, Supplier<T> step) throws ToolFailure {
        try {
            return step.get();
        } catch (RuntimeException e) {
            validity.await();
            throw e;
        }
    }

    private static void section(TextList out, String title, List<String> items) {
        out.spacer();
        out.begin(title);
        items.forEach(out::item);
        out.end();
    }
}
