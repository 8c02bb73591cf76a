package org.jheartbeat.lrm.catalog;

import org.jheartbeat.testkit.Prerequisites;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.jheartbeat.cib.verify.AgentName;
import org.jheartbeat.cib.verify.AgentPresence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstalledAgentsTest {

    @TempDir
    Path dir;

    @Test
    void readsRequiredParametersFromTheRealAgentsMetaData() {
        Prerequisites.require(Files.isExecutable(InstalledAgents.DEFAULT_OCF_ROOT.resolve("resource.d/heartbeat/IPaddr2")),
                "resource-agents is not installed");
        InstalledAgents agents = new InstalledAgents(InstalledAgents.DEFAULT_OCF_ROOT, dir, dir, List.of(dir), Duration.ofSeconds(10));
        AgentName ipaddr2 = new AgentName("ocf", "heartbeat", "IPaddr2");
        AgentName dummy = new AgentName("ocf", "heartbeat", "Dummy");

        assertThat(agents.exists(ipaddr2)).isEqualTo(AgentPresence.INSTALLED);
        assertThat(agents.requiredParameters(ipaddr2)).containsExactly("ip");
        assertThat(agents.requiredParameters(dummy)).isEmpty();
        assertThat(agents.exists(new AgentName("ocf", "heartbeat", "NoSuchAgent"))).isEqualTo(AgentPresence.MISSING);
        assertThat(agents.exists(new AgentName("ocf", "nosuchprovider", "IPaddr2"))).isEqualTo(AgentPresence.MISSING);
    }

    @Test
    void findsScriptsOfTheOtherClassesWhereTheLrmLooks() throws IOException {
        Path initDir = Files.createDirectory(dir.resolve("init.d"));
        Path haDir = Files.createDirectory(dir.resolve("resource.d"));
        executable(initDir.resolve("postgresql"));
        executable(haDir.resolve("IPaddr"));
        InstalledAgents agents = new InstalledAgents(dir, initDir, haDir, List.of(), Duration.ofSeconds(1));

        assertThat(agents.exists(new AgentName("lsb", "", "postgresql"))).isEqualTo(AgentPresence.INSTALLED);
        assertThat(agents.exists(new AgentName("lsb", "", "mysql"))).isEqualTo(AgentPresence.MISSING);
        assertThat(agents.exists(new AgentName("heartbeat", "", "IPaddr"))).isEqualTo(AgentPresence.INSTALLED);
        assertThat(agents.exists(new AgentName("lsb", "", "../resource.d/IPaddr"))).isEqualTo(AgentPresence.MISSING);
    }

    @Test
    void stonithPluginsComeFromStonithListOrCannotBeTold() throws IOException {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        InstalledAgents withoutClusterGlue = new InstalledAgents(dir, dir, dir, List.of(bin), Duration.ofSeconds(5));
        assertThat(withoutClusterGlue.exists(new AgentName("stonith", "", "external/ipmi"))).isEqualTo(AgentPresence.UNVERIFIABLE);

        Files.writeString(bin.resolve("stonith"), "#!/bin/sh\n[ \"$1\" = -L ] && printf 'apcsmart\\nexternal/ipmi\\n'\n");
        executable(bin.resolve("stonith"));
        executable(bin.resolve("fence_ipmilan"));
        InstalledAgents withClusterGlue = new InstalledAgents(dir, dir, dir, List.of(bin), Duration.ofSeconds(5));

        assertThat(withClusterGlue.exists(new AgentName("stonith", "", "external/ipmi"))).isEqualTo(AgentPresence.INSTALLED);
        assertThat(withClusterGlue.exists(new AgentName("stonith", "", "external/nosuch"))).isEqualTo(AgentPresence.MISSING);
        assertThat(withClusterGlue.exists(new AgentName("stonith", "", "fence_ipmilan"))).isEqualTo(AgentPresence.INSTALLED);
    }

    @Test
    void anAgentWhoseMetaDataHangsIsGivenUpAfterTheTimeout() throws IOException {
        Path agent = dir.resolve("resource.d/test/Hangs");
        Files.createDirectories(agent.getParent());
        Files.writeString(agent, "#!/bin/sh\nexec sleep 30\n");
        executable(agent);
        InstalledAgents agents = new InstalledAgents(dir, dir, dir, List.of(), Duration.ofMillis(200));

        assertThat(agents.requiredParameters(new AgentName("ocf", "test", "Hangs"))).isEmpty();
    }

    @Test
    void metaDataWithADoctypeIsReadWithoutLoadingIt() {
        String metaData = "<?xml version=\"1.0\"?>\n<!DOCTYPE resource-agent SYSTEM \"http://invalid.example/ra-api-1.dtd\">\n"
                + "<resource-agent name=\"X\"><parameters><parameter name=\"ip\" required=\"1\"/>"
                + "<parameter name=\"nic\" required=\"0\"/><parameter name=\"config\" required=\"true\"/></parameters></resource-agent>";

        assertThat(AgentMetaData.requiredParameters(metaData)).contains(List.of("ip", "config"));
        assertThat(AgentMetaData.requiredParameters("not xml")).isEmpty();
    }

    private static void executable(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.writeString(file, "#!/bin/sh\nexit 0\n");
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
