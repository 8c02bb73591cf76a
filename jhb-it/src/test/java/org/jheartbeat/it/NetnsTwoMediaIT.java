package org.jheartbeat.it;

import org.jheartbeat.testkit.Prerequisites;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jheartbeat.client.status.NodeView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes in their own network namespaces, joined by two bridges (two media, eth0 and eth1):
 * a node stays alive while either link carries its heartbeats and is declared dead when both are cut.
 */
@Tag("root")
class NetnsTwoMediaIT {

    @TempDir
    Path base;

    @Test
    void aNodeLivesWhileAnyLinkCarriesHeartbeatsAndDiesWhenAllAreCut() throws Exception {
        Prerequisites.require(Netns.available(), "needs root and ip netns");
        try (Netns net = new Netns()) {
            String bridge0 = net.bridge(0);
            String bridge1 = net.bridge(1);
            List<String> haCf = new ArrayList<>(List.of("keepalive 100ms", "warntime 500ms", "deadtime 1",
                    "initdead 12", "udpport 694", "node node1 node2", "crm no"));
            List<NodeProcess> nodes = new ArrayList<>();
            List<List<String>> ports = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                haCf.add("ucast eth0 10.251.0." + i);
                haCf.add("ucast eth1 10.251.1." + i);
                haCf.add("nodeaddr node" + i + " 10.251.0." + i + " 10.251.1." + i);
            }
            for (int i = 1; i <= 2; i++) {
                String ns = net.namespace(i);
                ports.add(List.of(net.plug(ns, bridge0, "eth0", "10.251.0." + i + "/24"),
                        net.plug(ns, bridge1, "eth1", "10.251.1." + i + "/24")));
                NodeProcess node = new NodeProcess("node" + i, base.resolve("node" + i), Netns.exec(ns));
                ClusterFiles.write(node, haCf, "two-media");
                nodes.add(node);
            }
            try {
                for (NodeProcess node : nodes) {
                    node.start();
                }
                NodeProcess observer = nodes.get(1);
                await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(node1As(observer).links()).containsEntry("eth0", "up").containsEntry("eth1", "up"));

                net.linkDown(ports.get(0).get(0));
                await().ignoreExceptions().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                        assertThat(node1As(observer).links()).containsEntry("eth0", "dead"));
                assertThat(node1As(observer).status()).isEqualTo("active");
                assertThat(observer.log()).contains("Link node1:eth0 dead.").doesNotContain("node node1: is dead");

                net.linkDown(ports.get(0).get(1));
                await().ignoreExceptions().atMost(Duration.ofSeconds(5)).until(() -> node1As(observer).status().equals("dead"));
                assertThat(observer.log()).contains("WARN: node node1: is dead");

                net.linkUp(ports.get(0).get(1));
                await().ignoreExceptions().atMost(Duration.ofSeconds(5)).until(() -> node1As(observer).status().equals("active"));
                assertThat(node1As(observer).links()).containsEntry("eth0", "dead").containsEntry("eth1", "up");
            } finally {
                for (NodeProcess node : nodes) {
                    node.close();
                }
            }
        }
    }

    private static NodeView node1As(NodeProcess observer) throws Exception {
        return observer.status().nodes().stream().filter(n -> n.name().equals("node1")).findFirst().orElseThrow();
    }
}
