package org.jheartbeat.daemon.haresources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibTemplate;
import org.jheartbeat.cib.model.CibVersion;
import org.jheartbeat.cib.schema.CibSchema;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.common.config.ConfigException;
import org.jheartbeat.messaging.config.HaCfParser;
import org.jheartbeat.messaging.config.HaConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HaResourcesCibTest {

    @TempDir
    Path dir;

    private Path resourceDir;
    private Path initDir;
    private Path file;

    @BeforeEach
    void scripts() throws IOException {
        resourceDir = Files.createDirectories(dir.resolve("resource.d"));
        initDir = Files.createDirectories(dir.resolve("init.d"));
        script(resourceDir.resolve("IPaddr"));
        script(initDir.resolve("postgresql"));
        file = dir.resolve("haresources");
    }

    private static void script(Path path) throws IOException {
        Files.writeString(path, "#!/bin/sh\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private HaConfig haCf(String... extra) throws Exception {
        Path haCf = dir.resolve("ha.cf");
        StringBuilder text = new StringBuilder("node node01 node02\nucast lo 127.0.0.1\n");
        for (String line : extra) {
            text.append(line).append('\n');
        }
        Files.writeString(haCf, text);
        return new HaCfParser().parse(haCf, "node01");
    }

    private HaResourcesPlan plan(HaConfig haCf, String... lines) throws ConfigException {
        return HaResourcesCib.translate(file, HaResourcesParser.parse(file, List.of(lines)), haCf, resourceDir, initDir);
    }

    private static CibDocument installed(HaResourcesPlan plan) {
        return HaResourcesCib.install(CibTemplate.empty(), plan).orElseThrow();
    }

    @Test
    void theDocumentsLineBecomesAGroupPreferringItsNodeWithHeartbeatAndLsbPrimitives() throws Exception {
        HaResourcesPlan plan = plan(haCf("auto_failback on"), "NODE01 IPaddr::192.168.0.100/24/eth0 postgresql");
        CibDocument cib = installed(plan);

        assertThat(CibSchema.validate(cib)).isEmpty();
        String xml = CibXml.toXml(cib);
        assertThat(xml).contains("""
                      <group id="group_1">
                        <primitive class="heartbeat" id="IPaddr_1_1" type="IPaddr">
                          <instance_attributes id="IPaddr_1_1-instance_attributes">
                            <nvpair id="IPaddr_1_1-instance_attributes-1" name="1" value="192.168.0.100/24/eth0"/>
                          </instance_attributes>
                          <operations>
                            <op id="IPaddr_1_1-monitor-0" interval="0" name="monitor" timeout="120s"/>
                            <op id="IPaddr_1_1-start-0" interval="0" name="start" timeout="120s"/>
                            <op id="IPaddr_1_1-stop-0" interval="0" name="stop" timeout="120s"/>
                          </operations>
                        </primitive>
                        <primitive class="lsb" id="postgresql_1_2" type="postgresql">
                          <operations>
                """, "<rsc_location id=\"location_group_1\" node=\"node01\" rsc=\"group_1\" score=\"100\"/>");
        assertThat(xml).contains("name=\"stonith-enabled\" value=\"false\"", "name=\"no-quorum-policy\" value=\"ignore\"",
                "name=\"resource-stickiness\" value=\"0\"");
        assertThat(plan.summary()).containsExactly(
                "group_1 (line 1) prefers node01: IPaddr_1_1 (heartbeat::IPaddr 192.168.0.100/24/eth0),"
                        + " postgresql_1_2 (lsb::postgresql)",
                "auto_failback on: resource-stickiness 0, groups go back to their node when it returns");
        assertThat(plan.errors()).isEmpty();
    }

    @Test
    void autoFailbackOffKeepsGroupsWhereTheyRunAndLegacyWorksAsOn() throws Exception {
        assertThat(CibXml.toXml(installed(plan(haCf("auto_failback off"), "node02 10.0.0.1"))))
                .contains("name=\"resource-stickiness\" value=\"200\"");
        HaResourcesPlan legacy = plan(haCf("auto_failback legacy"), "node02 10.0.0.1");
        assertThat(CibXml.toXml(installed(legacy))).contains("name=\"resource-stickiness\" value=\"0\"");
        assertThat(legacy.summary().get(1)).startsWith("auto_failback legacy (deprecated, works as 'on'");
    }

    @Test
    void eachLineIsAGroupOfItsOwnWithDeterministicIds() throws Exception {
        CibDocument cib = installed(plan(haCf(), "node01 10.0.0.1 IPaddr::10.0.0.2", "node02 10.0.0.3 postgresql"));

        assertThat(CibSchema.validate(cib)).isEmpty();
        String xml = CibXml.toXml(cib);
        assertThat(xml).contains("id=\"IPaddr_1_1\"", "id=\"IPaddr_1_2\"",
                "<group id=\"group_2\">\n        <primitive class=\"heartbeat\" id=\"IPaddr_2_1\"",
                "id=\"postgresql_2_2\"", "node=\"node02\" rsc=\"group_2\"");
        assertThat(HaResourcesCib.primitiveId("3ware+raid", 4, 2)).isEqualTo("rsc_3ware_raid_4_2");
    }

    @Test
    void aScriptFoundNowhereIsAHeartbeatPrimitiveAndAnErrorInTheLogAsIn306() throws Exception {
        HaResourcesPlan plan = plan(haCf(), "node01 10.0.0.1 pgsql");

        assertThat(CibXml.toXml(installed(plan))).contains("<primitive class=\"heartbeat\" id=\"pgsql_1_2\" type=\"pgsql\">");
        assertThat(plan.errors()).containsExactly(file + ":1: Cannot locate resource script pgsql (neither in "
                + resourceDir + " nor in " + initDir + "): its group cannot start until it is installed. Install it in"
                + " one of them (an init script, or a Heartbeat-class script taking the line's arguments)");
    }

    @Test
    void aNodeNotInHaCfAndArgumentsToAnInitScriptAreRefused() throws Exception {
        HaConfig haCf = haCf();
        assertThatThrownBy(() -> plan(haCf, "# x", "node03 10.0.0.1")).isInstanceOf(ConfigException.class)
                .hasMessage(file + ":2: 'node03': not a node of " + dir.resolve("ha.cf") + " (its nodes: node01 node02)."
                        + " Start the line with the preferred node's name as ha.cf's node directive gives it (uname -n)");
        assertThatThrownBy(() -> plan(haCf, "node01 postgresql::15")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'postgresql::15': an init script of " + initDir + " cannot be given arguments");
    }

    @Test
    void installingAgainChangesNothingAndAChangeRaisesTheEpochKeepingNodesAndStatus() throws Exception {
        HaResourcesPlan plan = plan(haCf(), "node01 10.0.0.1");
        CibDocument first = installed(plan);
        assertThat(first.version()).isEqualTo(new CibVersion(0, 2, 0));
        assertThat(HaResourcesCib.install(first, plan)).isEmpty();

        CibDocument withNodes = CibXml.parse(CibXml.toXml(first).replace("<nodes/>",
                "<nodes><node id=\"n1\" uname=\"node01\"/></nodes>").replace("<status/>",
                "<status><node_state id=\"n1\" uname=\"node01\"/></status>"), "stored");
        CibDocument second = HaResourcesCib.install(withNodes, plan(haCf(), "node02 10.0.0.2")).orElseThrow();
        String xml = CibXml.toXml(second);
        assertThat(second.version()).isEqualTo(new CibVersion(0, 3, 0));
        assertThat(xml).contains("<node id=\"n1\" uname=\"node01\"/>", "<node_state id=\"n1\" uname=\"node01\"/>",
                "node=\"node02\"").doesNotContain("10.0.0.1");
    }
}
