package org.jheartbeat.daemon.haresources;

import java.nio.file.Path;
import java.util.List;

/**
 * What haresources comes to: the CIB configuration the daemon installs at start, and what it
 * logs about it.
 *
 * @param file          the haresources file
 * @param configuration {@code <configuration>} without {@code <nodes>}, as XML text
 * @param summary       one line per group and one for auto_failback, for the log
 * @param errors        problems that do not stop the start (a script not installed), for the log
 */
public record HaResourcesPlan(Path file, String configuration, List<String> summary, List<String> errors) {

    public HaResourcesPlan {
        summary = List.copyOf(summary);
        errors = List.copyOf(errors);
    }
}
