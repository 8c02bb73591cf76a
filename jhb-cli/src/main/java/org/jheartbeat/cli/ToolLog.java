package org.jheartbeat.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jheartbeat.common.time.Clock;

/**
 * Error lines on stderr in the format Heartbeat's tools use
 * ({@code Nov 25 21:05:06 node01 cl_status: [4259]: ERROR: text}), so scripts that
 * filter them keep working.
 */
public final class ToolLog {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", Locale.ENGLISH);
    private static final Path HOSTNAME = Path.of("/proc/sys/kernel/hostname");

    private final String entity;
    private final PrintWriter err;
    private final Clock clock;

    public ToolLog(String entity, PrintWriter err, Clock clock) {
        this.entity = entity;
        this.err = err;
        this.clock = clock;
    }

    public void error(String text) {
        err.println(STAMP.format(clock.wallTime().atZone(ZoneId.systemDefault())) + " " + hostName() + " "
                + entity + ": [" + ProcessHandle.current().pid() + "]: ERROR: " + text);
        err.flush();
    }

    private static String hostName() {
        try {
            return Files.readString(HOSTNAME).trim();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
