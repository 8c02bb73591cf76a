package org.jheartbeat.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's life as an operator drives it: refusals at start, -s/-k, SIGHUP reloads. */
class DaemonLifecycleIT {

    private static final List<String> ONE_NODE = List.of("keepalive 100ms", "deadtime 1", "initdead 12",
            "udpport 26940", "ucast lo 127.0.0.1", "ucast lo 127.0.0.2", "nodeaddr solo 127.0.0.1",
            "node solo other", "crm no");

    @TempDir
    Path base;

    private NodeProcess node;

    @BeforeEach
    void files() throws Exception {
        node = new NodeProcess("solo", base.resolve("solo"), List.of());
        ClusterFiles.write(node, ONE_NODE, "secret");
    }

    @AfterEach
    void kill() throws Exception {
        node.close();
    }

    @Test
    void aConfigurationErrorStopsTheStartWithStatus6AndSaysWhere() throws Exception {
        Files.writeString(node.configDir().resolve("ha.cf"), "keepalive 2\ndeadtime 4\n", StandardOpenOption.APPEND);

        node.start();

        assertThat(node.awaitExit()).isEqualTo(6);
        assertThat(node.stdout()).contains("ha.cf:").contains("'deadtime'")
                .contains("Configuration error, heartbeat not started.");
        assertThat(node.stateDir().resolve("heartbeat.pid")).doesNotExist();
    }

    @Test
    void anAuthkeysFileReadableByOthersIsRefused() throws Exception {
        Files.setPosixFilePermissions(node.configDir().resolve("authkeys"), PosixFilePermissions.fromString("rw-r--r--"));

        node.start();

        assertThat(node.awaitExit()).isEqualTo(6);
        assertThat(node.stdout()).contains("authkeys").contains("600").contains("chmod 600");
    }

    @Test
    void statusAndStopOptionsWorkOnTheRunningDaemonAndASecondOneIsRefused() throws Exception {
        node.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> node.stateDir().resolve("heartbeat.sock").toFile().exists());

        NodeProcess.ToolResult status = node.heartbeat("-s");
        assertThat(status.exitCode()).isZero();
        assertThat(status.output()).contains("heartbeat OK [pid");

        NodeProcess second = new NodeProcess("solo", node.dir, List.of());
        second.start();
        assertThat(second.awaitExit()).isEqualTo(1);
        assertThat(second.stdout()).contains("already running");

        assertThat(node.heartbeat("-k").exitCode()).isZero();
        assertThat(node.awaitExit()).isZero();
        assertThat(node.log()).contains("Heartbeat shutdown complete.");
        assertThat(node.heartbeat("-s").exitCode()).isEqualTo(1);
    }

    @Test
    void theFirstStartWritesAnEmptyCibAndAChangedCibIsRefusedAtTheNextStart() throws Exception {
        node.start();
        Path cib = node.stateDir().resolve("cib").resolve("cib.xml");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(cib));
        assertThat(Files.readString(cib)).contains("<configuration>").contains("epoch=");
        assertThat(node.stateDir().resolve("cib").resolve("cib.xml.sig")).exists();
        assertThat(node.heartbeat("-k").exitCode()).isZero();
        node.awaitExit();

        Files.writeString(cib, Files.readString(cib).replace("<resources/>", "<resources><primitive id=\"x\" "
                + "class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\"/></resources>"));
        NodeProcess again = new NodeProcess("solo", node.dir, List.of());
        again.start();

        assertThat(again.awaitExit()).isEqualTo(1);
        assertThat(again.log() + again.stdout()).contains("cib.xml").contains("digest");
        assertThat(Files.readString(cib)).contains("primitive id=\"x\"");
    }

    @Test
    void sighupKeepsTheRunningConfigurationWhenTheNewOneIsBadAndAppliesAGoodOne() throws Exception {
        node.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> node.stateDir().resolve("heartbeat.sock").toFile().exists());
        Path haCf = node.configDir().resolve("ha.cf");
        String good = Files.readString(haCf);

        Files.writeString(haCf, good + "KEEPALIVE 1\n");
        node.signal("HUP");
        await().atMost(Duration.ofSeconds(10)).until(() -> node.log().contains("keeping the running configuration"));
        assertThat(node.log()).contains("KEEPALIVE");
        assertThat(node.running()).isTrue();

        Files.writeString(haCf, good.replace("keepalive 100ms", "keepalive 200ms"));
        node.signal("HUP");
        await().atMost(Duration.ofSeconds(10)).until(() -> node.log().contains("restarting the messaging layer"));
        await().atMost(Duration.ofSeconds(10)).until(() -> node.log().lines()
                .filter(l -> l.contains("Heartbeat generation:")).count() == 2);
        assertThat(node.status().parameters()).containsEntry("keepalive", "200ms");
    }
}
