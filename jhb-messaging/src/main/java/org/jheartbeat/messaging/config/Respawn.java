package org.jheartbeat.messaging.config;

import java.util.List;

/** {@code respawn USER /ABS/PATH ARGS...}: a child the daemon runs and restarts (unless it exits 100). */
public record Respawn(String user, String path, List<String> arguments) {

    public Respawn {
        arguments = List.copyOf(arguments);
    }
}
