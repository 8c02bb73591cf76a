package org.jheartbeat.it;

import org.jheartbeat.testkit.Prerequisites;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes in network namespaces hear each other over each kind of medium: bcast, mcast, ucast. */
@Tag("root")
class NetnsMediaIT {

    @TempDir
    Path base;

    @ParameterizedTest
    @ValueSource(strings = {"bcast eth0", "mcast eth0 239.192.7.7 694 1 0", "ucast eth0 10.254.0.1|ucast eth0 10.254.0.2"})
    void twoNodesBecomeActiveOverTheMedium(String media) throws Exception {
        Prerequisites.require(Netns.available(), "needs root and ip netns");
        List<String> haCf = new ArrayList<>(List.of("keepalive 100ms", "deadtime 1", "initdead 12", "udpport 694",
                "node node1 node2", "crm no"));
        haCf.addAll(List.of(media.split("\\|")));
        try (Netns net = new Netns()) {
            String bridge = net.bridge(0);
            List<NodeProcess> nodes = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                String ns = net.namespace(i);
                net.plug(ns, bridge, "eth0", "10.254.0." + i + "/24");
                if (media.startsWith("mcast")) {
                    Netns.run("ip", "-n", ns, "route", "add", "224.0.0.0/4", "dev", "eth0");
                }
                NodeProcess node = new NodeProcess("node" + i, base.resolve("node" + i), Netns.exec(ns));
                ClusterFiles.write(node, haCf, "media");
                nodes.add(node);
            }
            try {
                for (NodeProcess node : nodes) {
                    node.start();
                }
                await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    assertThat(nodes.get(0).statusOf("node2")).isEqualTo("active");
                    assertThat(nodes.get(1).statusOf("node1")).isEqualTo("active");
                });
                assertThat(nodes.get(1).clStatus("hblinkstatus", "node1", "eth0").output().trim()).isEqualTo("up");
            } finally {
                for (NodeProcess node : nodes) {
                    node.close();
                }
            }
        }
    }
}
