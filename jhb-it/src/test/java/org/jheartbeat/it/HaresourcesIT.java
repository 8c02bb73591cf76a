package org.jheartbeat.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heartbeat v1 mode for real: two daemons on loopback with {@code crm off} and the haresources
 * line {@code node1 marker::db marker::web::db}. marker is a Heartbeat-class script in a
 * resource.d of the test's own (HA_RESOURCEDIR): {@code marker NAME [NEEDS] ACTION}, running
 * while marker-NAME.state is in the node's HA_RSCTMP, and refusing to start before NEEDS runs,
 * so the group's order is checked by the scripts themselves. The group starts on node1, moves
 * to node2 when node1 dies, and when node1 is back goes home with auto_failback on and stays
 * with off; never on both nodes at once. UDP ports 27100-27103, used by no other test.
 *
 * <p>Heartbeat 3.0.6's own Delay script is not used: its status sleeps 30 s (hto-mapfuncs runs
 * the OCF agent's monitor for it), which every probe would wait for.
 */
class HaresourcesIT {

    private static final String HARESOURCES = "node1 marker::db marker::web::db\n";
    private static final List<String> GROUP = List.of("marker_1_1", "marker_1_2");
    private static final String MARKER = """
            #!/bin/sh
            # marker NAME [NEEDS] ACTION
            state="$HA_RSCTMP/marker-$1.state"
            [ $# -eq 3 ] && needs="$HA_RSCTMP/marker-$2.state" || needs=""
            eval action=\\${$#}
            case "$action" in
              start)  if [ -n "$needs" ] && [ ! -e "$needs" ]; then echo "$2 is not running" >&2; exit 1; fi
                      touch "$state";;
              stop)   rm -f "$state";;
              status) if [ -e "$state" ]; then echo "marker $1 is running"; else echo "marker $1 is stopped"; fi;;
              *)      exit 3;;
            esac
            """;

    @TempDir
    Path base;

    private final List<NodeProcess> nodes = new ArrayList<>();
    private DoubleActiveWatch watch;

    @AfterEach
    void stopAll(TestInfo test) throws InterruptedException, IOException {
        ClusterChecks.stopAndKeepLogs(test, nodes, watch);
    }

    private void startCluster(int udpPort, String autoFailback) throws Exception {
        Path resourceDir = Files.createDirectories(base.resolve("resource.d"));
        Path marker = resourceDir.resolve("marker");
        Files.writeString(marker, MARKER);
        Files.setPosixFilePermissions(marker, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> haCf = new ArrayList<>(List.of("keepalive 100ms", "warntime 500ms", "deadtime 1", "initdead 12",
                "udpport " + udpPort, "node node1 node2", "crm off", "auto_failback " + autoFailback));
        for (int i = 1; i <= 2; i++) {
            haCf.add("ucast lo 127.0.0." + i);
            haCf.add("nodeaddr node" + i + " 127.0.0." + i);
        }
        for (int i = 1; i <= 2; i++) {
            NodeProcess node = new NodeProcess("node" + i, base.resolve("node" + i), List.of());
            node.environment.put("HA_RESOURCEDIR", resourceDir.toString());
            ClusterFiles.write(node, haCf, "v1");
            Files.writeString(node.configDir().resolve("haresources"), "# the demo's group\n" + HARESOURCES);
            node.start();
            nodes.add(node);
        }
        watch = new DoubleActiveWatch(nodes, List.of("marker-db.state", "marker-web.state"));
    }

    @Test
    void withAutoFailbackOnTheGroupGoesBackToItsNodeWhenItReturns() throws Exception {
        startCluster(27100, "on");
        NodeProcess node1 = nodes.get(0);
        assertThat(awaitGroupOnOneNode(null)).isEqualTo("node1");
        assertThat(node1.log()).contains("haresources: group_1 (line 2) prefers node1: marker_1_1 (heartbeat::marker db),"
                + " marker_1_2 (heartbeat::marker web db)", "auto_failback on: resource-stickiness 0");
        assertThat(node1.crmMon("-1").output()).contains("Resource Group: group_1", "marker_1_2");

        node1FailsAndReturns();
        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(awaitGroupOnOneNode(null)).isEqualTo("node1"));
        assertThat(node1.log()).contains("haresources: the CIB's configuration is already the one");
        assertThat(watch.violations()).isEmpty();
    }

    @Test
    void withAutoFailbackOffTheGroupStaysWhereItRuns() throws Exception {
        startCluster(27101, "off");
        NodeProcess node1 = nodes.get(0);
        assertThat(awaitGroupOnOneNode(null)).isEqualTo("node1");
        long startsBefore = starts(node1);

        node1FailsAndReturns();
        // node1 has joined and has been probed again (its log holds both runs): give the DC time for any move
        await().atMost(Duration.ofSeconds(20)).until(() -> count(node1, "marker_1_2 monitor (call") >= 2);
        Thread.sleep(5000);
        assertThat(awaitGroupOnOneNode(null)).isEqualTo("node2");
        assertThat(starts(node1)).as("starts on node1 after it came back").isEqualTo(startsBefore);
        assertThat(watch.violations()).isEmpty();
    }

    @Test
    void aBadLineStopsTheStartNamingTheFileAndLineAndChangesNothing() throws Exception {
        NodeProcess node = new NodeProcess("node1", base.resolve("node1"), List.of());
        nodes.add(node);
        ClusterFiles.write(node, List.of("udpport 27102", "node node1 node2", "ucast lo 127.0.0.2", "crm no",
                "auto_failback on"), "v1");
        Path haresources = node.configDir().resolve("haresources");
        Files.writeString(haresources, "node1 10.0.0.1 \\\n  Filesystem::/dev/sda1::::ext3\n");
        node.start();

        assertThat(node.awaitExit()).isEqualTo(6);
        assertThat(node.stdout()).contains("heartbeat: ERROR: " + haresources + ":1: 'Filesystem::/dev/sda1::::ext3':"
                + " an empty argument", "Configuration error, heartbeat not started.");
        assertThat(node.stateDir().resolve("cib")).doesNotExist();
    }

    @Test
    void withCrmOnTheFileIsIgnoredAndSaidSo() throws Exception {
        NodeProcess node = new NodeProcess("node1", base.resolve("node1"), List.of());
        nodes.add(node);
        ClusterFiles.write(node, List.of("udpport 27103", "node node1", "ucast lo 127.0.0.2", "crm on",
                "auto_failback on"), "v1");
        Path haresources = node.configDir().resolve("haresources");
        Files.writeString(haresources, HARESOURCES);
        node.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> node.log().contains("Resource management starts"));
        assertThat(node.log()).contains(haresources + " ignored: with crm on the resources are those of the CIB")
                .doesNotContain("haresources: group_1");
        assertThat(node.cibadmin("-Q", "-o", "resources").output()).doesNotContain("group_1");
    }

    /**
     * node1, running the group, is killed: the group moves to node2. node1 is started again;
     * returns once node2 sees both online.
     */
    private void node1FailsAndReturns() throws Exception {
        NodeProcess node1 = nodes.get(0);
        NodeProcess node2 = nodes.get(1);
        node1.kill9();
        node1.machineDied();
        assertThat(awaitGroupOnOneNode("node1")).isEqualTo("node2");
        node1.start();
        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(CrmMonView.onlineNodes(node2)).containsExactly("node1", "node2"));
    }

    /** How many times marker web was started on the node, from its log. */
    private static long starts(NodeProcess node) throws IOException {
        return count(node, "marker_1_2 start (call");
    }

    private static long count(NodeProcess node, String text) throws IOException {
        return node.log().lines().filter(line -> line.contains(text)).count();
    }

    private String awaitGroupOnOneNode(String not) {
        return ClusterChecks.awaitGroupOnOneNode(nodes, GROUP, not, Duration.ofSeconds(40));
    }
}
