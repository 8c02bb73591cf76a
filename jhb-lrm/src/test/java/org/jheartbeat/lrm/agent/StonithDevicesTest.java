package org.jheartbeat.lrm.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jheartbeat.common.time.SystemClock;
import org.jheartbeat.exec.ProcessAgentLauncher;
import org.jheartbeat.testkit.Prerequisites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fencing through the stonith class: an external/* plugin found on STONITH_EXTERNAL_PATH runs
 * directly with the external plugin protocol (parameters in the environment, pcmk_* kept back);
 * any other type goes through cluster-glue's stonith command.
 */
class StonithDevicesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Logs each call with its environment's "outlet" and any pcmk_ variable, and fences only node1. */
    private static final String PLUGIN = """
            #!/bin/sh
            echo "$* outlet=$outlet pcmk=$pcmk_host_list" >> "$calls"
            case "$1" in
              gethosts) echo node1; echo node2 ;;
              reset|off|on) [ "$2" = node1 ] || { echo "no outlet for $2" >&2; exit 1; } ;;
              status) ;;
              *) exit 1 ;;
            esac
            """;

    @TempDir
    Path dir;

    private ProcessAgentLauncher launcher;
    private StonithClass stonith;
    private Path calls;

    @BeforeEach
    void setUp() throws IOException {
        Path plugins = Files.createDirectory(dir.resolve("external"));
        Path plugin = plugins.resolve("test-pdu");
        Files.writeString(plugin, PLUGIN);
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwxr-xr-x"));
        calls = dir.resolve("calls");
        launcher = new ProcessAgentLauncher(Files.createDirectory(dir.resolve("exec")), 64 * 1024, SystemClock.INSTANCE);
        stonith = new StonithClass(Path.of("/usr/sbin/stonith"),
                StonithPluginPath.fromEnvironment(Map.of(StonithPluginPath.VARIABLE, "/nonexistent:" + plugins)),
                AgentEnvironment.agentsOnly(Path.of("/usr/lib/ocf"), Files.createDirectory(dir.resolve("rsctmp"))),
                launcher, SystemClock.INSTANCE);
    }

    @AfterEach
    void tearDown() {
        launcher.close();
    }

    private Map<String, String> parameters() {
        return Map.of("outlet", "7", "calls", calls.toString(), "pcmk_host_list", "node1");
    }

    @Test
    void aPluginOnTheExtraPathListsItsHostsAndFences() throws Exception {
        assertThat(stonith.hosts("external/test-pdu", parameters(), TIMEOUT).join().hostNames())
                .containsExactly("node1", "node2");
        DeviceAnswer fenced = stonith.fence("external/test-pdu", parameters(), "reset", "node1", TIMEOUT).join();
        assertThat(fenced.ok()).isTrue();
        DeviceAnswer refused = stonith.fence("external/test-pdu", parameters(), "off", "node3", TIMEOUT).join();
        assertThat(refused.ok()).isFalse();
        assertThat(refused.failure()).endsWith("test-pdu off node3: exit code 1 (no outlet for node3)");
        assertThat(Files.readAllLines(calls)).containsExactly("gethosts outlet=7 pcmk=", "reset node1 outlet=7 pcmk=",
                "off node3 outlet=7 pcmk=");
    }

    @Test
    void aPluginWritableByOthersIsRefusedAsClusterGlueRefusesIt() throws Exception {
        Files.setPosixFilePermissions(dir.resolve("external/test-pdu"), PosixFilePermissions.fromString("rwxrwxrwx"));
        DeviceAnswer answer = stonith.fence("external/test-pdu", parameters(), "reset", "node1", TIMEOUT).join();
        assertThat(answer.ok()).isFalse();
        assertThat(answer.failure()).contains("writable by group or others").contains("chmod go-w");
        assertThat(calls).doesNotExist();
    }

    @Test
    void otherTypesGoThroughTheStonithCommand() {
        Prerequisites.require(Files.isExecutable(Path.of("/usr/sbin/stonith")), "cluster-glue (stonith)");
        Map<String, String> hostlist = Map.of("hostlist", "node1 node2");
        assertThat(stonith.hosts("null", hostlist, TIMEOUT).join().hostNames()).containsExactly("node1", "node2");
        assertThat(stonith.fence("null", hostlist, "reset", "node2", TIMEOUT).join().ok()).isTrue();
        DeviceAnswer unknown = stonith.fence("external/not-there", hostlist, "reset", "node2", TIMEOUT).join();
        assertThat(unknown.ok()).isFalse();
        assertThat(unknown.failure()).startsWith("stonith -t external/not-there -E -T reset node2: ");
    }

    @Test
    void thePathListsOnlyExternalTypes() {
        StonithPluginPath path = new StonithPluginPath(List.of(dir.resolve("external")));
        assertThat(path.find("external/test-pdu")).contains(dir.resolve("external/test-pdu"));
        assertThat(path.find("test-pdu")).isEmpty();
        assertThat(path.find("external/../external/test-pdu")).isEmpty();
    }
}
