package org.jheartbeat.client;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the daemon and the tools find their files. Every program resolves the two
 * directories the same way (command-line option, then environment, then the Heartbeat
 * default), so a tool started with the same options or environment as the daemon finds
 * its socket.
 *
 * @param configDir holds ha.cf, authkeys, haresources
 * @param stateDir  holds the IPC socket, the pid file and the node's persistent state
 */
public record Locations(Path configDir, Path stateDir) {

    public static final String CONFIG_DIR_ENV = "HA_CONFIG_DIR";
    public static final String STATE_DIR_ENV = "HA_STATE_DIR";
    public static final Path DEFAULT_CONFIG_DIR = Path.of("/etc/ha.d");
    public static final Path DEFAULT_STATE_DIR = Path.of("/var/lib/heartbeat");

    /**
     * @param configDirOption value of {@code --config-dir}, or null when not given
     * @param stateDirOption  value of {@code --state-dir}, or null when not given
     * @param environment     the process environment (usually {@code System.getenv()})
     */
    public static Locations resolve(Path configDirOption, Path stateDirOption, Map<String, String> environment) {
        return new Locations(
                pick(configDirOption, environment.get(CONFIG_DIR_ENV), DEFAULT_CONFIG_DIR),
                pick(stateDirOption, environment.get(STATE_DIR_ENV), DEFAULT_STATE_DIR));
    }

    /** {@link #resolve(Path, Path, Map)} with this process's environment. */
    public static Locations resolve(Path configDirOption, Path stateDirOption) {
        return resolve(configDirOption, stateDirOption, System.getenv());
    }

    private static Path pick(Path option, String environmentValue, Path fallback) {
        if (option != null) {
            return option;
        }
        if (environmentValue != null && !environmentValue.isBlank()) {
            return Path.of(environmentValue);
        }
        return fallback;
    }

    /** The Unix-domain socket the daemon answers local requests on. */
    /**
     * Where resource agents keep their state (HA_RSCTMP): /run/resource-agents, cleared at boot,
     * for the standard state directory; inside a state directory of its own otherwise (several
     * nodes on one machine, the local demo), so nodes never see each other's files.
     */
    public Path resourceTemp() {
        return stateDir.equals(DEFAULT_STATE_DIR) ? Path.of("/run/resource-agents") : stateDir.resolve("rsctmp");
    }

    public Path socket() {
        return stateDir.resolve("heartbeat.sock");
    }

    /** The daemon's pid file, written by the daemon, read by the init script. */
    public Path pidFile() {
        return stateDir.resolve("heartbeat.pid");
    }

    /** Where the node keeps cib.xml, its digest and its backups. */
    public Path cibDirectory() {
        return stateDir.resolve("cib");
    }
}
