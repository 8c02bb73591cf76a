package org.jheartbeat.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Three daemons with the controller on loopback run a group of real Dummy agents: placed at
 * start-up, moved when the node running it dies, recovered in place when its monitor fails, and
 * never active on two nodes at once (read from the agents' own state files all along).
 */
class ControllerIT {

    private static final List<String> GROUP = List.of("d1", "d2");

    @TempDir
    Path base;

    private final List<NodeProcess> nodes = new ArrayList<>();
    private DoubleActiveWatch watch;

    @AfterEach
    void stopAll() throws InterruptedException {
        if (watch != null) {
            watch.close();
        }
        for (NodeProcess node : nodes) {
            node.close();
        }
    }

    @Test
    void placesMovesAndRecoversAGroupWithoutEverRunningItTwice() throws Exception {
        List<String> haCf = new ArrayList<>(List.of("keepalive 100ms", "warntime 500ms", "deadtime 1", "initdead 12",
                "udpport 26961", "node node1 node2 node3", "crm on"));
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
        watch = new DoubleActiveWatch(nodes, GROUP);
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

        String first = awaitGroupOnOneNode(null);
        NodeProcess active = byName(first);

        active.kill9();
        machineDied(active);
        String second = awaitGroupOnOneNode(first);
        assertThat(second).isNotEqualTo(first);
        NodeProcess survivor = byName(second);

        Files.delete(survivor.stateDir().resolve("rsctmp/Dummy-d1.state"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(survivor.crmMon("-1", "-f").output()).contains("d1: migration-threshold=1000000 fail-count=1"));
        assertThat(awaitGroupOnOneNode(null)).isEqualTo(second);

        active.start();
        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(placement(survivor).keySet()).contains("node1", "node2", "node3"));
        assertThat(awaitGroupOnOneNode(null)).isEqualTo(second);
        assertThat(watch.violations()).isEmpty();
    }

    private static String dummy(String id, String inside) {
        return "<primitive id=\"" + id + "\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\">" + inside + "</primitive>";
    }

    /** A dead machine's resources die with it: its agents' state is gone, as /run is after a reboot. */
    private static void machineDied(NodeProcess node) throws IOException {
        try (var files = Files.list(node.stateDir().resolve("rsctmp"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    private NodeProcess byName(String name) {
        return nodes.stream().filter(n -> n.name.equals(name)).findFirst().orElseThrow();
    }

    /** Waits until every member of the group runs on one node (other than {@code not}) and returns it. */
    private String awaitGroupOnOneNode(String not) {
        String[] where = new String[1];
        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            NodeProcess asked = nodes.stream().filter(n -> !n.name.equals(not) && n.alive()).findFirst().orElseThrow();
            Map<String, List<String>> placement = resources(asked);
            List<String> d1 = placement.get("d1");
            assertThat(d1).hasSize(1);
            for (String id : GROUP) {
                assertThat(placement.get(id)).as(id).isEqualTo(d1);
            }
            assertThat(d1.get(0)).isNotEqualTo(not);
            where[0] = d1.get(0);
        });
        return where[0];
    }

    /** Every node crm_mon lists, with whether it is online. */
    private static Map<String, Boolean> placement(NodeProcess node) throws Exception {
        Map<String, Boolean> online = new TreeMap<>();
        NodeList list = crmMonXml(node).getElementsByTagName("node");
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            if (e.getParentNode() instanceof Element parent && parent.getTagName().equals("nodes")
                    && "true".equals(e.getAttribute("online"))) {
                online.put(e.getAttribute("name"), true);
            }
        }
        return online;
    }

    /** Resource id to the nodes crm_mon --output-as=xml shows it active on. */
    private static Map<String, List<String>> resources(NodeProcess node) throws Exception {
        Map<String, List<String>> placement = new TreeMap<>();
        NodeList list = crmMonXml(node).getElementsByTagName("resource");
        for (int i = 0; i < list.getLength(); i++) {
            Element resource = (Element) list.item(i);
            List<String> on = new ArrayList<>();
            NodeList running = resource.getElementsByTagName("node");
            for (int j = 0; j < running.getLength(); j++) {
                on.add(((Element) running.item(j)).getAttribute("name"));
            }
            placement.put(resource.getAttribute("id"), on);
        }
        return placement;
    }

    private static Element crmMonXml(NodeProcess node) throws Exception {
        NodeProcess.ToolResult result = node.crmMon("--output-as=xml");
        assertThat(result.exitCode()).as(result.output()).isZero();
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(result.output().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    }
}
