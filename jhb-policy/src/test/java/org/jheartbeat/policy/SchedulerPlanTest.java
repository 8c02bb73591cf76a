package org.jheartbeat.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.policy.actions.Action;
import org.jheartbeat.policy.actions.Transition;
import org.jheartbeat.policy.differential.FeatureCase;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.unpack.CibUnpacker;
import org.junit.jupiter.api.Test;

/** Scheduler.plan: the summary, placement and planned actions of Scheduler.schedule, without the graph. */
class SchedulerPlanTest {

    @Test
    void everyFeatureCaseHasTheSummaryAndPlacementOfTheWholeSchedule() throws Exception {
        List<FeatureCase> cases = FeatureCase.all(FeatureCase.FEATURES);
        assertThat(cases).hasSizeGreaterThan(100);
        for (FeatureCase featureCase : cases) {
            CibDocument cib = CibXml.parse(featureCase.cib());
            Transition planned = Scheduler.plan(CibUnpacker.unpack(cib, FeatureCase.NOW));
            Transition whole = Scheduler.schedule(CibUnpacker.unpack(cib, FeatureCase.NOW));

            assertThat(planned.summary()).as(featureCase.name()).isEqualTo(whole.summary());
            assertThat(placement(planned.cluster())).as(featureCase.name()).isEqualTo(placement(whole.cluster()));
            List<String> wholeActions = names(whole.actions());
            assertThat(wholeActions).as(featureCase.name()).containsAll(names(planned.actions()));
        }
    }

    private static List<String> placement(Cluster cluster) {
        List<String> placed = new ArrayList<>();
        for (Primitive p : cluster.primitives()) {
            placed.add(p.id() + "@" + (p.assignedNode() == null ? "-" : p.assignedNode().name()));
        }
        return placed;
    }

    private static List<String> names(List<Action> actions) {
        List<String> names = new ArrayList<>();
        actions.forEach(a -> names.add(a.toString()));
        return names;
    }
}
