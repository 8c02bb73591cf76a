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
        return run(doc, List.of(new DuplicateIdCheck(), new ReferenceCheck(), new NodeReferenceCheck(),
                new AgentCheck(agents), new ResourceNestingCheck(), new OperationTimingCheck(), new ScoreCheck(),
                new InfluenceCheck(), new ContradictionCheck(), new ConstraintLoopCheck()));
    }

    /**
     * Only what Pacemaker's schema itself refuses beyond the shape of the elements: an id used
     * twice, and a name that leads nowhere (a constraint's resource, a resource_ref, a template,
     * an id-ref). Every tool that reads a CIB refuses these, not only crm_verify.
     */
    public static List<Finding> identityErrors(CibDocument doc) {
        return run(doc, List.of(new DuplicateIdCheck(), new ReferenceCheck()));
    }

    private static List<Finding> run(CibDocument doc, List<Check> checks) {
        ConfigurationIndex config = new ConfigurationIndex(doc);
        Findings findings = new Findings();
        for (Check check : checks) {
            check.run(config, findings);
        }
        return findings.all().stream().sorted(BY_LINE).toList();
    }
}
