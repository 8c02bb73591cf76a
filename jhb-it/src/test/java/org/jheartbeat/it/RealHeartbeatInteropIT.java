package org.jheartbeat.it;

import org.jheartbeat.testkit.Prerequisites;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node of ours (node02) and a node running Debian's heartbeat 3.0.6 (node01) in two network
 * namespaces on one bridge: each sees the other active in its own cl_status, and each notices
 * when the other goes.
 */
@Tag("root")
class RealHeartbeatInteropIT {

    @TempDir
    Path base;

    @Test
    void oursAndDebiansHeartbeatSeeEachOtherAndEachOthersDeath() throws Exception {
        Prerequisites.require(Netns.available() && RealHeartbeatNode.installed(),
                "needs root, ip netns and Debian's heartbeat package");
        List<String> haCf = List.of("udpport 694", "keepalive 200ms", "warntime 600ms", "deadtime 1", "initdead 10",
                "msgfmt classic", "ucast eth0 10.252.0.1", "ucast eth0 10.252.0.2", "auto_failback on",
                "node node01 node02", "crm no");
        try (Netns net = new Netns();
             RealHeartbeatNode real = new RealHeartbeatNode("node01", base.resolve("node01"))) {
            String bridge = net.bridge(0);
            String nsReal = net.namespace(1);
            String nsOurs = net.namespace(2);
            net.plug(nsReal, bridge, "eth0", "10.252.0.1/24");
            net.plug(nsOurs, bridge, "eth0", "10.252.0.2/24");
            real.prepare(nsReal, haCf, "interop-key");
            List<String> oursCf = new ArrayList<>(haCf);
            oursCf.add("nodeaddr node01 10.252.0.1");
            try (NodeProcess ours = new NodeProcess("node02", base.resolve("node02"), Netns.exec(nsOurs))) {
                ClusterFiles.write(ours, oursCf, "interop-key");
                ours.start();
                real.start();

                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    assertThat(real.clStatus("nodestatus", "node02")).isEqualTo("active");
                    assertThat(ours.clStatus("nodestatus", "node01").output().trim()).isEqualTo("active");
                });
                assertThat(real.clStatus("hblinkstatus", "node02", "eth0")).isEqualTo("up");
                assertThat(ours.clStatus("hblinkstatus", "node01", "eth0").output().trim()).isEqualTo("up");
                assertThat(real.log()).doesNotContain("authtoken does not match").doesNotContain("lost packet");

                real.kill9();
                await().atMost(Duration.ofSeconds(5)).until(() -> ours.statusOf("node01").equals("dead"));
                assertThat(ours.log()).contains("WARN: node node01: is dead");

                real.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> ours.statusOf("node01").equals("active"));
                assertThat(ours.log()).contains("Heartbeat restart on node node01");

                ours.kill9();
                await().atMost(Duration.ofSeconds(5)).until(() -> real.clStatus("nodestatus", "node02").equals("dead"));
                assertThat(real.log()).contains("node node02: is dead");
            }
        }
    }
}
