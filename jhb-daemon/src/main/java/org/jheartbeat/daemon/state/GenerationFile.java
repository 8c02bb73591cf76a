package org.jheartbeat.daemon.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code hb_generation}: a number raised on every start, sent in every packet ({@code hg}) so
 * peers can tell a restart from a replay. Kept as Heartbeat keeps it: decimal, right-aligned in
 * 15 characters and a newline; the first start begins at the current Unix time, so a node whose
 * state directory was wiped still starts above any generation it used before.
 */
public final class GenerationFile {

    private final Path file;

    public GenerationFile(Path stateDir) {
        this.file = stateDir.resolve("hb_generation");
    }

    /** Reads the last generation, writes and returns the next one. */
    public long next(Instant now) throws IOException {
        long previous = read();
        long next = previous <= 0 ? now.getEpochSecond() : previous + 1;
        AtomicFiles.write(file, String.format("%15d%n", next).getBytes(StandardCharsets.US_ASCII));
        return next;
    }

    private long read() throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException(file + ": generation '" + text + "' is not a number; remove the file to start "
                    + "a new generation series from the current time", e);
        }
    }
}
