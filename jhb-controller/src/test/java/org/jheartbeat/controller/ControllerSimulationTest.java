package org.jheartbeat.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.request.CibRequest;
import org.jheartbeat.cib.xml.ContentDigest;
import org.jheartbeat.policy.Scheduler;
import org.jheartbeat.policy.actions.Action;
import org.jheartbeat.policy.actions.Transition;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.unpack.CibUnpacker;
import org.junit.jupiter.api.Test;

/**
 * The controller in the deterministic simulation: three whole nodes on a simulated network and
 * clock run a group and a primitive of Dummy-like agents for a minute of virtual time under
 * seeded faults (nodes killed and restarted, nodes stopped cleanly and restarted, nodes cut off,
 * messages lost, services that crash behind the cluster's back, operations that hang or fail)
 * and an operator's changes (standby, move, ban, migration-threshold, target-role, maintenance,
 * parameters), each undone after a while, then quiet with everything undone. Checked for every
 * seed: no resource ever active twice inside a partition with quorum (read from the simulated
 * machines, every 50 ms), and once quiet: one DC, the same CIB on every node, nothing left for
 * the scheduler to do after a cleanup of every resource (a stop that hung or failed blocks its
 * resource, as it does without fencing), the machines running what the CIB says, and every
 * resource running once. A failing seed is named and replays exactly
 * ({@code -Djhb.sim.first=SEED -Djhb.sim.seeds=1}).
 */
class ControllerSimulationTest {

    private static final List<String> RESOURCES = List.of("r1", "r2", "r3");
    private static final Duration FAULTS_FOR = Duration.ofSeconds(60);
    private static final Duration QUIET_FOR = Duration.ofSeconds(40);
    /** Enough for the nodes started at the end to join and agree on one CIB. */
    private static final Duration SETTLE_FOR = Duration.ofSeconds(5);
    /**
     * Kill and restart (0), a node cut off and joined again (1), message loss (2), a service
     * crash (3), a hang (4), a clean stop (SIGTERM) and restart (5), an operation that fails (6);
     * an operator's change, undone after a while: a node in standby (7), a move (8), a ban (9),
     * migration-threshold 1 with a failure-timeout (10), target-role Stopped (11), maintenance
     * mode (12), a parameter changed twice, the second time while the restart runs (13).
     */
    private static final int[] FAULT_KINDS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13};

    /**
     * Seeds run on as many threads as there are processors: each seed is a world of its own
     * (scheduler, clock, network, random), so the threads share nothing and each seed replays the
     * same alone or beside others.
     */
    @Test
    void seededFaultsNeverRunAResourceTwiceAndTheClusterConverges() throws InterruptedException {
        long first = Long.getLong("jhb.sim.first", 1);
        long seeds = Long.getLong("jhb.sim.seeds", 2000);
        List<String> failed = new CopyOnWriteArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        for (long seed = first; seed < first + seeds; seed++) {
            long thisSeed = seed;
            threads.execute(() -> {
                try {
                    runSeed(thisSeed);
                } catch (AssertionError e) {
                    failed.add(e.getMessage().lines().limit(3).reduce("", (a, b) -> a + b + " "));
                }
            });
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(2, TimeUnit.HOURS)).isTrue();
        assertThat(failed).as(failed.size() + " of " + seeds + " seeds failed").isEmpty();
    }

    private static void runSeed(long seed) {
        SimControllerCluster cluster = new SimControllerCluster(seed, 3);
        Random random = new Random(seed * 31 + 7);
        cluster.names.forEach(cluster::start);
        cluster.scheduler.runFor(Duration.ofSeconds(4));
        configure(cluster);
        cluster.scheduler.runFor(Duration.ofSeconds(4));
        List<String> violations = new ArrayList<>();
        watchForDoubleActive(cluster, violations);
        SimOperator operator = new SimOperator(cluster);
        injectFaults(cluster, operator, random);
        cluster.scheduler.runFor(FAULTS_FOR);
        cluster.healAll();
        cluster.network.setLossRate(0);
        cluster.world.disarm();
        cluster.names.forEach(name -> startIfDown(cluster, name));
        // once the nodes are one cluster again, the operator undoes what is still in force (or was lost in a merge)
        cluster.scheduler.runFor(SETTLE_FOR);
        operator.restoreAll();
        cluster.scheduler.runFor(QUIET_FOR);
        // a stop that hung or failed leaves its resource blocked, as without fencing, until an operator cleans it up
        for (String resource : RESOURCES) {
            cluster.node(cluster.names.get(0)).controller().cleanup(resource, null);
        }
        cluster.scheduler.runFor(QUIET_FOR);

        String where = "seed " + seed + " (replay: -Djhb.sim.first=" + seed + " -Djhb.sim.seeds=1)";
        assertThat(violations).as("double-active, " + where).isEmpty();
        Set<String> dcs = new HashSet<>();
        for (String name : cluster.names) {
            dcs.add(cluster.node(name).views().view.dc());
        }
        assertThat(dcs).as("the DC every node names, " + where).hasSize(1);
        String reference = ContentDigest.of(cluster.cibOf(cluster.names.get(0)));
        for (String name : cluster.names) {
            assertThat(ContentDigest.of(cluster.cibOf(name))).as("the CIB of " + name + ", " + where).isEqualTo(reference);
        }
        CibDocument cib = cluster.cibOf(dcs.iterator().next());
        Instant now = cluster.scheduler.clock().wallTime();
        Transition transition = Scheduler.schedule(cib, now);
        assertThat(transition.actions().stream().filter(Action::inGraph).map(a -> a.key() + "@" + a.node()).toList())
                .as("what is left to do once quiet, " + where).isEmpty();
        Map<String, Set<String>> believed = new TreeMap<>();
        for (Primitive p : CibUnpacker.unpack(cib, now).primitives()) {
            Set<String> on = new HashSet<>();
            p.active().keySet().forEach(node -> on.add(node.name()));
            believed.put(p.id(), on);
        }
        Map<String, Set<String>> real = new TreeMap<>();
        for (String resource : RESOURCES) {
            Set<String> on = new HashSet<>();
            for (String name : cluster.names) {
                if (cluster.world.runs(name, resource)) {
                    on.add(name);
                }
            }
            real.put(resource, on);
        }
        assertThat(real).as("where the resources really run, " + where).isEqualTo(believed);
        assertThat(real.values()).as("every resource runs once, " + where).allMatch(on -> on.size() == 1);
    }

    static void configure(SimControllerCluster cluster) {
        String through = cluster.names.get(0);
        cluster.submit(through, new CibRequest(CibRequest.Operation.CREATE, "crm_config", null,
                "<cluster_property_set id=\"o\"><nvpair id=\"o-s\" name=\"stonith-enabled\" value=\"false\"/>"
                        + "</cluster_property_set>", false, false));
        cluster.submit(through, new CibRequest(CibRequest.Operation.CREATE, "resources", null,
                "<group id=\"g\">" + dummy("r1", true) + dummy("r2", false) + "</group>", false, false));
        cluster.submit(through, new CibRequest(CibRequest.Operation.CREATE, "resources", null, dummy("r3", true),
                false, false));
    }

    private static String dummy(String id, boolean monitored) {
        return "<primitive id=\"" + id + "\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\"><operations>"
                + (monitored ? "<op id=\"" + id + "-m\" name=\"monitor\" interval=\"1s\" timeout=\"2s\"/>" : "")
                + "<op id=\"" + id + "-start\" name=\"start\" interval=\"0\" timeout=\"2s\"/>"
                + "<op id=\"" + id + "-stop\" name=\"stop\" interval=\"0\" timeout=\"2s\"/></operations></primitive>";
    }

    /**
     * Every 50 ms of virtual time: inside each partition with quorum, each resource runs on one
     * node at most. Not counted: what a node runs while an operation hangs there or a stop that
     * hung or failed left running ({@link #heldUpByAHang}), and what a node that comes back in
     * maintenance runs ({@link SimControllerCluster#backInMaintenance}). A node cut off loses quorum and stops
     * what it runs while the quorate side starts it elsewhere; when its agents do not answer, or
     * maintenance tells it to leave its resources alone, what is left running is what fencing
     * exists for, and without fencing it stays until the timeout, or after a failed stop blocked
     * until an operator cleans it up, or until the DC of the healed partition finds it
     * (docs/design/controller.md).
     */
    static void watchForDoubleActive(SimControllerCluster cluster, List<String> violations) {
        cluster.scheduler.at(Duration.ofMillis(50), () -> {
            for (Set<String> partition : cluster.partitions()) {
                if (!cluster.quorate(partition)) {
                    continue;
                }
                for (String resource : RESOURCES) {
                    List<String> on = partition.stream().filter(n -> cluster.world.runs(n, resource)).sorted().toList();
                    if (on.size() > 1 && on.stream().noneMatch(n -> heldUpByAHang(cluster, n, resource)
                            || cluster.backInMaintenance(n))) {
                        violations.add(resource + " on " + on + " at " + cluster.scheduler.clock().monotonicMillis()
                                + " ms; views " + views(cluster));
                    }
                }
            }
            watchForDoubleActive(cluster, violations);
        });
    }

    /**
     * Whether what the node runs may be left over by an operation that hung or failed there: a
     * failed stop leaves the resource (and what stops after it) running; a hang holds up the node's DC, which
     * waits for what it started before it schedules again, stops included, until the timeout and
     * a second to act after it.
     */
    private static boolean heldUpByAHang(SimControllerCluster cluster, String node, String resource) {
        long now = cluster.scheduler.clock().monotonicMillis();
        return cluster.world.leftOverByFailedStop(node, resource) || now < cluster.world.hungUntilMillis(node) + 1000;
    }

    private static String views(SimControllerCluster cluster) {
        StringBuilder text = new StringBuilder();
        for (String name : cluster.alive()) {
            var view = cluster.node(name).views().view;
            text.append(name).append('=').append(view == null ? "none" : view.members() + (view.quorum() ? "+q" : "-q")
                    + " dc " + view.dc()).append("; ");
        }
        return text.toString();
    }

    /**
     * A fault every 2 to 6 s of the minute, each drawn whole (kind, node, resource, how long, two
     * more numbers for the operator's choices) from the seed's random before the run.
     */
    private static void injectFaults(SimControllerCluster cluster, SimOperator operator, Random random) {
        long at = 0;
        while ((at += 2000 + random.nextInt(4000)) < FAULTS_FOR.toMillis() - 5000) {
            Fault fault = new Fault(FAULT_KINDS[random.nextInt(FAULT_KINDS.length)],
                    cluster.names.get(random.nextInt(cluster.names.size())),
                    RESOURCES.get(random.nextInt(RESOURCES.size())),
                    Duration.ofMillis(2000 + random.nextInt(4000)), random.nextInt(1000), random.nextInt(1000));
            cluster.scheduler.at(Duration.ofMillis(at), () -> inject(cluster, operator, fault));
        }
    }

    /**
     * One fault: of what, on which node and resource, for how long; {@code through} picks the
     * live node an operator's change goes through, {@code choice} what else the change needs.
     */
    private record Fault(int kind, String node, String resource, Duration lasts, int through, int choice) {
    }

    private static void inject(SimControllerCluster cluster, SimOperator operator, Fault fault) {
        String node = fault.node();
        String resource = fault.resource();
        Duration lasts = fault.lasts();
        if (Boolean.getBoolean("jhb.sim.trace")) {
            System.err.println("SIM " + cluster.scheduler.clock().monotonicMillis() + " ms: " + fault);
        }
        switch (fault.kind()) {
            case 0 -> {
                if (cluster.alive(node) && cluster.alive().size() > 1) {
                    cluster.kill(node);
                    cluster.scheduler.at(lasts, () -> startIfDown(cluster, node));
                }
            }
            case 1 -> {
                cluster.isolate(node);
                cluster.scheduler.at(lasts, () -> cluster.rejoin(node));
            }
            case 2 -> {
                cluster.network.setLossRate(0.1);
                cluster.scheduler.at(lasts, () -> cluster.network.setLossRate(0));
            }
            // only a monitored resource's crash can be seen: r2 has no monitor, as operators sometimes configure
            case 3 -> cluster.world.stopped(node, "r2".equals(resource) ? "r1" : resource);
            case 4 -> cluster.world.hangNext(node, resource);
            case 5 -> {
                // stopped cleanly (SIGTERM): it leaves once the DC has moved its resources, and starts again later
                if (cluster.alive(node)) {
                    cluster.node(node).controller().shutdown().thenRun(() -> {
                        cluster.leave(node);
                        cluster.scheduler.at(lasts, () -> startIfDown(cluster, node));
                    });
                }
            }
            case 6 -> cluster.world.failNext(node, resource);
            default -> {
                List<Runnable> undo = operatorAction(cluster, operator, fault);
                cluster.scheduler.at(lasts, () -> undo.forEach(Runnable::run));
            }
        }
    }

    /**
     * An operator's change (kinds 7 to 13), through a live node; returns what undoes it. Moves,
     * bans, roles and thresholds name what crm_resource users name: the group or r3.
     */
    private static List<Runnable> operatorAction(SimControllerCluster cluster, SimOperator operator, Fault fault) {
        int through = fault.through();
        String top = "r3".equals(fault.resource()) ? "r3" : "g";
        switch (fault.kind()) {
            case 7:
                return List.of(operator.standby(through, fault.node(), true));
            case 8:
                return List.of(operator.move(through, top, fault.node()));
            case 9:
                return List.of(operator.ban(through, top, fault.node()));
            case 10:
                return List.of(operator.meta(through, top, "migration-threshold", "1"),
                        operator.meta(through, top, "failure-timeout", (4 + fault.choice() % 9) + "s"));
            case 11:
                return List.of(operator.targetRole(through, top, "Stopped"));
            case 12:
                return List.of(operator.clusterOption(through, "maintenance-mode", "true", "false"));
            default:
                // a parameter changed, and changed again while the restart the first change asked for runs
                Runnable undo = operator.parameter(through, fault.resource(), "fake", "a" + fault.choice());
                cluster.scheduler.at(Duration.ofMillis(10 + fault.choice() % 120),
                        () -> operator.parameter(through, fault.resource(), "fake", "b" + fault.choice()));
                return List.of(undo);
        }
    }

    private static void startIfDown(SimControllerCluster cluster, String node) {
        if (!cluster.alive(node)) {
            cluster.start(node);
        }
    }
}
