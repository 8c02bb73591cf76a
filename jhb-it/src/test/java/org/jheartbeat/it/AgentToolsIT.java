package org.jheartbeat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.jheartbeat.cli.attributes.AttrdUpdaterMain;
import org.jheartbeat.cli.attributes.CrmAttributeMain;
import org.jheartbeat.cli.attributes.CrmMasterMain;
import org.jheartbeat.cli.crmnode.CrmNodeMain;
import org.jheartbeat.testkit.Prerequisites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real ocf:pacemaker:Stateful agent, run by the daemon's LRM, sets its promotion score with
 * crm_attribute: ours, which the LRM puts first in the agent's PATH, and which writes it into
 * the daemon's CIB. On loopback, no root needed.
 */
class AgentToolsIT {

    private static final Path STATEFUL = Path.of("/usr/lib/ocf/resource.d/pacemaker/Stateful");
    private static final Map<String, Class<?>> TOOLS = Map.of("crm_attribute", CrmAttributeMain.class,
            "crm_master", CrmMasterMain.class, "attrd_updater", AttrdUpdaterMain.class, "crm_node", CrmNodeMain.class);

    @TempDir
    Path base;

    @Test
    void statefulsPromotionScoreReachesTheCib() throws Exception {
        Prerequisites.require(Files.isExecutable(STATEFUL), "pacemaker-resource-agents (ocf:pacemaker:Stateful)");
        Path tools = agentTools();
        NodeProcess node = new NodeProcess("node1", base.resolve("node1"), List.of(),
                List.of("-Djhb.agentTools=" + tools));
        ClusterFiles.write(node, List.of("keepalive 200ms", "deadtime 2", "initdead 4", "udpport 27691",
                "ucast lo 127.0.0.1", "node node1", "crm no"), "tools");
        try {
            node.start();
            for (int i = 0; i < 100 && !Files.exists(node.stateDir().resolve("heartbeat.sock")); i++) {
                Thread.sleep(100);
            }
            assertThat(node.lrmadmin("-A", "ms1:0", "ocf", "Stateful", "pacemaker",
                    "state=" + base.resolve("ms1.state")).exitCode()).isZero();

            assertThat(node.lrmadmin("-E", "ms1:0", "start", "60000", "0", "0").exitCode()).isZero();
            assertThat(score(node)).isEqualTo("5");
            assertThat(node.lrmadmin("-E", "ms1:0", "promote", "60000", "0", "0").exitCode()).isZero();
            assertThat(score(node)).isEqualTo("10");
            assertThat(node.lrmadmin("-E", "ms1:0", "demote", "60000", "0", "0").exitCode()).isZero();
            assertThat(node.lrmadmin("-E", "ms1:0", "stop", "60000", "0", "0").exitCode()).isZero();
            assertThat(node.tool(CrmAttributeMain.class, "--promotion=ms1", "-G").exitCode()).isEqualTo(105);

            assertThat(node.tool(CrmNodeMain.class, "-n").output()).isEqualTo("node1\n");
            assertThat(node.tool(CrmNodeMain.class, "-l").output()).isEqualTo("node1 node1 member\n");
            assertThat(node.tool(CrmNodeMain.class, "-q").output()).isEqualTo("1\n");
        } finally {
            node.close();
        }
    }

    private static String score(NodeProcess node) throws Exception {
        return node.tool(CrmAttributeMain.class, "--promotion=ms1", "-G", "-q").output().trim();
    }

    /** The agent-tools directory as bin/agent-tools makes it, launching the test's classes. */
    private Path agentTools() throws IOException {
        Path dir = Files.createDirectories(base.resolve("agent-tools"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (Map.Entry<String, Class<?>> tool : TOOLS.entrySet()) {
            Path script = dir.resolve(tool.getKey());
            Files.writeString(script, "#!/bin/sh\nexec " + java + " -XX:TieredStopAtLevel=1 -cp '"
                    + System.getProperty("java.class.path") + "' " + tool.getValue().getName() + " \"$@\"\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return dir;
    }
}
