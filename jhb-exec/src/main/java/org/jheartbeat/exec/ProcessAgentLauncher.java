package org.jheartbeat.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jheartbeat.common.time.Clock;

/**
 * Runs agents as real processes. Each run is started through util-linux's {@code setsid}, which
 * makes the agent the leader of a new session and process group and then executes it in place
 * (same pid, argv[0] the agent's path), so that at the deadline the whole group can be killed:
 * agents trap SIGTERM and leave helpers behind. Output goes to files rather than pipes, because
 * an agent's background child (IPaddr2's send_arp, a daemon it started) keeps its output open
 * long after the agent exited; the run is over when the agent exits, and the files are read up
 * to the cap then.
 */
public final class ProcessAgentLauncher implements AgentLauncher, AutoCloseable {

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final String SETSID_EXEC_FAILURE = "setsid: failed to execute";

    private final Path workDirectory;
    private final int outputCap;
    private final Clock clock;
    private final ScheduledExecutorService deadlines;
    private final AtomicLong runNumber = new AtomicLong();

    /**
     * @param workDirectory where each run's output files live while it runs (created if missing)
     * @param outputCap bytes kept of each of stdout and stderr
     */
    public ProcessAgentLauncher(Path workDirectory, int outputCap, Clock clock) throws IOException {
        this.workDirectory = Files.createDirectories(workDirectory);
        this.outputCap = outputCap;
        this.clock = clock;
        this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "exec-deadlines");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public CompletableFuture<AgentOutcome> launch(AgentCommand command) {
        Instant started = clock.wallTime();
        ExecStatus unusable = ProgramCheck.of(command.program());
        if (unusable != null) {
            return CompletableFuture.completedFuture(AgentOutcome.notRun(unusable, started,
                    ProgramCheck.describe(unusable, command.program())));
        }
        long run = runNumber.incrementAndGet();
        Path stdout = workDirectory.resolve(run + ".out");
        Path stderr = workDirectory.resolve(run + ".err");
        List<String> argv = new ArrayList<>();
        argv.add(SETSID.toString());
        argv.add("--wait");
        argv.add(command.program().toString());
        argv.addAll(command.arguments());
        ProcessBuilder builder = new ProcessBuilder(argv)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().clear();
        builder.environment().putAll(command.environment());
        long startNanos = clock.monotonicNanos();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            deleteQuietly(stdout, stderr);
            return CompletableFuture.completedFuture(AgentOutcome.notRun(ExecStatus.FAILED_TO_START, started,
                    "cannot start " + command.program() + ": " + e.getMessage()));
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            timedOut.set(true);
            killGroup(process);
        }, command.timeout().toNanos(), TimeUnit.NANOSECONDS);
        return process.onExit().thenApply(p -> {
            deadline.cancel(false);
            Duration runtime = Duration.ofNanos(clock.monotonicNanos() - startNanos);
            CappedOutput out = CappedOutput.read(stdout, outputCap);
            CappedOutput err = CappedOutput.read(stderr, outputCap);
            deleteQuietly(stdout, stderr);
            boolean truncated = out.truncated() || err.truncated();
            if (timedOut.get()) {
                return new AgentOutcome(ExecStatus.TIMED_OUT, p.exitValue(), out.text(), err.text(), truncated,
                        started, runtime, "timed out after " + command.timeout().toMillis() + " ms; process group "
                                + p.pid() + " killed");
            }
            ExecStatus lateFailure = execFailure(p.exitValue(), err.text());
            if (lateFailure != null) {
                return new AgentOutcome(lateFailure, p.exitValue(), out.text(), err.text(), truncated, started,
                        runtime, err.text().strip());
            }
            return new AgentOutcome(ExecStatus.EXITED, p.exitValue(), out.text(), err.text(), truncated, started,
                    runtime, null);
        });
    }

    /** The program changed between the check and the exec: setsid says so in its own words. */
    private static ExecStatus execFailure(int exitCode, String stderr) {
        if (!stderr.startsWith(SETSID_EXEC_FAILURE)) {
            return null;
        }
        return exitCode == 127 ? ExecStatus.NOT_FOUND : ExecStatus.NOT_EXECUTABLE;
    }

    /**
     * SIGKILL to every member of the agent's process group, and to every descendant still known,
     * which catches a child that moved to a group of its own. Both are listed before the leader
     * dies, while they are still its descendants; the JDK cannot signal a group as such.
     */
    private static void killGroup(Process process) {
        List<ProcessHandle> doomed = new ArrayList<>(ProcessGroup.members(process.pid()));
        doomed.addAll(process.descendants().toList());
        process.destroyForcibly();
        doomed.forEach(ProcessHandle::destroyForcibly);
    }

    private static void deleteQuietly(Path... files) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover output file in the work directory harms nothing and is overwritten later
            }
        }
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
    }
}
