package org.jheartbeat.daemon.respawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jheartbeat.common.loop.ThreadEventLoop;
import org.jheartbeat.common.time.SystemClock;
import org.jheartbeat.messaging.config.Respawn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes: restarted after they exit, except with status 100. */
class RespawnSupervisorTest {

    @TempDir
    Path dir;

    private final ThreadEventLoop loop = new ThreadEventLoop("respawn", SystemClock.INSTANCE, e -> { });
    private RespawnSupervisor supervisor;

    @AfterEach
    void stop() throws Exception {
        if (supervisor != null) {
            supervisor.stop();
        }
        loop.close();
    }

    private RespawnSupervisor supervise(int exitStatus) {
        Respawn child = new Respawn(System.getProperty("user.name"), "/bin/sh",
                List.of("-c", "echo \"run $GREETING\" >> '" + dir.resolve("runs") + "'; exit " + exitStatus));
        supervisor = new RespawnSupervisor(loop, List.of(child), Map.of("GREETING", "hello"),
                RespawnSupervisor.ChildLauncher.SYSTEM);
        supervisor.start();
        return supervisor;
    }

    private long runs() throws Exception {
        Path runs = dir.resolve("runs");
        return Files.exists(runs) ? Files.readAllLines(runs).size() : 0;
    }

    @Test
    void aChildThatExitsIsStartedAgainWithTheEnvLines() throws Exception {
        supervise(3);

        await().atMost(Duration.ofSeconds(10)).until(() -> runs() >= 3);
        assertThat(Files.readAllLines(dir.resolve("runs"))).allMatch("run hello"::equals);
    }

    @Test
    void aChildThatExitsWith100IsLeftAlone() throws Exception {
        supervise(RespawnSupervisor.DO_NOT_RESTART);

        await().atMost(Duration.ofSeconds(5)).until(() -> runs() == 1);
        await().pollDelay(RespawnSupervisor.RESTART_DELAY.multipliedBy(2)).atMost(Duration.ofSeconds(5))
                .until(() -> true);
        assertThat(runs()).isEqualTo(1);
    }

    @Test
    void anotherUserIsReachedThroughRunuser() {
        assertThat(RespawnSupervisor.command(new Respawn("hacluster", "/usr/lib/x/ipfail", List.of("-v"))))
                .containsExactly("runuser", "-u", "hacluster", "--", "/usr/lib/x/ipfail", "-v");
    }
}
