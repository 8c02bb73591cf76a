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
            for (NodeProcess node : nodes) {
                assertThat(node.status().membership().members()).hasSize(3);
                assertThat(node.status().membership().dc()).isEqualTo("node1");
            }
        });

        NodeProcess.ToolResult created = node(3).cibadmin("-C", "-o", "resources", "-X", primitive("from-member"));
        assertThat(created.exitCode()).as(created.output()).isZero();
        assertThat(holds(node(1), "from-member")).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> holds(node(2), "from-member"));

        assertThat(node(2).cibadmin("-C", "-o", "resources", "-X", primitive("before-dc-died")).exitCode()).isZero();
        node(1).kill9();
        await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() ->
                node(2).status().membership().dc().equals("node2"));
        assertThat(holds(node(2), "before-dc-died")).isTrue();
        assertThat(node(3).cibadmin("-C", "-o", "resources", "-X", primitive("while-node1-away")).exitCode())
                .isZero();

        node(1).start();
        await().atMost(Duration.ofSeconds(30)).until(() -> holds(node(1), "while-node1-away"));
        assertThat(holds(node(1), "before-dc-died")).isTrue();
    }
}
