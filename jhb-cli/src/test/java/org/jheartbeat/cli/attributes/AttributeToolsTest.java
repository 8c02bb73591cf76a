package org.jheartbeat.cli.attributes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jheartbeat.cib.model.CibTemplate;
import org.jheartbeat.cib.xml.CibXml;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** crm_attribute, crm_master and attrd_updater on a CIB file (CIB_file), as agents and operators call them. */
class AttributeToolsTest {

    @TempDir
    Path dir;

    private Path cib;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void setUp() throws Exception {
        cib = dir.resolve("cib.xml");
        Files.writeString(cib, CibXml.toXml(CibTemplate.empty()));
    }

    @Test
    void aNodeAttributeIsSetReadAndDeletedForEachLifetime() throws Exception {
        assertThat(attribute("-N", "node1", "-n", "site", "-v", "east", "-l", "forever")).isZero();
        assertThat(attribute("-N", "node1", "-n", "pingd", "-v", "100", "-l", "reboot")).isZero();
        assertThat(attribute("-N", "node1", "-n", "site", "-G", "-l", "forever")).isZero();
        assertThat(out.toString()).isEqualTo("scope=nodes  name=site value=east\n");
        assertThat(attribute("-N", "node1", "-n", "pingd", "-G", "-t", "status", "-q")).isZero();
        assertThat(out.toString()).isEqualTo("100\n");
        assertThat(Files.readString(cib)).contains("<nvpair id=\"nodes-node1-site\" name=\"site\" value=\"east\"/>")
                .contains("<nvpair id=\"status-node1-pingd\" name=\"pingd\" value=\"100\"/>");

        assertThat(attribute("-N", "node1", "-n", "site", "-D", "-l", "forever")).isZero();
        assertThat(attribute("-N", "node1", "-n", "site", "-G", "-l", "forever")).isEqualTo(105);
        assertThat(err.toString()).contains("No such device or address");
        assertThat(attribute("-N", "node1", "-n", "site", "-D", "-l", "forever")).as("deleting twice").isZero();
    }

    @Test
    void withoutANodeTheAttributeIsAClusterOption() throws Exception {
        assertThat(attribute("-n", "stonith-enabled", "-v", "false")).isZero();
        assertThat(attribute("-n", "stonith-enabled", "-G")).isZero();
        assertThat(out.toString()).isEqualTo("scope=crm_config  name=stonith-enabled value=false\n");
        assertThat(Files.readString(cib)).contains("<cluster_property_set id=\"cib-bootstrap-options\">");
    }

    @Test
    void anAgentsPromotionScoreIsNamedAfterItsResourceWithoutTheCloneNumber() throws Exception {
        Map<String, String> agent = Map.of("CIB_file", cib.toString(), "OCF_RESOURCE_INSTANCE", "ms1:1");
        assertThat(run(CrmAttributeMain.commandLine(new CrmAttributeMain(agent)), "-N", "node2", "--promotion", "-v", "5"))
                .isZero();
        assertThat(Files.readString(cib)).contains("<nvpair id=\"status-node2-master-ms1\" name=\"master-ms1\" value=\"5\"/>");

        assertThat(run(CrmMasterMain.commandLine(new CrmMasterMain(agent)), "-N", "node2", "-l", "reboot", "-v", "10"))
                .isZero();
        assertThat(run(CrmMasterMain.commandLine(new CrmMasterMain(agent)), "-N", "node2", "-G", "-q")).isZero();
        assertThat(out.toString()).isEqualTo("10\n");
        assertThat(run(CrmMasterMain.commandLine(new CrmMasterMain(agent)), "-N", "node2", "-D")).isZero();
        assertThat(Files.readString(cib)).doesNotContain("master-ms1");
    }

    @Test
    void attrdUpdaterSetsTransientAttributes() throws Exception {
        assertThat(attrd("-n", "pingd", "-U", "200", "-N", "node1", "-d", "5s")).isZero();
        assertThat(attrd("-n", "pingd", "-Q", "-N", "node1")).isZero();
        assertThat(out.toString()).isEqualTo("name=\"pingd\" host=\"node1\" value=\"200\"\n");
        assertThat(attrd("-n", "pingd", "-D", "-N", "node1")).isZero();
        assertThat(attrd("-n", "pingd", "-Q", "-N", "node1")).isEqualTo(105);
        assertThat(err.toString()).contains("Could not query value of pingd: attribute does not exist");
    }

    @Test
    void badCommandLinesChangeNothing() throws Exception {
        String before = Files.readString(cib);
        assertThat(attribute("-N", "node1", "-n", "a']|//x", "-v", "1")).isEqualTo(64);
        assertThat(err.toString()).contains("attribute name 'a']|//x' may hold only");
        assertThat(attribute("-N", "node1", "-n", "a", "-v", "1", "-D")).isEqualTo(64);
        assertThat(err.toString()).contains("give one of -v, -G and -D");
        assertThat(attribute("-N", "node1", "-n", "a", "-v", "1", "-l", "reboot", "-t", "nodes")).isEqualTo(64);
        assertThat(err.toString()).contains("-l reboot and -t nodes disagree");
        assertThat(attribute("-N", "node1", "-n", "a", "-v", "1", "-l", "sometimes")).isEqualTo(64);
        assertThat(err.toString()).contains("'sometimes' is not a lifetime");
        assertThat(attribute("--promotion", "-v", "1", "-N", "node1")).isEqualTo(64);
        assertThat(err.toString()).contains("no resource");
        assertThat(attrd("-n", "a", "-U", "1", "-l", "forever", "-N", "node1")).isEqualTo(64);
        assertThat(err.toString()).contains("use crm_attribute -l forever");
        assertThat(Files.readString(cib)).isEqualTo(before);
    }

    private int attribute(String... args) {
        return run(CrmAttributeMain.commandLine(new CrmAttributeMain(Map.of("CIB_file", cib.toString()))), args);
    }

    private int attrd(String... args) {
        return run(AttrdUpdaterMain.commandLine(new AttrdUpdaterMain(Map.of("CIB_file", cib.toString()))), args);
    }

    private int run(CommandLine commandLine, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
