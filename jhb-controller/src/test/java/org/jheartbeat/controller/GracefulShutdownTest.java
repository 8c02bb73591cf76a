package org.jheartbeat.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.jheartbeat.cib.request.CibRequest;
import org.junit.jupiter.api.Test;

/**
 * A node leaving cleanly (the daemon's SIGTERM) in the deterministic simulation: three whole
 * nodes run the group g (r1 monitored, r2) and r3; the node that leaves has the group (a
 * location preference puts it there). The DC stops it there and starts it elsewhere before the
 * node may go, never on two nodes at once; a DC that leaves does the same for itself and leaves
 * last; a node whose resource cannot be stopped leaves after shutdown-escalation.
 */
class GracefulShutdownTest {

    private static final Duration AT_MOST = Duration.ofSeconds(30);

    @Test
    void aMemberThatLeavesHasItsGroupMovedBeforeItGoes() {
        SimControllerCluster cluster = runningCluster(1);
        String leaving = nonDc(cluster);
        leaveWithGroup(cluster, leaving);
    }

    @Test
    void theDcThatLeavesMovesItsGroupAndAnotherNodeTakesOver() {
        SimControllerCluster cluster = runningCluster(2);
        String dc = dcOf(cluster, cluster.names.get(0));
        leaveWithGroup(cluster, dc);
        String newDc = dcOf(cluster, cluster.alive().get(0));
        assertThat(newDc).isNotEqualTo(dc);
        cluster.alive().forEach(name -> assertThat(dcOf(cluster, name)).isEqualTo(newDc));
    }

    @Test
    void aNodeWhoseResourceCannotBeStoppedLeavesAfterShutdownEscalation() {
        SimControllerCluster cluster = runningCluster(3);
        cluster.submit(cluster.names.get(0), new CibRequest(CibRequest.Operation.CREATE, "crm_config", null,
                "<cluster_property_set id=\"esc\"><nvpair id=\"esc-1\" name=\"shutdown-escalation\" value=\"8s\"/>"
                        + "</cluster_property_set>", false, false));
        String leaving = nonDc(cluster);
        pinGroupTo(cluster, leaving);
        // r2 has no monitor: its next operation there is the stop, which hangs until its timeout
        cluster.world.hangNext(leaving, "r2");
        long askedAt = cluster.scheduler.clock().monotonicMillis();
        CompletableFuture<Void> mayLeave = cluster.node(leaving).controller().shutdown();
        runUntil(cluster, mayLeave::isDone);
        long waited = cluster.scheduler.clock().monotonicMillis() - askedAt;
        assertThat(waited).as("ms until the node may leave").isBetween(8_000L, 9_000L);
        assertThat(cluster.world.runs(leaving, "r2")).as("r2, whose stop failed, still runs there").isTrue();
    }

    private static SimControllerCluster runningCluster(long seed) {
        SimControllerCluster cluster = new SimControllerCluster(seed, 3);
        cluster.names.forEach(cluster::start);
        cluster.scheduler.runFor(Duration.ofSeconds(4));
        ControllerSimulationTest.configure(cluster);
        cluster.scheduler.runFor(Duration.ofSeconds(4));
        return cluster;
    }

    /** Puts the group on the node, asks it to leave, and checks the group moved first and never ran twice. */
    private static void leaveWithGroup(SimControllerCluster cluster, String leaving) {
        pinGroupTo(cluster, leaving);
        List<String> violations = new ArrayList<>();
        ControllerSimulationTest.watchForDoubleActive(cluster, violations);
        CompletableFuture<Void> mayLeave = cluster.node(leaving).controller().shutdown();
        runUntil(cluster, mayLeave::isDone);
        assertThat(cluster.world.runningOn(leaving)).as("what still runs on " + leaving + " when it may leave")
                .isEmpty();
        cluster.leave(leaving);
        cluster.scheduler.runFor(Duration.ofSeconds(10));
        List<String> others = cluster.alive();
        assertThat(others).doesNotContain(leaving).hasSize(2);
        String groupOn = others.stream().filter(n -> cluster.world.runs(n, "r1")).findFirst().orElseThrow();
        assertThat(cluster.world.runningOn(groupOn)).contains("r1", "r2");
        assertThat(others.stream().filter(n -> cluster.world.runs(n, "r3")).count()).isEqualTo(1);
        assertThat(violations).isEmpty();
    }

    private static void pinGroupTo(SimControllerCluster cluster, String node) {
        cluster.submit(cluster.names.get(0), new CibRequest(CibRequest.Operation.CREATE, "constraints", null,
                "<rsc_location id=\"pin\" rsc=\"g\" node=\"" + node + "\" score=\"100\"/>", false, false));
        runUntil(cluster, () -> cluster.world.runningOn(node).containsAll(Set.of("r1", "r2")));
    }

    private static void runUntil(SimControllerCluster cluster, BooleanSupplier done) {
        long end = cluster.scheduler.clock().monotonicMillis() + AT_MOST.toMillis();
        while (!done.getAsBoolean()) {
            assertThat(cluster.scheduler.clock().monotonicMillis()).as("virtual ms, waiting").isLessThan(end);
            cluster.scheduler.runFor(Duration.ofMillis(50));
        }
    }

    private static String dcOf(SimControllerCluster cluster, String node) {
        return cluster.node(node).views().view.dc();
    }

    private static String nonDc(SimControllerCluster cluster) {
        String dc = dcOf(cluster, cluster.names.get(0));
        return cluster.names.stream().filter(n -> !n.equals(dc)).findFirst().orElseThrow();
    }
}
