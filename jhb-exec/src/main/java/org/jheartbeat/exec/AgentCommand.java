package org.jheartbeat.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One run of an agent program. The program is executed directly (no shell), with the program's
 * own path as argv[0] because agents take their type from {@code basename $0}, and with exactly
 * the given environment: nothing of the daemon's own leaks in.
 */
public record AgentCommand(Path program, List<String> arguments, Map<String, String> environment,
        Duration timeout) {

    public AgentCommand {
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }
}
