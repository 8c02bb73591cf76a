package org.jheartbeat.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three daemons on loopback share one CIB: changes anywhere reach all, survive the DC's death, and reach a returning node. */
class CibReplicationIT {

    @TempDir
    Path base;

    private final List<NodeProcess> nodes = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (NodeProcess node : nodes) {
            node.close();
        }
    }

    private static String primitive(String id) {
        return "<primitive id=\"" + id + "\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\"/>";
    }

    private NodeProcess node(int i) {
        return nodes.get(i - 1);
    }

    private boolean holds(NodeProcess node, String id) throws Exception {
        return node.cibadmin("-Q", "--xpath", "//primitive[@id='" + id + "']").exitCode() == 0;
    }

    @Test
    void changesReachEveryNodeSurviveTheDcAndReachAReturningNode() throws Exception {
        List<String> haCf = new ArrayList<>(List.of("keepalive 100ms", "warntime 500ms", "deadtime 1", "initdead 12",
                "udpport 26943", "node node1 node2 node3", "crm on"));
        for (int i = 1; i <= 3; i++) {
            haCf.add("ucast lo 127.0.0." + i);
            haCf.add("nodeaddr node" + i + " 127.0.0." + i);
        }
        for (int i = 1; i <= 3; i++) {
            NodeProcess node = new NodeProcess("node" + i, base.resolve("node" + i), List.of());
            ClusterFiles.write(node, haCf, "replicate");
            node.start();
            nodes.add(node);
        }
        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String dc = node(1).status().membership().dc();
            for (NodeProcess node : nodes) {
                assertThat(node.status().membership().members()).hasSize(3);
                assertThat(node.status().membership().dc()).isEqualTo(dc);
            }
        });
        // The DC is whichever node the others found first; the test works from it, not from a name.
        String dcName = node(1).status().membership().dc();
        NodeProcess dc = nodes.stream().filter(n -> n.name.equals(dcName)).findFirst().orElseThrow();
        List<NodeProcess> members = nodes.stream().filter(n -> n != dc).toList();

        NodeProcess.ToolResult created = members.get(1).cibadmin("-C", "-o", "resources", "-X",
                primitive("from-member"));
        assertThat(created.exitCode()).as(created.output()).isZero();
        assertThat(holds(dc, "from-member")).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> holds(members.get(0), "from-member"));

        assertThat(members.get(0).cibadmin("-C", "-o", "resources", "-X", primitive("before-dc-died")).exitCode())
                .isZero();
        dc.kill9();
        await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() ->
                !members.get(0).status().membership().dc().equals(dcName));
        for (NodeProcess member : members) {
            assertThat(holds(member, "before-dc-died")).as(member.name).isTrue();
        }
        assertThat(members.get(1).cibadmin("-C", "-o", "resources", "-X", primitive("while-dc-away")).exitCode())
                .isZero();

        dc.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> holds(dc, "while-dc-away"));
        assertThat(holds(dc, "before-dc-died")).isTrue();
    }
}
