package org.jheartbeat.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jheartbeat.common.time.SystemClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessAgentLauncherTest {

    @TempDir
    Path dir;

    private ProcessAgentLauncher launcher;

    @BeforeEach
    void setUp() throws IOException {
        launcher = new ProcessAgentLauncher(dir.resolve("work"), 4096, SystemClock.INSTANCE);
    }

    @AfterEach
    void tearDown() {
        launcher.close();
    }

    @Test
    void runsTheProgramDirectlyWithOnlyTheGivenEnvironment() throws Exception {
        Path agent = script("agent", "echo \"argv0=$0 args=$*\"", "env | sort", "echo oops >&2", "exit 7");

        AgentOutcome outcome = run(agent, List.of("monitor"), Map.of("OCF_ROOT", "/usr/lib/ocf"), 10_000);

        assertThat(outcome.status()).isEqualTo(ExecStatus.EXITED);
        assertThat(outcome.exitCode()).isEqualTo(7);
        assertThat(outcome.stdout()).startsWith("argv0=" + agent + " args=monitor\n");
        assertThat(outcome.stdout()).contains("OCF_ROOT=/usr/lib/ocf").doesNotContain("HOME=").doesNotContain("JAVA");
        assertThat(outcome.stderr()).isEqualTo("oops\n");
        assertThat(outcome.truncated()).isFalse();
    }

    @Test
    void theAgentLeadsItsOwnProcessGroup() throws Exception {
        Path agent = script("agent", "cut -d' ' -f5 /proc/$$/stat", "echo $$");

        AgentOutcome outcome = run(agent, List.of(), Map.of("PATH", "/usr/bin:/bin"), 10_000);

        String[] lines = outcome.stdout().split("\n");
        assertThat(lines[0]).isEqualTo(lines[1]);
    }

    @Test
    void aSlowAgentIsKilledAtItsDeadline() throws Exception {
        Path agent = script("slow", "sleep 60");

        AgentOutcome outcome = run(agent, List.of("start"), Map.of(), 300);

        assertThat(outcome.status()).isEqualTo(ExecStatus.TIMED_OUT);
        assertThat(outcome.failure()).contains("timed out after 300 ms");
    }

    @Test
    void anAgentThatIgnoresSigtermAndItsChildrenDieAtTheDeadline() throws Exception {
        Path pids = dir.resolve("pids");
        Path agent = script("stubborn", "trap '' TERM", "sleep 120 &", "echo $! > " + pids, "sleep 120");

        AgentOutcome outcome = run(agent, List.of("stop"), Map.of(), 500);

        assertThat(outcome.status()).isEqualTo(ExecStatus.TIMED_OUT);
        long child = Long.parseLong(Files.readString(pids).trim());
        assertThat(runningAfterASecond(child)).isFalse();
    }

    @Test
    void theRunEndsWhenTheAgentExitsEvenIfAChildStillHoldsItsOutput() throws Exception {
        Path pids = dir.resolve("pids");
        Path agent = script("leaver", "sleep 60 &", "echo $! > " + pids, "echo started", "exit 0");

        AgentOutcome outcome = run(agent, List.of("start"), Map.of(), 30_000);

        long child = Long.parseLong(Files.readString(pids).trim());
        try {
            assertThat(outcome.status()).isEqualTo(ExecStatus.EXITED);
            assertThat(outcome.stdout()).isEqualTo("started\n");
            assertThat(runningAfterASecond(child)).isTrue();
        } finally {
            ProcessHandle.of(child).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aMissingAgentIsNotFoundAndNothingRuns() throws Exception {
        AgentOutcome outcome = run(dir.resolve("nosuch"), List.of("start"), Map.of(), 1000);

        assertThat(outcome.status()).isEqualTo(ExecStatus.NOT_FOUND);
        assertThat(outcome.failure()).contains("nosuch does not exist");
    }

    @Test
    void aDirectoryIsNotFound() throws Exception {
        assertThat(run(dir, List.of("start"), Map.of(), 1000).status()).isEqualTo(ExecStatus.NOT_FOUND);
    }

    @Test
    void aNonExecutableAgentIsRefused() throws Exception {
        Path agent = script("plain", "exit 0");
        Files.setPosixFilePermissions(agent, PosixFilePermissions.fromString("rw-r--r--"));

        AgentOutcome outcome = run(agent, List.of("start"), Map.of(), 1000);

        assertThat(outcome.status()).isEqualTo(ExecStatus.NOT_EXECUTABLE);
        assertThat(outcome.failure()).contains("is not an executable file");
    }

    @Test
    void outputIsCutAtTheCap() throws Exception {
        Path agent = script("chatty", "head -c 100000 /dev/zero | tr '\\0' x");

        AgentOutcome outcome = run(agent, List.of(), Map.of("PATH", "/usr/bin:/bin"), 10_000);

        assertThat(outcome.stdout()).hasSize(4096);
        assertThat(outcome.truncated()).isTrue();
    }

    @Test
    void outputFilesAreRemovedAfterTheRun() throws Exception {
        run(script("agent", "echo hi"), List.of(), Map.of(), 10_000);

        try (var files = Files.list(dir.resolve("work"))) {
            assertThat(files).isEmpty();
        }
    }

    /**
     * Whether the process still runs. A killed orphan can stay a zombie here (PID 1 of a container
     * may not reap), which the JDK reports as alive, so the state is read from /proc.
     */
    private static boolean runningAfterASecond(long pid) throws Exception {
        Thread.sleep(1000);
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return false;
        }
        String text = Files.readString(stat);
        return text.charAt(text.lastIndexOf(')') + 2) != 'Z';
    }

    private AgentOutcome run(Path program, List<String> args, Map<String, String> env, long timeoutMs)
            throws Exception {
        return launcher.launch(new AgentCommand(program, args, env, Duration.ofMillis(timeoutMs)))
                .get(30, TimeUnit.SECONDS);
    }

    private Path script(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + String.join("\n", lines) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
