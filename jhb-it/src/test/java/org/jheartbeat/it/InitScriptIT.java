package org.jheartbeat.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** packaging/init.d/heartbeat driving the real daemon: start, status, reload, stop, restart. */
class InitScriptIT {

    private static final Path SCRIPT = Path.of("..", "packaging", "init.d", "heartbeat").toAbsolutePath().normalize();

    @TempDir
    Path base;

    private NodeProcess node;
    private Path defaults;

    @BeforeEach
    void install() throws Exception {
        String host = HostName.local();
        node = new NodeProcess(host, base.resolve("node"), List.of());
        ClusterFiles.write(node, List.of("keepalive 100ms", "deadtime 1", "initdead 12", "udpport 26941",
                "ucast lo 127.0.0.1", "ucast lo 127.0.0.2", "nodeaddr " + host + " 127.0.0.1",
                "node " + host + " other", "crm no"), "init");
        Files.createDirectories(node.stateDir());
        Path daemon = base.resolve("heartbeat");
        Files.writeString(daemon, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -cp '" + System.getProperty("java.class.path") + "' org.jheartbeat.daemon.HeartbeatMain \"$@\"\n");
        Files.setPosixFilePermissions(daemon, PosixFilePermissions.fromString("rwxr-xr-x"));
        defaults = base.resolve("default-heartbeat");
        Files.writeString(defaults, "HA_CONFIG_DIR=" + node.configDir() + "\nHA_STATE_DIR=" + node.stateDir()
                + "\nDAEMON=" + daemon + "\n");
    }

    @AfterEach
    void stop() throws Exception {
        service("stop");
    }

    private NodeProcess.ToolResult service(String action) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("sh", SCRIPT.toString(), action).redirectErrorStream(true);
        builder.environment().putAll(Map.of("HEARTBEAT_DEFAULTS", defaults.toString(), "START_WAIT", "30"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new NodeProcess.ToolResult(process.waitFor(), output);
    }

    @Test
    void startStatusReloadStopAsAnOperatorUsesThem() throws Exception {
        assertThat(service("status").exitCode()).isEqualTo(3);

        NodeProcess.ToolResult started = service("start");
        assertThat(started.exitCode()).as(started.output()).isZero();
        assertThat(started.output()).contains("Starting High-Availability services: heartbeat.");
        assertThat(service("status").exitCode()).isZero();

        assertThat(service("reload").exitCode()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> node.log().contains("Signal HUP"));

        NodeProcess.ToolResult stopped = service("stop");
        assertThat(stopped.exitCode()).isZero();
        assertThat(node.log()).contains("Heartbeat shutdown complete.");
        assertThat(service("status").exitCode()).isEqualTo(3);
    }

    @Test
    void aConfigurationErrorIsReportedByStart() throws Exception {
        Files.writeString(node.configDir().resolve("ha.cf"), "keepalive abc\n");

        NodeProcess.ToolResult started = service("start");

        assertThat(started.exitCode()).isNotZero();
        assertThat(started.output()).contains("configuration error");
    }
}
