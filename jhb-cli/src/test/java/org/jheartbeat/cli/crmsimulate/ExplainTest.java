package org.jheartbeat.cli.crmsimulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jheartbeat.cli.crmsimulate.SimulateRun.cib;
import static org.jheartbeat.cli.crmsimulate.SimulateRun.run;

import org.junit.jupiter.api.Test;

/** --explain: why a resource is where it is (explain.xml: b prefers node1 by 50 and must not be with a). */
class ExplainTest {

    @Test
    void namesTheDecisionTheScoresAndWhatMadeThem() {
        SimulateRun run = run("-x", cib("explain.xml").toString(), "--explain", "b");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Explanation for b:\n"
                + "  * b (ocf:pacemaker:Dummy): started on node1 (was stopped)\n"
                + "    node1: 50  (location l1: 50; chosen)\n"
                + "    node2: -INFINITY\n"
                + "    placed with a by c1, score -INFINITY\n");
    }

    @Test
    void thePrimaryShowsWhoWantsToBeWithIt() {
        SimulateRun run = run("-x", cib("explain.xml").toString(), "--explain", "a");

        assertThat(run.out()).contains("  * a (ocf:pacemaker:Dummy): started on node2 (was started on node1)\n")
                .contains("    b wants to be with it (c1, score -INFINITY)\n");
    }

    @Test
    void anUnknownResourceIsNamedWithExit105() {
        SimulateRun run = run("-x", cib("explain.xml").toString(), "--explain", "nosuch");

        assertThat(run.exitCode()).isEqualTo(105);
        assertThat(run.err()).contains("--explain nosuch: no such resource in this CIB");
    }
}
