package org.jheartbeat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jheartbeat.testkit.Prerequisites;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's LRM driven with lrmadmin, running the real IPaddr2 agents on nodes in network
 * namespaces: the address appears where the agent started it, answers a client in a third
 * namespace, and moves to the other node by a stop and a start.
 */
@Tag("root")
class LrmAgentsIT {

    private static final String VIP = "10.254.9.100";

    @TempDir
    Path base;

    @Test
    void ipaddr2BringsAVirtualAddressUpAndMovesIt() throws Exception {
        Prerequisites.require(Netns.available(), "needs root and ip netns");
        try (Netns net = new Netns()) {
            String bridge = net.bridge(0);
            List<String> namespaces = new ArrayList<>();
            List<NodeProcess> nodes = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                String ns = net.namespace(i);
                net.plug(ns, bridge, "eth0", "10.254.9." + i + "/24");
                NodeProcess node = new NodeProcess("node" + i, base.resolve("node" + i), Netns.exec(ns));
                ClusterFiles.write(node, List.of("keepalive 200ms", "deadtime 2", "initdead 4", "udpport 694",
                        "bcast eth0", "node node1 node2", "crm no"), "lrm");
                namespaces.add(ns);
                nodes.add(node);
            }
            String client = net.namespace(3);
            net.plug(client, bridge, "eth0", "10.254.9.3/24");
            try {
                for (NodeProcess node : nodes) {
                    node.start();
                    awaitSocket(node);
                    NodeProcess.ToolResult added = node.lrmadmin("-A", "vip", "ocf", "IPaddr2", "heartbeat", "ip=" + VIP,
                            "cidr_netmask=24", "nic=eth0");
                    assertThat(added.exitCode()).as(added.output()).isZero();
                }
                NodeProcess node1 = nodes.get(0);
                NodeProcess node2 = nodes.get(1);

                assertThat(run(node1, "monitor", "0").exitCode()).isEqualTo(7);
                NodeProcess.ToolResult start = run(node1, "start", "0");
                assertThat(start.exitCode()).as(start.output()).isZero();
                assertThat(run(node1, "monitor", "10000").exitCode()).isZero();
                assertThat(Netns.run("ip", "-n", namespaces.get(0), "-4", "addr", "show", "eth0")).contains(VIP + "/24");
                assertThat(ping(client)).isTrue();
                assertThat(run(node2, "monitor", "0").exitCode()).isEqualTo(7);

                assertThat(run(node1, "stop", "0").exitCode()).isZero();
                assertThat(Netns.run("ip", "-n", namespaces.get(0), "-4", "addr", "show", "eth0")).doesNotContain(VIP);
                assertThat(run(node2, "start", "0").exitCode()).isZero();
                assertThat(Netns.run("ip", "-n", namespaces.get(1), "-4", "addr", "show", "eth0")).contains(VIP + "/24");
                assertThat(ping(client)).isTrue();

                NodeProcess.ToolResult info = node1.lrmadmin("-I", "vip");
                assertThat(info.output()).contains("Resource agent type:IPaddr2").contains("operation 'stop'")
                        .doesNotContain("operation 'monitor'");
            } finally {
                for (NodeProcess node : nodes) {
                    node.close();
                }
            }
        }
    }

    @Test
    void theHeartbeatClassIPaddr2ScriptTakesItsArgumentsAsHaresourcesWritesThem() throws Exception {
        Prerequisites.require(Netns.available(), "needs root and ip netns");
        try (Netns net = new Netns()) {
            String bridge = net.bridge(0);
            String ns = net.namespace(1);
            net.plug(ns, bridge, "eth0", "10.254.9.1/24");
            NodeProcess node = new NodeProcess("node1", base.resolve("node1"), Netns.exec(ns));
            ClusterFiles.write(node, List.of("keepalive 200ms", "deadtime 2", "initdead 4", "udpport 694",
                    "bcast eth0", "node node1", "crm no"), "lrm");
            try {
                node.start();
                awaitSocket(node);
                assertThat(node.lrmadmin("-A", "vip", "heartbeat", "IPaddr2", "NULL", "1=" + VIP + "/24/eth0")
                        .exitCode()).isZero();

                assertThat(run(node, "monitor", "0").exitCode()).isEqualTo(7);
                assertThat(run(node, "start", "0").exitCode()).isZero();
                assertThat(run(node, "monitor", "0").exitCode()).isZero();
                assertThat(Netns.run("ip", "-n", ns, "-4", "addr", "show", "eth0")).contains(VIP + "/24");
                assertThat(run(node, "stop", "0").exitCode()).isZero();
                assertThat(run(node, "monitor", "0").exitCode()).isEqualTo(7);
            } finally {
                node.close();
            }
        }
    }

    private static NodeProcess.ToolResult run(NodeProcess node, String operation, String interval) throws Exception {
        return node.lrmadmin("-E", "vip", operation, "20000", interval, "EVERYTIME");
    }

    private static boolean ping(String namespace) throws Exception {
        return new ProcessBuilder("ip", "netns", "exec", namespace, "ping", "-c", "1", "-W", "2", VIP)
                .redirectErrorStream(true).start().waitFor() == 0;
    }

    private static void awaitSocket(NodeProcess node) throws Exception {
        for (int i = 0; i < 100 && !node.stateDir().resolve("heartbeat.sock").toFile().exists(); i++) {
            Thread.sleep(100);
        }
    }
}
