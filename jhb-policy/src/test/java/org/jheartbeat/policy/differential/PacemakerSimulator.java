package org.jheartbeat.policy.differential;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.xml.CibXml;

/**
 * Runs Debian's Pacemaker 2.1.5 {@code crm_simulate -S -x FILE -t NOW} on a CIB: with
 * {@code LC_ALL=C} so that its words are the C locale's, {@code TZ=UTC} for the time, and a
 * throw-away {@code CIB_shadow_dir} because it writes a shadow copy of the CIB there.
 */
public final class PacemakerSimulator {

    public static final Path CRM_SIMULATE = Path.of("/usr/sbin/crm_simulate");
    private static final long TIMEOUT_SECONDS = 60;
    /** Exit statuses above this one mean a signal ended the process (an assertion aborts it). */
    private static final int SIGNALLED = 128;

    private PacemakerSimulator() {
    }

    public static boolean installed() {
        return Files.isExecutable(CRM_SIMULATE);
    }

    public static SchedulerOutcome run(Path cib, Instant now) throws IOException, CibParseException {
        Run run = simulate(cib, now);
        return CrmSimulateOutput.parse(run.stdout(), new ClonePrimitives(CibXml.parse(cib)), run.exitCode() == 0);
    }

    /** Pacemaker itself failed on a valid CIB (a fatal assertion, a crash): there is no answer to compare with. */
    public static final class CrashException extends IOException {
        CrashException(String message) {
            super(message);
        }
    }

    /** What crm_simulate printed and its exit status. */
    public record Run(String stdout, String stderr, int exitCode) {
    }

    /**
     * Runs crm_simulate; fails with its error output when it printed no revised status. It
     * exits with 1, and says "Transition failed" on its error output, when the simulated
     * transition could not run to its end (an action waits for one that cannot run); what it
     * planned and where that left things is still shown.
     */
    public static Run simulate(Path cib, Instant now) throws IOException {
        Path dir = Files.createTempDirectory("crm_simulate-shadow");
        Path stdout = dir.resolve("stdout");
        Path stderr = dir.resolve("stderr");
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(CRM_SIMULATE.toString(), "-S", "-x", cib.toString(),
                    "-t", DateTimeFormatter.ISO_INSTANT.format(now)));
            builder.environment().put("LC_ALL", "C");
            builder.environment().put("TZ", "UTC");
            builder.environment().put("CIB_shadow_dir", dir.toString());
            builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.redirectOutput(stdout.toFile());
            builder.redirectError(stderr.toFile());
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("crm_simulate on " + cib + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            Run run = new Run(Files.readString(stdout), Files.readString(stderr), process.exitValue());
            if (run.exitCode() > SIGNALLED) {
                throw new CrashException("crm_simulate on " + cib + " was killed by signal " + (run.exitCode() - SIGNALLED)
                        + ": " + run.stderr().strip());
            }
            if (!run.stdout().contains("\nRevised Cluster Status:")) {
                throw new IOException("crm_simulate on " + cib + " exited with " + run.exitCode() + ": "
                        + run.stderr().strip());
            }
            return run;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while crm_simulate ran on " + cib, e);
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
