package org.jheartbeat.policy.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.policy.Scheduler;
import org.jheartbeat.policy.actions.Action;
import org.jheartbeat.policy.actions.Transition;
import org.junit.jupiter.api.Test;

/**
 * The transition graph on our own small CIBs. The edges asserted are among those Pacemaker
 * 2.1.5's crm_simulate --save-dotfile draws for the same CIB (checked by hand).
 */
class TransitionGraphTest {

    private static final Path CASES = Path.of("src/test/resources/graph");

    @Test
    void freshClusterProbesEverythingAndOrdersGroupsClonesAndConstraints() throws Exception {
        Transition t = schedule("start-group-after-primitive");
        Set<String> edges = edges(t);
        assertThat(edges).contains(
                // probes come before the start, on every node
                "A_monitor_0 node1 -> A_start_0 node1",
                "A_monitor_0 node2 -> A_start_0 node1",
                // the recurring monitor after the start
                "A_start_0 node1 -> A_monitor_10000 node1",
                // rsc_order A then G: the group's start pseudo action waits for A
                "A_start_0 node1 -> G_start_0",
                // the group around its members, which start in order
                "G_start_0 -> g1_start_0 node1",
                "G_start_0 -> g2_start_0 node1",
                "g1_start_0 node1 -> g2_start_0 node1",
                "g1_start_0 node1 -> G_running_0",
                "g2_start_0 node1 -> G_running_0",
                "G_start_0 -> G_running_0",
                // an anonymous clone waits for the probes of its instances before it starts any
                "c:1_monitor_0 node1 -> C_start_0",
                "c:0_monitor_0 node2 -> C_start_0",
                "C_start_0 -> c:1_start_0 node1",
                "c:1_start_0 node1 -> C_running_0");
        assertThat(edges).doesNotContain("G_running_0 -> A_start_0 node1");
        assertThat(probes(t)).containsExactlyInAnyOrder("A node1", "A node2", "g1 node1", "g1 node2", "g2 node1",
                "g2 node2", "c:1 node1", "c:0 node2");
        assertEveryActionCanRun(t);
    }

    @Test
    void fencingComesBeforeTheStopItImpliesAndTheMove() throws Exception {
        Transition t = schedule("fence-frees-resource");
        Set<String> edges = edges(t);
        assertThat(edges).contains(
                "stonith-reboot node2 -> B_stop_0 node2",
                "stonith-reboot node2 -> B_start_0 node3",
                "B_stop_0 node2 -> B_start_0 node3");
        Action stop = find(t, "B_stop_0 node2");
        assertThat(stop.pseudo()).as("a stop on a fenced node is implied").isTrue();
        assertThat(probes(t)).as("every node that is up knows B and the device").isEmpty();
        assertEveryActionCanRun(t);
    }

    @Test
    void aNotifyingCloneIsToldBeforeAndAfterItStarts() throws Exception {
        Transition t = schedule("notifying-clone");
        assertThat(edges(t)).contains(
                "C_pre_notify_start_0 -> C_confirmed-pre_notify_start_0",
                "C_confirmed-pre_notify_start_0 -> C_start_0",
                "C_running_0 -> C_post_notify_running_0",
                "C_post_notify_running_0 -> c:1_post_notify_start_0 node1",
                "c:1_post_notify_start_0 node1 -> C_confirmed-post_notify_running_0",
                "C_post_notify_running_0 -> C_confirmed-post_notify_running_0");
        assertThat(find(t, "c:1_post_notify_start_0 node1").operation()).isEqualTo("notify");
        assertEveryActionCanRun(t);
    }

    @Test
    void aSerializeOrderWaitsForAStartThatCannotRun() throws Exception {
        Transition t = schedule("../differential/serialize-waits-for-start-that-cannot-run");
        // the start Pacemaker makes for a resource stopping for good: no node, never runs
        Action noNode = find(t, "leaving_start_0");
        assertThat(noNode.runnable()).isFalse();
        assertThat(find(t, "after-leaving_start_0 node1").graphInputs()).contains(noNode);
        assertThat(find(t, "after-blocked_start_0").graphInputs()).contains(find(t, "blocked_start_0 node2"));
        assertThat(t.actions()).noneMatch(a -> a.key().startsWith("idle_start"));
    }

    @Test
    void aRecoveryOnANodeInMaintenanceIsLeftOutButWaitedFor() throws Exception {
        Transition t = schedule("../differential/failed-on-maintenance-node-recovery-holds-what-follows");
        Action recovery = find(t, "watched:1_start_0 node2");
        assertThat(recovery.runnable()).isTrue();
        assertThat(recovery.inGraph()).isFalse();
        assertThat(find(t, "c_running_0").graphInputs()).contains(recovery);
        // maintenance cancels the monitor the node ran
        assertThat(find(t, "watched:1_monitor_10000 node2").task()).isEqualTo(Action.CANCEL);
    }

    @Test
    void aNodeShutsDownAfterItsStopsAndNotWhileOneCannotRun() throws Exception {
        Transition t = schedule("shutdown-waits-for-stops-it-can-run");
        // node3 goes once free has stopped; the unmanaged resource left running there does not hold it
        Action leaves = find(t, "do_shutdown node3");
        assertThat(leaves.inGraph()).isTrue();
        assertThat(leaves.graphInputs()).extracting(TransitionGraphTest::name).containsExactly("free_stop_0 node3");
        // node2 keeps r1, whose stop waits for r2's (blocked by its failed stop): it stays
        assertThat(edges(t)).contains("r1_stop_0 node2 -> do_shutdown node2");
        assertThat(find(t, "do_shutdown node2").runnable()).isFalse();
        assertEveryActionCanRun(t);
    }

    @Test
    void aNodeShutsDownOnlyOnceItsProbesHaveAnswered() throws Exception {
        // node2 forgot everything (a cleanup) while shutting down: what its probes find must stop first
        // (edges Pacemaker does not draw: it tells the node to go at once; ResourceSequence says why)
        Transition t = schedule("shutdown-after-cleanup");
        assertThat(find(t, "do_shutdown node2").graphInputs()).extracting(TransitionGraphTest::name)
                .containsExactlyInAnyOrder("r1_monitor_0 node2", "r2_monitor_0 node2");
        assertEveryActionCanRun(t);
    }

    @Test
    void theSummaryIsTheOneThePlannerWrote() throws Exception {
        Transition t = schedule("start-group-after-primitive");
        assertThat(t.summary()).hasSize(5);
        assertThat(t.summary()).noneMatch(line -> line.contains("monitor"));
    }

    private static Transition schedule(String name) throws Exception {
        return Scheduler.schedule(CibXml.parse(CASES.resolve(name + ".xml")), Instant.parse("2026-11-25T00:00:00Z"));
    }

    private static String name(Action a) {
        return a.node() == null ? a.key() : a.key() + " " + a.node().name();
    }

    private static Set<String> edges(Transition t) {
        Set<String> out = new HashSet<>();
        for (Action a : t.actions()) {
            for (Action before : a.after()) {
                out.add(name(before) + " -> " + name(a));
            }
        }
        return out;
    }

    private static List<String> probes(Transition t) {
        List<String> out = new ArrayList<>();
        for (Action a : t.actions()) {
            if (a.probe()) {
                out.add(a.resource().id() + " " + a.node().name());
            }
        }
        return out;
    }

    private static Action find(Transition t, String name) {
        return t.actions().stream().filter(a -> name(a).equals(name)).findFirst().orElseThrow();
    }

    /** No cycle among the runnable actions: firing whatever is ready, pass after pass, runs them all. */
    private static void assertEveryActionCanRun(Transition t) {
        Set<Action> done = new HashSet<>();
        boolean fired = true;
        while (fired) {
            fired = false;
            for (Action a : t.actions()) {
                if (a.inGraph() && !done.contains(a)
                        && done.containsAll(a.graphInputs())) {
                    done.add(a);
                    fired = true;
                }
            }
        }
        assertThat(t.actions().stream().filter(Action::inGraph).filter(a -> !done.contains(a)).map(TransitionGraphTest::name))
                .as("actions that never become ready").isEmpty();
    }
}
