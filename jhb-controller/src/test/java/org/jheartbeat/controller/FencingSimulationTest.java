package org.jheartbeat.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.jheartbeat.cib.request.CibRequest;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.lrm.agent.DeviceAnswer;
import org.jheartbeat.lrm.agent.StonithDevices;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Fencing on three simulated nodes with stonith-enabled=true and one device, a power switch of
 * the simulated machines: a node whose daemon dies while its resources run on is fenced (its
 * machine dies with what it runs) before the group starts elsewhere; while the device fails,
 * nothing starts and fencing is tried again; the node fenced comes back and joins.
 */
class FencingSimulationTest {

    private static final Duration AT_MOST = Duration.ofSeconds(40);

    /** A power switch of the simulated machines: fencing kills the target's machine (and daemon, if it still runs). */
    private static final class SimPowerSwitch implements StonithDevices {
        private final SimControllerCluster cluster;
        final List<String> fenced = new ArrayList<>();
        boolean works = true;
        long firstFencedAt = -1;

        SimPowerSwitch(SimControllerCluster cluster) {
            this.cluster = cluster;
        }

        @Override
        public CompletableFuture<DeviceAnswer> hosts(String type, Map<String, String> parameters, Duration timeout) {
            return CompletableFuture.completedFuture(new DeviceAnswer(true, String.join(" ", cluster.names), null));
        }

        @Override
        public CompletableFuture<DeviceAnswer> fence(String type, Map<String, String> parameters, String action,
                String target, Duration timeout) {
            fenced.add(action + " " + target + (works ? "" : " (failed)"));
            if (!works) {
                return CompletableFuture.completedFuture(new DeviceAnswer(false, "", "S_ACCESS (cannot reach the device)"));
            }
            if (cluster.alive(target)) {
                cluster.crashDaemon(target);
            }
            cluster.world.machineDied(target);
            if (firstFencedAt < 0) {
                firstFencedAt = cluster.scheduler.clock().monotonicMillis();
            }
            return CompletableFuture.completedFuture(new DeviceAnswer(true, "", null));
        }
    }

    @Test
    void aNodeWhoseDaemonDiedIsFencedBeforeItsGroupStartsElsewhere() {
        SimControllerCluster cluster = new SimControllerCluster(11, 3);
        SimPowerSwitch power = new SimPowerSwitch(cluster);
        cluster.devices = name -> power;
        String victim = startWithGroupOnANonDc(cluster);
        List<String> twice = watchGroupRunsOnce(cluster);
        long[] startedElsewhereAt = {-1};
        cluster.crashDaemon(victim);
        runUntil(cluster, () -> {
            boolean elsewhere = cluster.alive().stream().anyMatch(n -> cluster.world.runs(n, "r1"));
            if (elsewhere && startedElsewhereAt[0] < 0) {
                startedElsewhereAt[0] = cluster.scheduler.clock().monotonicMillis();
            }
            return elsewhere && cluster.alive().stream().anyMatch(n -> cluster.world.runs(n, "r2"));
        });
        assertThat(power.fenced).containsExactly("reset " + victim);
        assertThat(power.firstFencedAt).isPositive().isLessThanOrEqualTo(startedElsewhereAt[0]);
        assertThat(twice).isEmpty();
        String state = nodeState(cluster, cluster.alive().get(0), victim);
        assertThat(state).contains("in_ccm=\"false\"", "crmd=\"offline\"", "expected=\"down\"").doesNotContain("lrm");

        // the node fenced comes back (the machine rebooted) and joins as any node does
        cluster.start(victim);
        runUntil(cluster, () -> nodeState(cluster, cluster.alive().get(0), victim).contains("join=\"member\""));
        cluster.scheduler.runFor(Duration.ofSeconds(5));
        assertThat(power.fenced).hasSize(1);
        assertThat(twice).isEmpty();
    }

    @Test
    void whileFencingFailsNothingStartsAndItIsTriedAgain() {
        SimControllerCluster cluster = new SimControllerCluster(12, 3);
        SimPowerSwitch power = new SimPowerSwitch(cluster);
        power.works = false;
        cluster.devices = name -> power;
        String victim = startWithGroupOnANonDc(cluster);
        List<String> twice = watchGroupRunsOnce(cluster);
        cluster.crashDaemon(victim);
        cluster.scheduler.runFor(Duration.ofSeconds(20));
        assertThat(power.fenced).as("attempts, one every 5 s or so").hasSizeBetween(2, 5)
                .allMatch(attempt -> attempt.equals("reset " + victim + " (failed)"));
        assertThat(cluster.alive()).allMatch(n -> cluster.world.runningOn(n).isEmpty() || !cluster.world.runs(n, "r1"));
        assertThat(cluster.world.runs(victim, "r1")).as("still running on the machine that was not fenced").isTrue();

        power.works = true;
        runUntil(cluster, () -> cluster.alive().stream().anyMatch(n -> cluster.world.runs(n, "r1")));
        assertThat(cluster.world.runs(victim, "r1")).isFalse();
        assertThat(twice).isEmpty();
    }

    private static String startWithGroupOnANonDc(SimControllerCluster cluster) {
        cluster.names.forEach(cluster::start);
        cluster.scheduler.runFor(Duration.ofSeconds(4));
        String through = cluster.names.get(0);
        ControllerSimulationTest.configure(cluster);
        // the simulation's configuration turns fencing off: on here, with one device
        cluster.submit(through, new CibRequest(CibRequest.Operation.MODIFY, "crm_config", null,
                "<nvpair id=\"o-s\" name=\"stonith-enabled\" value=\"true\"/>", false, false));
        cluster.submit(through, new CibRequest(CibRequest.Operation.CREATE, "resources", null,
                "<primitive id=\"power\" class=\"stonith\" type=\"external/sim\"/>", false, false));
        String dc = cluster.node(through).views().view.dc();
        String victim = cluster.names.stream().filter(n -> !n.equals(dc)).findFirst().orElseThrow();
        cluster.submit(through, new CibRequest(CibRequest.Operation.CREATE, "constraints", null,
                "<rsc_location id=\"pin\" rsc=\"g\" node=\"" + victim + "\" score=\"100\"/>", false, false));
        runUntil(cluster, () -> cluster.world.runs(victim, "r1") && cluster.world.runs(victim, "r2"));
        cluster.scheduler.runFor(Duration.ofSeconds(2));
        return victim;
    }

    /** Every 50 ms: r1 and r2 each run on one machine at most (the machines, not the daemons' views). */
    private static List<String> watchGroupRunsOnce(SimControllerCluster cluster) {
        List<String> twice = new ArrayList<>();
        watch(cluster, twice);
        return twice;
    }

    private static void watch(SimControllerCluster cluster, List<String> twice) {
        cluster.scheduler.at(Duration.ofMillis(50), () -> {
            for (String resource : List.of("r1", "r2")) {
                if (cluster.names.stream().filter(n -> cluster.world.runs(n, resource)).count() > 1) {
                    twice.add(resource + " at " + cluster.scheduler.clock().monotonicMillis());
                }
            }
            watch(cluster, twice);
        });
    }

    /** The node's node_state as XML, its history and attributes included. */
    private static String nodeState(SimControllerCluster cluster, String through, String node) {
        Element status = (Element) cluster.cibOf(through).root().getElementsByTagName("status").item(0);
        for (Node n = status.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element state && node.equals(state.getAttribute("id"))) {
                return CibXml.toXml(state);
            }
        }
        throw new AssertionError("no node_state of " + node);
    }

    private static void runUntil(SimControllerCluster cluster, BooleanSupplier done) {
        long end = cluster.scheduler.clock().monotonicMillis() + AT_MOST.toMillis();
        while (!done.getAsBoolean()) {
            assertThat(cluster.scheduler.clock().monotonicMillis()).as("virtual ms, waiting").isLessThan(end);
            cluster.scheduler.runFor(Duration.ofMillis(50));
        }
    }
}
