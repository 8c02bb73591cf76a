package org.jheartbeat.daemon.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The daemon's pid file, {@code "%10d\n"} as Heartbeat writes it. A pid file whose process still
 * exists means heartbeat is already running on this state directory.
 */
public final class PidFile {

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
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public void writeOwn() throws IOException {
        AtomicFiles.write(file, String.format("%10d%n", ProcessHandle.current().pid())
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** Removes the file if it still names this process. */
    public void removeOwn() throws IOException {
        if (runningPid().filter(pid -> pid == ProcessHandle.current().pid()).isPresent()) {
            Files.deleteIfExists(file);
        }
    }
}
