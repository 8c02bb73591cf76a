package org.jheartbeat.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jheartbeat.cli.attributes.CrmAttributeMain;
import org.jheartbeat.cli.attributes.CrmFailcountMain;
import org.jheartbeat.cli.attributes.CrmStandbyMain;
import org.jheartbeat.cli.crmresource.CrmResourceMain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * Three daemons with the controller on loopback run a group of real Dummy agents: placed at
 * start-up, moved when the node running it dies, recovered in place when its monitor fails,
 * moved by the operator's commands and by migration-threshold, stopped and started by
 * target-role, left alone when unmanaged, in maintenance (cluster-wide or of its node) and
 * when the DC dies, handed over before a node stopped with SIGTERM leaves (the DC too), and
 * never active on two nodes at once (read from the agents' own state files all along).
 */
class ControllerIT {

    private static final List<String> GROUP = List.of("d1", "d2");

    @TempDir
    Path base;

    private final List<NodeProcess> nodes = new ArrayList<>();
    private DoubleActiveWatch watch;

    @AfterEach
    void stopAll(TestInfo test) throws InterruptedException, IOException {
        ClusterChecks.stopAndKeepLogs(test, nodes, watch);
    }

    /** Three nodes with the controller, no fencing, and the group g (d1 monitored every second, d2). */
    private void startClusterWithGroup(int udpPort) throws Exception {
        List<String> haCf = new ArrayList<>(List.of("keepalive 100ms", "warntime 500ms", "deadtime 1", "initdead 12",
                "udpport " + udpPort, "node node1 node2 node3", "crm on"));
        for (int i = 1; i <= 3; i++) {
            haCf.add("ucast lo 127.0.0." + i);
            haCf.add("nodeaddr node" + i + " 127.0.0." + i);
        }
        for (int i = 1; i <= 3; i++) {
            NodeProcess node = new NodeProcess("node" + i, base.resolve("node" + i), List.of());
            ClusterFiles.write(node, haCf, "controller");
            node.start();
            nodes.add(node);
        }
        watch = DoubleActiveWatch.ofDummies(nodes, GROUP);
        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (NodeProcess node : nodes) {
                assertThat(node.status().membership().members()).hasSize(3);
            }
        });
        NodeProcess any = nodes.get(0);
        assertThat(any.cibadmin("-C", "-o", "crm_config", "-X", "<cluster_property_set id=\"options\">"
                + "<nvpair id=\"o-stonith\" name=\"stonith-enabled\" value=\"false\"/></cluster_property_set>").exitCode())
                .isZero();
        assertThat(any.cibadmin("-C", "-o", "resources", "-X", "<group id=\"g\">"
                + dummy("d1", "<operations><op id=\"d1-mon\" name=\"monitor\" interval=\"1s\"/></operations>")
                + dummy("d2", "") + "</group>").exitCode()).isZero();
    }

    @Test
    void placesMovesAndRecoversAGroupWithoutEverRunningItTwice() throws Exception {
        startClusterWithGroup(26961);
        String first = awaitGroupOnOneNode(null);
        NodeProcess active = byName(first);

        active.kill9();
        active.machineDied();
        String second = awaitGroupOnOneNode(first);
        assertThat(second).isNotEqualTo(first);
        NodeProcess survivor = byName(second);

        Files.delete(survivor.stateDir().resolve("rsctmp/Dummy-d1.state"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(survivor.crmMon("-1", "-f").output()).contains("d1: migration-threshold=1000000 fail-count=1"));
        assertThat(awaitGroupOnOneNode(null)).isEqualTo(second);

        active.start();
        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(CrmMonView.onlineNodes(survivor)).contains("node1", "node2", "node3"));
        assertThat(awaitGroupOnOneNode(null)).isEqualTo(second);
        assertThat(watch.violations()).isEmpty();
    }

    @Test
    void operatorCommandsFailuresMaintenanceAndTheDcsDeathPlaceTheGroupAsTheySay() throws Exception {
        startClusterWithGroup(26962);
        NodeProcess any = nodes.get(0);
        String first = awaitGroupOnOneNode(null);

        run(any, CrmStandbyMain.class, "-N", first, "-v", "on");
        String second = awaitGroupOnOneNode(first);
        run(any, CrmStandbyMain.class, "-N", first, "-v", "off");
        String third = otherThan(first, second);
        run(any, CrmResourceMain.class, "--move", "-r", "g", "-N", third);
        awaitGroupOn(third);
        run(any, CrmResourceMain.class, "--clear", "-r", "g");
        run(any, CrmResourceMain.class, "--ban", "-r", "g");
        String unbanned = awaitGroupOnOneNode(third);
        run(any, CrmResourceMain.class, "--clear", "-r", "g");

        // one failure is enough to move it away
        run(any, CrmResourceMain.class, "-r", "d1", "--meta", "-p", "migration-threshold", "-v", "1");
        Files.delete(byName(unbanned).stateDir().resolve("rsctmp/Dummy-d1.state"));
        String afterFailure = awaitGroupOnOneNode(unbanned);
        assertThat(run(any, CrmFailcountMain.class, "-G", "-r", "d1", "-N", unbanned, "-q")).isEqualTo("1\n");
        run(any, CrmResourceMain.class, "--cleanup", "-r", "d1");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(run(any, CrmFailcountMain.class, "-G", "-r", "d1", "-N", unbanned, "-q")).isEqualTo("0\n"));
        assertThat(awaitGroupOnOneNode(null)).isEqualTo(afterFailure);

        // in maintenance the cluster neither watches (the monitor is cancelled) nor recovers; afterwards the
        // monitor runs again at once, finds d1 gone and the cluster recovers it
        run(any, CrmAttributeMain.class, "-n", "maintenance-mode", "-v", "true");
        await().atMost(Duration.ofSeconds(20)).until(() -> any.crmMon("-1").output().contains("unmanaged"));
        await().atMost(Duration.ofSeconds(20)).until(() -> byName(afterFailure).log().contains("op=d1_cancel_1000"));
        Path d1State = byName(afterFailure).stateDir().resolve("rsctmp/Dummy-d1.state");
        Files.delete(d1State);
        Thread.sleep(3000);
        assertThat(d1RunsNowhere()).as("nothing recovered in maintenance").isTrue();
        run(any, CrmAttributeMain.class, "-n", "maintenance-mode", "-v", "false");
        String recovered = awaitGroupOnOneNode(null);
        run(any, CrmResourceMain.class, "-r", "d1", "--meta", "-d", "migration-threshold");
        run(any, CrmResourceMain.class, "--cleanup", "-r", "d1");
        assertThat(awaitGroupOnOneNode(null)).isEqualTo(recovered);

        // the DC dies while it runs nothing: the group is not touched
        String dc = currentDc(any);
        if (dc.equals(recovered)) {
            run(any, CrmResourceMain.class, "--move", "-r", "g", "-N", otherThan(dc, dc));
            recovered = awaitGroupOnOneNode(dc);
            run(any, CrmResourceMain.class, "--clear", "-r", "g");
        }
        NodeProcess active = byName(recovered);
        long startsBefore = starts(active);
        byName(dc).kill9();
        byName(dc).machineDied();
        NodeProcess survivor = nodes.stream().filter(n -> n.alive()).findFirst().orElseThrow();
        await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> !currentDc(survivor).equals(dc));
        assertThat(awaitGroupOnOneNode(dc)).isEqualTo(recovered);
        assertThat(starts(active)).as("starts on " + recovered + " after the DC died").isEqualTo(startsBefore);

        // a change of the configuration while a transition runs: aborted, and both resources end up started
        assertThat(survivor.cibadmin("-C", "-o", "resources", "-X", "<primitive id=\"slow\" class=\"ocf\""
                + " provider=\"pacemaker\" type=\"Dummy\"><instance_attributes id=\"slow-i\"><nvpair id=\"slow-s\""
                + " name=\"op_sleep\" value=\"3\"/></instance_attributes></primitive>").exitCode()).isZero();
        Thread.sleep(1000);
        assertThat(survivor.cibadmin("-C", "-o", "resources", "-X", dummy("late", "")).exitCode()).isZero();
        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, List<String>> placement = CrmMonView.resources(survivor);
            assertThat(placement.get("slow")).hasSize(1);
            assertThat(placement.get("late")).hasSize(1);
        });
        String newDcLog = byName(currentDc(survivor)).log();
        assertThat(newDcLog).contains("aborted: the CIB changed");
        assertThat(watch.violations()).isEmpty();
    }

    @Test
    void targetRoleIsManagedAndNodeMaintenanceDoWhatTheySay() throws Exception {
        startClusterWithGroup(26965);
        NodeProcess any = nodes.get(0);
        awaitGroupOnOneNode(null);

        // target-role: Stopped stops the whole group, Started brings it back
        run(any, CrmResourceMain.class, "-r", "g", "--meta", "-p", "target-role", "-v", "Stopped");
        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, List<String>> placement = CrmMonView.resources(any);
            for (String id : GROUP) {
                assertThat(placement.get(id)).as(id).isEmpty();
            }
        });
        assertThat(d1RunsNowhere()).isTrue();
        run(any, CrmResourceMain.class, "-r", "g", "--meta", "-p", "target-role", "-v", "Started");
        String started = awaitGroupOnOneNode(null);

        // unmanaged: still watched, but a service that dies behind the cluster's back stays dead
        run(any, CrmResourceMain.class, "-r", "g", "--meta", "-p", "is-managed", "-v", "false");
        await().atMost(Duration.ofSeconds(20)).until(() -> any.crmMon("-1").output().contains("unmanaged"));
        Files.delete(byName(started).stateDir().resolve("rsctmp/Dummy-d1.state"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(any.crmMon("-1", "-f").output()).contains("d1: migration-threshold=1000000 fail-count=1"));
        Thread.sleep(2000);
        assertThat(d1RunsNowhere()).as("nothing recovered while unmanaged").isTrue();
        run(any, CrmResourceMain.class, "-r", "g", "--meta", "-p", "is-managed", "-v", "true");
        String managedAgain = awaitGroupOnOneNode(null);

        // the node in maintenance: its monitors are cancelled and nothing is recovered there;
        // afterwards the monitor runs again, finds d1 gone and the cluster recovers it
        run(any, CrmAttributeMain.class, "-N", managedAgain, "-n", "maintenance", "-v", "true");
        await().atMost(Duration.ofSeconds(20)).until(() -> byName(managedAgain).log().contains("op=d1_cancel_1000"));
        Files.delete(byName(managedAgain).stateDir().resolve("rsctmp/Dummy-d1.state"));
        Thread.sleep(3000);
        assertThat(d1RunsNowhere()).as("nothing recovered on a node in maintenance").isTrue();
        assertThat(CrmMonView.resources(any).get("d1")).as("still shown where it was").containsExactly(managedAgain);
        run(any, CrmAttributeMain.class, "-N", managedAgain, "-n", "maintenance", "-v", "false");
        await().atMost(Duration.ofSeconds(30)).until(() -> !d1RunsNowhere());
        awaitGroupOnOneNode(null);
        assertThat(watch.violations()).isEmpty();
    }

    @Test
    void aNodeStoppedWithSigtermHandsItsGroupOverBeforeItLeavesAndSoDoesTheDc() throws Exception {
        startClusterWithGroup(26966);
        NodeProcess any = nodes.get(0);
        String dc = currentDc(any);
        String member = otherThan(dc, dc);
        moveGroupTo(any, member);

        // a member: the DC moves the group, then tells it to go
        leaveWithSigterm(byName(member));
        String movedTo = awaitGroupOnOneNode(member);
        assertThat(byName(dc).log()).contains("Telling " + member + " to leave the cluster: its resources are stopped");

        // back, and the group moved to the DC, which is stopped in turn: it moves the group itself, leaves last,
        // and another node takes over
        byName(member).start();
        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(CrmMonView.onlineNodes(byName(dc))).containsExactly("node1", "node2", "node3"));
        moveGroupTo(any, dc);
        leaveWithSigterm(byName(dc));
        assertThat(byName(dc).log()).contains("This node's resources are stopped: the DC leaves the cluster");
        String afterDc = awaitGroupOnOneNode(dc);
        NodeProcess survivor = byName(afterDc);
        await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> !currentDc(survivor).equals(dc));
        assertThat(movedTo).isNotEqualTo(member);
        assertThat(watch.violations()).isEmpty();
    }

    /** Moves the group there unless it runs there already (crm_resource --move refuses that, as Pacemaker's does). */
    private void moveGroupTo(NodeProcess through, String node) throws Exception {
        if (!awaitGroupOnOneNode(null).equals(node)) {
            run(through, CrmResourceMain.class, "--move", "-r", "g", "-N", node);
        }
        awaitGroupOn(node);
    }

    /** SIGTERM: the daemon exits 0 only once its resources are stopped, and says so in its log. */
    private static void leaveWithSigterm(NodeProcess node) throws Exception {
        node.signal("TERM");
        assertThat(node.awaitExit()).as(node.name + "'s exit status").isZero();
        try (var files = Files.list(node.stateDir().resolve("rsctmp"))) {
            assertThat(files.map(f -> f.getFileName().toString())).as("left running on " + node.name)
                    .noneMatch(f -> f.startsWith("Dummy-"));
        }
        assertThat(node.log()).contains("Shutdown requested: asking the DC")
                .contains("has stopped this node's resources: leaving the cluster").contains("Heartbeat shutdown complete.");
    }

    private boolean d1RunsNowhere() {
        return nodes.stream().noneMatch(n -> Files.exists(n.stateDir().resolve("rsctmp/Dummy-d1.state")));
    }

    @Test
    void aClusterRestartedUnderRunningResourcesFindsThemAndStartsNothingAgain() throws Exception {
        startClusterWithGroup(26964);
        String active = awaitGroupOnOneNode(null);
        long startsBefore = starts(byName(active));
        // every daemon dies, the agents' resources keep running (as after a crash of the cluster software)
        for (NodeProcess node : nodes) {
            node.kill9();
        }
        for (NodeProcess node : nodes) {
            node.start();
        }
        await().ignoreExceptions().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                assertThat(CrmMonView.onlineNodes(byName(active))).containsExactly("node1", "node2", "node3"));
        assertThat(awaitGroupOnOneNode(null)).isEqualTo(active);
        assertThat(starts(byName(active))).as("starts of d1 on " + active).isEqualTo(startsBefore);
        assertThat(byName(currentDc(byName(active))).log()).contains("d1_monitor_0");
        assertThat(watch.violations()).isEmpty();
    }

    @Test
    void aFailedNodeTakesTheGroupBackOnlyOnceItsFailureExpired() throws Exception {
        startClusterWithGroup(26963);
        NodeProcess any = nodes.get(0);
        run(any, CrmResourceMain.class, "-r", "d1", "--meta", "-p", "migration-threshold", "-v", "1");
        run(any, CrmResourceMain.class, "-r", "d1", "--meta", "-p", "failure-timeout", "-v", "6s");
        String failedOn = awaitGroupOnOneNode(null);
        long failedAt = System.nanoTime();
        Files.delete(byName(failedOn).stateDir().resolve("rsctmp/Dummy-d1.state"));
        String movedTo = awaitGroupOnOneNode(failedOn);

        // the only node left is the one that failed: the group waits there for the failure to expire
        run(any, CrmStandbyMain.class, "-N", otherThan(failedOn, movedTo), "-v", "on");
        run(any, CrmResourceMain.class, "--ban", "-r", "g", "-N", movedTo);
        awaitGroupOn(failedOn);
        assertThat(Duration.ofNanos(System.nanoTime() - failedAt)).as("back before the failure-timeout")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(6));
        assertThat(watch.violations()).isEmpty();
    }

    private String otherThan(String a, String b) {
        return nodes.stream().map(n -> n.name).filter(n -> !n.equals(a) && !n.equals(b) && byName(n).alive())
                .findFirst().orElseThrow();
    }

    private void awaitGroupOn(String node) {
        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(awaitGroupOnOneNode(null)).isEqualTo(node));
    }

    /** Runs a tool on a node, expects it to succeed, and returns its output. */
    private static String run(NodeProcess node, Class<?> tool, String... args) throws Exception {
        NodeProcess.ToolResult result = node.tool(tool, args);
        assertThat(result.exitCode()).as(tool.getSimpleName() + " " + String.join(" ", args) + ": " + result.output())
                .isZero();
        return result.output();
    }

    private static String currentDc(NodeProcess node) throws Exception {
        return ((Element) CrmMonView.xml(node).getElementsByTagName("current_dc").item(0)).getAttribute("name");
    }

    /** How many times d1 was started on the node, from its log. */
    private static long starts(NodeProcess node) throws IOException {
        return node.log().lines().filter(line -> line.contains("d1 start (call")).count();
    }

    private static String dummy(String id, String inside) {
        return "<primitive id=\"" + id + "\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\">" + inside + "</primitive>";
    }

    private NodeProcess byName(String name) {
        return nodes.stream().filter(n -> n.name.equals(name)).findFirst().orElseThrow();
    }

    private String awaitGroupOnOneNode(String not) {
        return ClusterChecks.awaitGroupOnOneNode(nodes, GROUP, not, Duration.ofSeconds(30));
    }
}
