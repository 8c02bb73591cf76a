package org.jheartbeat.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jheartbeat.client.Locations;
import picocli.CommandLine.Option;

/** The {@code --config-dir} and {@code --state-dir} options every tool accepts. */
public final class LocationOptions {

    @Option(names = "--config-dir", paramLabel = "DIR",
            description = "Heartbeat configuration directory (default: $HA_CONFIG_DIR, else /etc/ha.d).")
    Path configDir;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Heartbeat state directory holding the daemon's socket (default: $HA_STATE_DIR, else /var/lib/heartbeat).")
    Path stateDir;

    /** These options where given, else the environment's (HA_CONFIG_DIR, HA_STATE_DIR) and the defaults. */
    public Locations resolve(Map<String, String> environment) {
        return Locations.resolve(configDir, stateDir, environment);
    }

    /** These options where given, else those of the enclosing command, else environment and defaults. */
    public Locations resolve(LocationOptions enclosing) {
        return Locations.resolve(configDir != null ? configDir : enclosing.configDir,
                stateDir != null ? stateDir : enclosing.stateDir);
    }

    /** These options, where given, as words for another tool's command line. */
    public void forward(List<String> args) {
        if (configDir != null) {
            args.addAll(List.of("--config-dir", configDir.toString()));
        }
        if (stateDir != null) {
            args.addAll(List.of("--state-dir", stateDir.toString()));
        }
    }
}
