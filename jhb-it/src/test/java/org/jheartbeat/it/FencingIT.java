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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jheartbeat.testkit.Prerequisites;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fencing with real daemons: two nodes in network namespaces with stonith-enabled=true, the
 * demo's power switch (demo/stonith/netns-pdu, in a third namespace on the same bridge) as the
 * device through its cluster-glue external plugin, and a virtual address (IPaddr2). (a) Only the
 * daemon of the node holding the address is killed (what it started runs on, as PostgreSQL
 * would): the survivor fences it (every process of its namespace gone) and only then takes the
 * address over; the node comes back and joins. (b) The link of the node now holding the address
 * is cut: each side takes the other for dead, but only the survivor reaches the switch; the
 * node cut off cannot fence and is switched off. Sampled every 20 ms: the address is never up
 * in both namespaces. The switch's Pacemaker fence agent (demo/stonith/fence_netns_pdu) is asked
 * for its list and an outlet's status.
 */
@Tag("root")
class FencingIT {

    private static final Path DEMO = Path.of("..", "demo", "stonith").toAbsolutePath().normalize();
    private static final Path IPADDR2 = Path.of("/usr/lib/ocf/resource.d/heartbeat/IPaddr2");
    private static final String VIP = "10.250.12.50";
    private static final String PDU = "10.250.12.3";

    @TempDir
    Path base;

    @Test
    void theSurvivorFencesTheLostNodeBeforeItTakesTheAddressOver() throws Exception {
        Prerequisites.require(Netns.available(), "needs root and ip netns");
        Prerequisites.require(Files.isExecutable(IPADDR2), "needs resource-agents (IPaddr2)");
        Prerequisites.require(Files.isExecutable(Path.of("/usr/bin/python3")), "needs python3 (the demo's power switch)");
        List<String> haCf = List.of("keepalive 200ms", "deadtime 2", "warntime 1", "initdead 12", "udpport 694",
                "ucast eth0 10.250.12.1", "ucast eth0 10.250.12.2", "node node1 node2", "crm on");
        try (Netns net = new Netns("f-")) {
            String bridge = net.bridge(0);
            Map<String, String> namespaces = Map.of("node1", net.namespace(1), "node2", net.namespace(2));
            Map<String, String> ports = Map.of(
                    "node1", net.plug(namespaces.get("node1"), bridge, "eth0", "10.250.12.1/24"),
                    "node2", net.plug(namespaces.get("node2"), bridge, "eth0", "10.250.12.2/24"));
            String pduNamespace = net.namespace(3);
            net.plug(pduNamespace, bridge, "eth0", PDU + "/24");
            Process pdu = new ProcessBuilder("ip", "netns", "exec", pduNamespace, DEMO.resolve("netns-pdu").toString(),
                    "--listen", PDU + ":7070", "--outlet", "node1=" + namespaces.get("node1"),
                    "--outlet", "node2=" + namespaces.get("node2")).redirectErrorStream(true)
                    .redirectOutput(base.resolve("pdu.log").toFile()).start();
            List<NodeProcess> nodes = new ArrayList<>();
            AddressWatch watch = null;
            try {
                for (String name : List.of("node1", "node2")) {
                    NodeProcess node = new NodeProcess(name, base.resolve(name), List.of("ip", "netns", "exec",
                            namespaces.get(name), "env", "STONITH_EXTERNAL_PATH=" + DEMO.resolve("external")));
                    ClusterFiles.write(node, haCf, "fencing");
                    nodes.add(node);
                    node.start();
                }
                await().ignoreExceptions().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
                    assertThat(nodes.get(0).statusOf("node2")).isEqualTo("active");
                    assertThat(nodes.get(1).statusOf("node1")).isEqualTo("active");
                });
                configure(nodes.get(0));
                await().ignoreExceptions().atMost(Duration.ofSeconds(40)).until(() -> holders(namespaces).size() == 1);
                watch = new AddressWatch(namespaces);

                // (a) only the daemon dies; what it started (the address, a stand-in for PostgreSQL) runs on
                String victim = holders(namespaces).get(0);
                NodeProcess victimNode = node(nodes, victim);
                NodeProcess survivor = nodes.stream().filter(n -> n != victimNode).findFirst().orElseThrow();
                Process standIn = new ProcessBuilder("ip", "netns", "exec", namespaces.get(victim), "sleep", "600").start();
                victimNode.kill9();
                await().ignoreExceptions().atMost(Duration.ofSeconds(60)).until(() -> holders(namespaces).equals(List.of(survivor.name)));
                assertThat(Netns.run("ip", "netns", "pids", namespaces.get(victim)).trim()).as("processes left").isEmpty();
                assertThat(standIn.waitFor(5, TimeUnit.SECONDS)).isTrue();
                assertThat(survivor.log()).contains("Node " + victim + " was fenced (reboot) by " + survivor.name
                        + " using device pdu: OK");
                assertThat(Files.readString(base.resolve("pdu.log"))).contains("reset " + victim);

                // the machine rebooted; its cluster software is started again and it joins
                victimNode.start();
                await().ignoreExceptions().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
                    assertThat(survivor.statusOf(victim)).isEqualTo("active");
                    assertThat(survivor.crmMon("-1").output()).contains("Node: " + victim + " (" + victim + "): online");
                });

                // (b) the link of the node holding the address is cut: only its peer reaches the switch
                String cutOff = survivor.name;
                NodeProcess cutNode = survivor;
                NodeProcess other = victimNode;
                int logBefore = cutNode.log().length();
                int pduLogBefore = Files.readString(base.resolve("pdu.log")).length();
                net.linkDown(ports.get(cutOff));
                await().ignoreExceptions().atMost(Duration.ofSeconds(60)).until(() -> holders(namespaces).equals(List.of(other.name)));
                assertThat(Netns.run("ip", "netns", "pids", namespaces.get(cutOff)).trim()).as("processes left").isEmpty();
                assertThat(other.alive()).as("the node that kept its link").isTrue();
                assertThat(other.log()).contains("Node " + cutOff + " was fenced (reboot) by " + other.name
                        + " using device pdu: OK");
                assertThat(cutNode.log().substring(logBefore)).doesNotContain("Node " + other.name + " was fenced");
                String otherAddress = other.name.equals("node1") ? "10.250.12.1" : "10.250.12.2";
                assertThat(Files.readString(base.resolve("pdu.log")).substring(pduLogBefore)).as("requests reaching the switch")
                        .contains("reset " + cutOff + " (namespace " + namespaces.get(cutOff) + ") asked by " + otherAddress)
                        .doesNotContain("reset " + other.name + " (namespace " + namespaces.get(other.name) + ") asked by");
                // whether the node cut off got as far as trying before it was switched off is a race; that it
                // cannot is not: its plugin, run from its namespace (still cut off), fails to reach the switch
                Process attempt = new ProcessBuilder("ip", "netns", "exec", namespaces.get(cutOff), "env", "pdu_host=" + PDU,
                        DEMO.resolve("external/netns-pdu").toString(), "reset", other.name).redirectErrorStream(true).start();
                String said = new String(attempt.getInputStream().readAllBytes());
                assertThat(attempt.waitFor()).as(said).isEqualTo(1);
                assertThat(said).contains("cannot reach the PDU at " + PDU + ":7070");
                // the same switch through its Pacemaker fence agent (stdin key=value), from the node that kept its link
                assertThat(fenceAgent(namespaces.get(other.name), "action=list\nip=" + PDU + "\n"))
                        .isEqualTo("0 node1\nnode2\n");
                assertThat(fenceAgent(namespaces.get(other.name), "action=status\nip=" + PDU + "\nplug=" + cutOff + "\n"))
                        .as("the outlet of the node reset is on again").isEqualTo("0 Status: ON\n");
                assertThat(watch.violations()).isEmpty();
                assertThat(watch.samples()).isGreaterThan(100);
            } finally {
                if (watch != null) {
                    watch.close();
                }
                for (NodeProcess node : nodes) {
                    node.close();
                }
                pdu.destroy();
                pdu.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static void configure(NodeProcess node) throws Exception {
        assertThat(node.cibadmin("-C", "-o", "crm_config", "-X", "<cluster_property_set id=\"options\">"
                + "<nvpair id=\"o-stonith\" name=\"stonith-enabled\" value=\"true\"/>"
                + "<nvpair id=\"o-timeout\" name=\"stonith-timeout\" value=\"30s\"/></cluster_property_set>").exitCode())
                .isZero();
        assertThat(node.cibadmin("-C", "-o", "rsc_defaults", "-X", "<meta_attributes id=\"rsc-options\">"
                + "<nvpair id=\"rsc-stickiness\" name=\"resource-stickiness\" value=\"100\"/></meta_attributes>")
                .exitCode()).isZero();
        assertThat(node.cibadmin("-C", "-o", "resources", "-X", "<primitive id=\"pdu\" class=\"stonith\" "
                + "type=\"external/netns-pdu\"><instance_attributes id=\"pdu-i\">"
                + "<nvpair id=\"pdu-host\" name=\"pdu_host\" value=\"" + PDU + "\"/></instance_attributes>"
                + "<operations><op id=\"pdu-monitor\" name=\"monitor\" interval=\"10s\" timeout=\"20s\"/></operations>"
                + "</primitive>").exitCode()).isZero();
        assertThat(node.cibadmin("-C", "-o", "resources", "-X", "<primitive id=\"vip\" class=\"ocf\" "
                + "provider=\"heartbeat\" type=\"IPaddr2\"><instance_attributes id=\"vip-i\">"
                + "<nvpair id=\"vip-ip\" name=\"ip\" value=\"" + VIP + "\"/>"
                + "<nvpair id=\"vip-mask\" name=\"cidr_netmask\" value=\"24\"/>"
                + "<nvpair id=\"vip-nic\" name=\"nic\" value=\"eth0\"/></instance_attributes>"
                + "<operations><op id=\"vip-monitor\" name=\"monitor\" interval=\"2s\" timeout=\"20s\"/></operations>"
                + "</primitive>").exitCode()).isZero();
    }

    /** demo/stonith/fence_netns_pdu run in the namespace with the input on stdin: its exit code, a space, its output. */
    private static String fenceAgent(String namespace, String input) throws IOException, InterruptedException {
        Process agent = new ProcessBuilder("ip", "netns", "exec", namespace, DEMO.resolve("fence_netns_pdu").toString())
                .redirectErrorStream(true).start();
        agent.getOutputStream().write(input.getBytes());
        agent.getOutputStream().close();
        String output = new String(agent.getInputStream().readAllBytes());
        return agent.waitFor() + " " + output;
    }

    private static NodeProcess node(List<NodeProcess> nodes, String name) {
        return nodes.stream().filter(n -> n.name.equals(name)).findFirst().orElseThrow();
    }

    /**
     * The nodes whose namespace has the virtual address up, in name order. While the switch resets a
     * namespace, {@code ip -n} on it may fail for a moment: the waits on this ignore such failures.
     */
    private static List<String> holders(Map<String, String> namespaces) throws IOException {
        List<String> holders = new ArrayList<>();
        for (String node : namespaces.keySet().stream().sorted().toList()) {
            String shown = Netns.run("ip", "-n", namespaces.get(node), "-4", "-o", "addr", "show", "up");
            if (shown.contains(" " + VIP + "/")) {
                holders.add(node);
            }
        }
        return holders;
    }

    /** Every 20 ms: the virtual address is up in one namespace at most. */
    private static final class AddressWatch implements AutoCloseable {
        private final Map<String, String> namespaces;
        private final List<String> violations = new CopyOnWriteArrayList<>();
        private final Thread thread;
        private volatile boolean running = true;
        private volatile int samples;

        AddressWatch(Map<String, String> namespaces) {
            this.namespaces = namespaces;
            this.thread = new Thread(this::watch, "address-watch");
            thread.setDaemon(true);
            thread.start();
        }

        private void watch() {
            while (running) {
                try {
                    List<String> on = holders(namespaces);
                    if (on.size() > 1) {
                        violations.add(VIP + " up on " + on + " at " + System.currentTimeMillis());
                    }
                    samples++;
                    Thread.sleep(20);
                } catch (IOException e) {
                    // a namespace being switched off between two commands: sampled again next time
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        List<String> violations() {
            return violations;
        }

        int samples() {
            return samples;
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(2000);
        }
    }
}
