package org.jheartbeat.messaging.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jheartbeat.common.log.LogSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonLogSettingsTest {

    @TempDir
    Path dir;

    private HaConfig haCf(String... extra) throws Exception {
        List<String> lines = new ArrayList<>(List.of(extra));
        lines.addAll(List.of("bcast eth0", "node node01", "auto_failback on", "debug 2"));
        return new HaCfParser().parse(TestFiles.write(dir, "ha.cf", lines.toArray(String[]::new)), "node01");
    }

    @Test
    void useLogdTakesLogdCfDestinationsAndIgnoresHaCfOnes() throws Exception {
        LogdConfig logd = new LogdConfig("/l/log", "/l/debug", "local3", "logd", false, 256, 256, 0644, null, null,
                List.of());

        assertThat(DaemonLogSettings.forDaemon(haCf("use_logd on", "logfile /h/log"), logd, "heartbeat"))
                .isEqualTo(new LogSettings("heartbeat", Path.of("/l/log"), Path.of("/l/debug"), "local3", 2, false));
    }

    @Test
    void useLogdWithoutLogdCfUsesLogdDefaults() throws Exception {
        assertThat(DaemonLogSettings.forDaemon(haCf(), null, "heartbeat")).isEqualTo(new LogSettings("heartbeat",
                Path.of("/var/log/ha-log"), Path.of("/var/log/ha-debug"), "daemon", 2, false));
    }

    @Test
    void withoutLogdHaCfDecides() throws Exception {
        HaConfig config = haCf("logfile /h/log", "logfacility none");

        assertThat(DaemonLogSettings.forDaemon(config, LogdConfig.defaults(), "heartbeat"))
                .isEqualTo(new LogSettings("heartbeat", Path.of("/h/log"), null, null, 2, false));
    }
}
