package org.jheartbeat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocationsTest {

    @Test
    void optionsWinOverEnvironment() {
        Locations locations = Locations.resolve(Path.of("/opt/conf"), Path.of("/opt/state"),
                Map.of("HA_CONFIG_DIR", "/env/conf", "HA_STATE_DIR", "/env/state"));

        assertThat(locations.configDir()).isEqualTo(Path.of("/opt/conf"));
        assertThat(locations.stateDir()).isEqualTo(Path.of("/opt/state"));
    }

    @Test
    void environmentWinsOverDefaults() {
        Locations locations = Locations.resolve(null, null,
                Map.of("HA_CONFIG_DIR", "/env/conf", "HA_STATE_DIR", "/env/state"));

        assertThat(locations.configDir()).isEqualTo(Path.of("/env/conf"));
        assertThat(locations.socket()).isEqualTo(Path.of("/env/state/heartbeat.sock"));
    }

    @Test
    void heartbeatDefaultsWhenNothingIsGiven() {
        Locations locations = Locations.resolve(null, null, Map.of("HA_CONFIG_DIR", " "));

        assertThat(locations.configDir()).isEqualTo(Path.of("/etc/ha.d"));
        assertThat(locations.socket()).isEqualTo(Path.of("/var/lib/heartbeat/heartbeat.sock"));
        assertThat(locations.pidFile()).isEqualTo(Path.of("/var/lib/heartbeat/heartbeat.pid"));
    }
}
