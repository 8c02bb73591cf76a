package org.jheartbeat.cli.crmsimulate;

import java.util.ArrayList;
import java.util.List;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.schema.CibSchema;
import org.jheartbeat.cib.schema.SchemaError;
import org.jheartbeat.cib.upgrade.CibUpgrade;
import org.jheartbeat.cib.verify.CibVerifier;
import org.jheartbeat.cib.verify.Finding;
import org.jheartbeat.cli.ToolFailure;

/**
 * Refuses the CIBs Pacemaker's crm_simulate refuses before simulating anything: one that breaks
 * the schema (a Heartbeat 2.1 one as upgraded) or uses an id twice or names one that is not
 * there. The scheduler would otherwise guess at what such a configuration means, or fail on it.
 * {@code validate-with="none"} turns the check off, as it does in Pacemaker.
 *
 * <p>The check runs on a thread of its own while the run unpacks the same document (both only
 * read it: the DOM walks on either side go by first child and next sibling, which change
 * nothing) and schedules the cluster unpacked, and the run waits for its verdict before it
 * writes into the document or prints anything: at 10,000 resources it is about a fifth of a
 * run's work.
 */
final class CibValidity {

    private final String source;
    private final Background<List<String>> errors;

    private CibValidity(CibDocument cib, String source) {
        this.source = source;
        this.errors = Background.start("cib-validity", "the CIB to be checked", () -> errorsOf(cib, source));
    }

    /** Starts checking the CIB read from {@code source} (a file name, "stdin"...). */
    static CibValidity start(CibDocument cib, String source) {
        return new CibValidity(cib, source);
    }

    /** Waits for the check; throws when the CIB is not valid. */
    void await() throws ToolFailure {
        List<String> found = errors.await();
        if (!found.isEmpty()) {
            throw new ToolFailure(ExitCodes.CONFIG, source + " is not a valid CIB, so nothing was simulated (correct"
                    + " it; crm_verify -x FILE checks it):\n" + String.join("\n", found));
        }
    }

    private static List<String> errorsOf(CibDocument given, String source) {
        if ("none".equals(given.root().getAttribute("validate-with"))) {
            return List.of();
        }
        CibDocument cib = CibUpgrade.isLegacy(given) ? CibUpgrade.upgrade(given) : given;
        List<String> found = new ArrayList<>();
        for (SchemaError error : CibSchema.validate(cib)) {
            found.add(error.format(source));
        }
        for (Finding finding : CibVerifier.identityErrors(cib)) {
            found.add(finding.format(source));
        }
        return found;
    }
}
