package org.jheartbeat.daemon.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The daemon's pid file, {@code "%10d\n"} as Heartbeat writes it. It counts as "running" only
 * when its process is a live heartbeat daemon: unlike Heartbeat, a zombie left by kill -9 or an
 * unrelated process that got the pid recycled does not block a restart.
 */
public final class PidFile {

    private static final String DAEMON_MAIN_CLASS = "org.jheartbeat.daemon.HeartbeatMain";

    private final Path file;

    public PidFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** The pid of a running daemon recorded in the file, if any. */
    public Optional<Long> runningPid() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        try {
            long pid = Long.parseLong(text);
            return isLiveDaemon(pid) ? Optional.of(pid) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isLiveDaemon(long pid) throws IOException {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            String stat = Files.readString(proc.resolve("stat"), StandardCharsets.US_ASCII);
            // The state letter follows the command name in parentheses: "Z" is a zombie.
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            String commandLine = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
            return state != 'Z' && commandLine.contains(DAEMON_MAIN_CLASS);
        } catch (NoSuchFileException gone) {
            return false;
        }
    }

    public void writeOwn() throws IOException {
        AtomicFiles.write(file, String.format("%10d%n", ProcessHandle.current().pid())
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** Removes the file if it still names this process (another daemon may have taken over). */
    public void removeOwn() throws IOException {
        if (Files.exists(file) && Files.readString(file, StandardCharsets.US_ASCII).trim()
                .equals(Long.toString(ProcessHandle.current().pid()))) {
            Files.delete(file);
        }
    }
}
