package org.jheartbeat.cli.crmresource;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.jheartbeat.lrm.catalog.InstalledAgents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** crm_resource's commands on the cluster's resources, on a saved CIB (CIB_file). */
class ClusterResourceCommandsTest {

    @TempDir
    Path dir;

    private Path cib;
    private String out;
    private String err;

    @BeforeEach
    void copyTheCib() throws Exception {
        cib = dir.resolve("cib.xml");
        Files.copy(Path.of(getClass().getResource("/crmmon/running.xml").toURI()), cib);
    }

    private int crmResource(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        var commandLine = CrmResourceMain.commandLine(new CrmResourceMain(() -> InstalledAgents.fromEnvironment(Map.of()),
                Map.of("CIB_file", cib.toString()), () -> Instant.parse("2026-11-26T12:00:00Z")));
        commandLine.setOut(new PrintWriter(o));
        commandLine.setErr(new PrintWriter(e));
        int status = commandLine.execute(args);
        out = o.toString();
        err = e.toString();
        return status;
    }

    private String cibText() throws Exception {
        return Files.readString(cib);
    }

    @Test
    void listAndLocate() {
        assertThat(crmResource("--list")).isZero();
        assertThat(out).startsWith("  * Resource Group: g:\n    * d1\t(ocf:heartbeat:Dummy):\t Started node1\n");
        assertThat(crmResource("-W", "-r", "g")).isZero();
        assertThat(out).isEqualTo("resource g is running on: node1\n");
        assertThat(crmResource("--locate", "-r", "c")).isZero();
        assertThat(out).isEqualTo("resource c is running on: node1\nresource c is running on: node2\n");
        assertThat(crmResource("-W", "-r", "d3")).isZero();
        assertThat(out).isEqualTo("resource d3 is NOT running\n");
    }

    @Test
    void moveBanAndClearMakeAndRemoveTheConstraintsPacemakerNames() throws Exception {
        assertThat(crmResource("--move", "-r", "g", "-N", "node2")).isZero();
        assertThat(cibText()).contains("<rsc_location id=\"cli-prefer-g\" rsc=\"g\" role=\"Started\" node=\"node2\" score=\"INFINITY\"/>");
        assertThat(crmResource("--move", "-r", "g")).isZero();
        assertThat(cibText()).contains("<rsc_location id=\"cli-ban-g-on-node1\" rsc=\"g\" role=\"Started\" node=\"node1\""
                + " score=\"-INFINITY\"/>");
        assertThat(err).contains("WARNING: Creating rsc_location constraint 'cli-ban-g-on-node1' with a score of -INFINITY");
        assertThat(crmResource("--ban", "-r", "d3", "-N", "node3")).isZero();
        assertThat(crmResource("--clear", "-r", "g")).isZero();
        assertThat(out).isEqualTo("Removing constraint: cli-prefer-g\nRemoving constraint: cli-ban-g-on-node1\n");
        assertThat(cibText()).doesNotContain("cli-prefer-g").doesNotContain("cli-ban-g-on-node1").contains("cli-ban-d3-on-node3");
    }

    @Test
    void aMoveThatCannotBeIsRefusedAndChangesNothing() throws Exception {
        String before = cibText();
        assertThat(crmResource("--move", "-r", "g", "-N", "node1")).isEqualTo(1);
        assertThat(err).contains("already active on node1");
        assertThat(crmResource("--move", "-r", "g", "-N", "node9")).isEqualTo(105);
        assertThat(err).contains("Node 'node9' not found");
        assertThat(crmResource("--move", "-r", "c")).isEqualTo(1);
        assertThat(err).contains("active in 2 locations").contains("-N");
        assertThat(crmResource("--ban", "-r", "d3")).isEqualTo(1);
        assertThat(crmResource("--move", "-r", "nosuch", "-N", "node2")).isEqualTo(105);
        assertThat(err).contains("Resource 'nosuch' not found");
        assertThat(cibText()).isEqualTo(before);
    }

    @Test
    void instanceAndMetaAttributesAreSetReadAndDeleted() throws Exception {
        assertThat(crmResource("-r", "d2", "-p", "fake", "-v", "hello")).isZero();
        assertThat(out).isEqualTo("Set 'd2' option: id=d2-instance_attributes-fake set=d2-instance_attributes name=fake"
                + " value=hello\n");
        assertThat(crmResource("-r", "d2", "-g", "fake")).isZero();
        assertThat(out).isEqualTo("hello\n");
        assertThat(crmResource("-r", "d3", "--meta", "-p", "target-role", "-v", "Started")).isZero();
        assertThat(out).contains("id=d3-target-role set=d3-meta");
        assertThat(crmResource("-r", "d3", "--meta", "-g", "target-role")).isZero();
        assertThat(out).isEqualTo("Started\n");
        assertThat(crmResource("-r", "d2", "-d", "fake")).isZero();
        assertThat(crmResource("-r", "d2", "-g", "fake")).isEqualTo(105);
        assertThat(err).contains("Attribute 'fake' not found for 'd2'");
    }

    @Test
    void cleanupInASavedCibForgetsTheHistoryAndFailcounts() throws Exception {
        assertThat(crmResource("--cleanup", "-r", "d1", "-N", "node1")).isZero();
        assertThat(out).isEqualTo("Cleaned up d1 on node1\n");
        assertThat(cibText()).doesNotContain("d1_last_failure_0").doesNotContain("fail-count-d1").contains("d2_last_0");
    }

    @Test
    void whyNamesTheScoresThatPlacedIt() {
        assertThat(crmResource("--why", "-r", "d1")).isZero();
        assertThat(out).contains("d1").contains("node1");
    }

    @Test
    void badCommandLinesAreRefused() {
        assertThat(crmResource()).isEqualTo(64);
        assertThat(err).contains("give one command");
        assertThat(crmResource("-W")).isEqualTo(64);
        assertThat(err).contains("needs a resource");
        assertThat(crmResource("-r", "d1", "-p", "fake")).isEqualTo(64);
        assertThat(err).contains("needs a value");
        assertThat(crmResource("-W", "-M", "-r", "d1")).isEqualTo(64);
    }
}
