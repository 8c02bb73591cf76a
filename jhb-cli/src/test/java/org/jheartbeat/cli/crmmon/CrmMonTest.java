package org.jheartbeat.cli.crmmon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** crm_mon on a saved CIB (CIB_file): the text view, the XML against Pacemaker's own crm_mon, and bad input. */
class CrmMonTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Path PACEMAKER_CRM_MON = Path.of("/usr/sbin/crm_mon");

    @TempDir
    Path dir;

    private String out;
    private String err;

    private static Path fixture() throws Exception {
        return Path.of(CrmMonTest.class.getResource("/crmmon/running.xml").toURI());
    }

    private int crmMon(Path cib, String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        var commandLine = CrmMonMain.commandLine(new CrmMonMain(Map.of("CIB_file", cib.toString()), () -> NOW));
        commandLine.setOut(new PrintWriter(o));
        commandLine.setErr(new PrintWriter(e));
        int status = commandLine.execute(args);
        out = o.toString();
        err = e.toString();
        return status;
    }

    private static String time(long epochSecond) {
        return MonitorText.TIME.format(Instant.ofEpochSecond(epochSecond).atZone(ZoneId.systemDefault()));
    }

    @Test
    void theTextViewHasHeartbeatsHeaderThenResourcesFailcountsAndFailedActions() throws Exception {
        assertThat(crmMon(fixture(), "-1", "-r", "-f")).isZero();
        assertThat(out).startsWith("============\nLast updated: " + time(NOW.getEpochSecond()) + "\n"
                + "Current DC: node2 (node2) - partition with quorum\n4 Nodes configured.\n3 Resources configured.\n"
                + "============\n\nNode: node1 (node1): online\nNode: node2 (node2): online\n"
                + "Node: node3 (node3): standby\nNode: node4 (node4): OFFLINE\n\n");
        assertThat(out).contains("  * Resource Group: g:\n    * d1\t(ocf:heartbeat:Dummy):\t Started node1\n"
                + "    * d2\t(ocf:heartbeat:Dummy):\t Started node1\n  * d3\t(ocf:heartbeat:Dummy):\t Stopped (disabled)\n"
                + "  * Clone Set: c [cd]:\n    * Started: [ node1 node2 ]\n");
        assertThat(out).contains("Migration Summary:\n  * Node: node1:\n    * d1: migration-threshold=1000000 fail-count=1"
                + " last-failure='" + time(1764158400) + "'\n");
        assertThat(out).contains("Failed Resource Actions:\n  * d1 10s-interval monitor on node1 returned 'not running'"
                + " (No process state file found) at " + time(1764158400) + " after 17ms\n");
    }

    @Test
    void withoutDashRInactiveResourcesAreLeftOutAndByNodeListsThemUnderTheirNode() throws Exception {
        assertThat(crmMon(fixture(), "-1")).isZero();
        assertThat(out).contains("Active Resources:").doesNotContain("d3\t").doesNotContain("Migration Summary");
        assertThat(crmMon(fixture(), "-1", "-n")).isZero();
        assertThat(out).contains("Node: node1 (node1): online\n    d1\t(ocf:heartbeat:Dummy):\t Started\n");
    }

    @Test
    void theOperationsOfEachResourceInCallOrder() throws Exception {
        assertThat(crmMon(fixture(), "-1", "-o")).isZero();
        assertThat(out).contains("Operations:\n  * Node: node1:\n    * cd: migration-threshold=1000000:\n      * (12) start\n"
                + "    * d1: migration-threshold=1000000:\n      * (9) start\n      * (10) monitor: interval=\"10000ms\"\n");
    }

    @Test
    void theXmlPlacesNodesAndResourcesAsPacemakersCrmMonDoes() throws Exception {
        assumeThat(Files.isExecutable(PACEMAKER_CRM_MON)).as("Debian's crm_mon (pacemaker-cli-utils)").isTrue();
        assertThat(crmMon(fixture(), "--output-as=xml")).isZero();
        Element ours = parse(out);
        ProcessBuilder builder = new ProcessBuilder(PACEMAKER_CRM_MON.toString(), "--output-as=xml");
        builder.environment().put("CIB_file", fixture().toString());
        Process run = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Element theirs = parse(new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertThat(run.waitFor()).isZero();
        assertThat(nodes(ours)).isEqualTo(nodes(theirs));
        assertThat(resources(ours)).isEqualTo(resources(theirs));
        assertThat(failures(ours)).isEqualTo(failures(theirs));
    }

    @Test
    void badInputIsRefusedWithWhatToDo() throws Exception {
        assertThat(crmMon(dir.resolve("missing.xml"), "-1")).isEqualTo(66);
        assertThat(err).contains("missing.xml: no such file");
        Path broken = dir.resolve("broken.xml");
        Files.writeString(broken, "<cib><configuration>");
        assertThat(crmMon(broken, "-1")).isEqualTo(103);
        assertThat(err).contains("broken.xml");
        assertThat(crmMon(fixture(), "--output-as=json")).isEqualTo(64);
        assertThat(err).contains("--output-as must be text or xml, not 'json'");
        assertThat(crmMon(fixture(), "-i", "0")).isEqualTo(64);
        assertThat(crmMon(fixture(), "--bogus")).isEqualTo(64);
        assertThat(err).contains("Use --help");
    }

    @Test
    void theHtmlPageHoldsTheTextView() throws Exception {
        Path page = dir.resolve("status.html");
        assertThat(crmMon(fixture(), "--as-html", page.toString())).isZero();
        assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>").contains("Current DC: node2 (node2)")
                .contains("<meta http-equiv=\"refresh\"");
    }

    private static Element parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    }

    private static Map<String, String> nodes(Element result) {
        Map<String, String> nodes = new TreeMap<>();
        NodeList list = ((Element) result.getElementsByTagName("nodes").item(0)).getElementsByTagName("node");
        for (int i = 0; i < list.getLength(); i++) {
            Element node = (Element) list.item(i);
            nodes.put(node.getAttribute("name"), String.join(" ", node.getAttribute("online"), node.getAttribute("standby"),
                    node.getAttribute("is_dc"), node.getAttribute("resources_running")));
        }
        return nodes;
    }

    private static List<String> resources(Element result) {
        List<String> resources = new ArrayList<>();
        NodeList list = ((Element) result.getElementsByTagName("resources").item(0)).getElementsByTagName("resource");
        for (int i = 0; i < list.getLength(); i++) {
            Element r = (Element) list.item(i);
            StringBuilder line = new StringBuilder(((Element) r.getParentNode()).getAttribute("id") + "/" + r.getAttribute("id")
                    + " " + r.getAttribute("role") + " " + r.getAttribute("active") + " " + r.getAttribute("target_role"));
            NodeList on = r.getElementsByTagName("node");
            for (int j = 0; j < on.getLength(); j++) {
                line.append(' ').append(((Element) on.item(j)).getAttribute("name"));
            }
            resources.add(line.toString());
        }
        return resources;
    }

    private static List<String> failures(Element result) {
        List<String> failures = new ArrayList<>();
        NodeList list = result.getElementsByTagName("failure");
        for (int i = 0; i < list.getLength(); i++) {
            Element f = (Element) list.item(i);
            failures.add(String.join(" ", f.getAttribute("op_key"), f.getAttribute("node"), f.getAttribute("exitcode"),
                    f.getAttribute("exitreason"), f.getAttribute("status"), f.getAttribute("last-rc-change")));
        }
        return failures;
    }
}
