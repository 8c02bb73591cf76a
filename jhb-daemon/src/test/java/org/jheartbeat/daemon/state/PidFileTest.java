package org.jheartbeat.daemon.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    @TempDir
    Path dir;

    @Test
    void aLiveProcessThatIsNotTheDaemonDoesNotCountAsRunning() throws Exception {
        Process other = new ProcessBuilder("sleep", "30").start();
        try {
            Files.writeString(dir.resolve("heartbeat.pid"), String.format("%10d%n", other.pid()));
            assertThat(new PidFile(dir.resolve("heartbeat.pid")).runningPid()).isEmpty();
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aZombieDoesNotCountAsRunning() throws Exception {
        // A child of a shell that never reaps it stays a zombie while the shell sleeps.
        Process shell = new ProcessBuilder("sh", "-c", "sh -c 'exec java org.jheartbeat.daemon.HeartbeatMain "
                + "2>/dev/null; exit 0' & echo $!; exec sleep 30").start();
        try {
            long child = Long.parseLong(shell.inputReader().readLine().trim());
            Path stat = Path.of("/proc", Long.toString(child), "stat");
            for (int i = 0; i < 100 && Files.exists(stat) && !Files.readString(stat).contains(") Z "); i++) {
                shell.waitFor(100, TimeUnit.MILLISECONDS);
            }
            Files.writeString(dir.resolve("heartbeat.pid"), String.format("%10d%n", child));
            assertThat(new PidFile(dir.resolve("heartbeat.pid")).runningPid()).isEmpty();
        } finally {
            shell.destroyForcibly();
        }
    }

    @Test
    void theOwnPidFileIsWrittenAsHeartbeatDoesAndRemovedOnlyWhileItNamesThisProcess() throws Exception {
        PidFile pidFile = new PidFile(dir.resolve("heartbeat.pid"));
        pidFile.writeOwn();
        assertThat(Files.readString(dir.resolve("heartbeat.pid")))
                .isEqualTo(String.format("%10d%n", ProcessHandle.current().pid()));
        pidFile.removeOwn();
        assertThat(dir.resolve("heartbeat.pid")).doesNotExist();

        Files.writeString(dir.resolve("heartbeat.pid"), String.format("%10d%n", 1));
        pidFile.removeOwn();
        assertThat(dir.resolve("heartbeat.pid")).exists();
    }
}
