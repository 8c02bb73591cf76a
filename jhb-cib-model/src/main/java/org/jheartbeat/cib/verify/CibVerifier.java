package org.jheartbeat.cib.verify;

import java.util.Comparator;
import java.util.List;
import org.jheartbeat.cib.model.CibDocument;

/**
 * The checks of meaning {@code crm_verify} makes beyond the schema, on a CIB in the current
 * Pacemaker form: ids, references to resources and nodes, agents and their parameters, operation
 * timings, scores, contradictions, loops and how resources nest. Pure: agents are looked up
 * through the given catalog.
 */
public final class CibVerifier {

    private static final Comparator<Finding> BY_LINE =
            Comparator.comparingInt(Finding::line).thenComparing(Finding::severity);

    private CibVerifier() {
    }

    /** Every finding, in the order of the lines they are about. */
    public static List<Finding> verify(CibDocument doc, AgentCatalog agents) {
        ConfigurationIndex config = new ConfigurationIndex(doc);
        Findings findings = new Findings();
        List<Check> checks = List.of(new DuplicateIdCheck(), new ReferenceCheck(), new NodeReferenceCheck(),
                new AgentCheck(agents), new ResourceNestingCheck(), new OperationTimingCheck(), new ScoreCheck(),
                new ContradictionCheck(), new ConstraintLoopCheck());
        for (Check check : checks) {
            check.run(config, findings);
        }
        return findings.all().stream().sorted(BY_LINE).toList();
    }
}
