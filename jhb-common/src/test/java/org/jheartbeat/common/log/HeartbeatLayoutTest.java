package org.jheartbeat.common.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeartbeatLayoutTest {

    private final LoggerContext context = new LoggerContext();
    private final HeartbeatLayout layout = new HeartbeatLayout("heartbeat", 5112, ZoneOffset.UTC);

    @ParameterizedTest
    @CsvSource({"TRACE, false, debug", "DEBUG, false, debug", "INFO, false, info", "WARN, false, WARN",
        "ERROR, false, ERROR", "ERROR, true, CRIT"})
    void formatsLikeHeartbeat(String levelName, boolean crit, String word) {
        Level level = Level.toLevel(levelName);
        LoggingEvent event = new LoggingEvent("test", context.getLogger("test"), level, "node {}: is dead", null,
                new Object[] {"node01"});
        event.setInstant(Instant.parse("2026-11-25T18:22:13.456Z"));
        if (crit) {
            event.addMarker(HeartbeatLogging.CRIT);
        }

        assertThat(layout.doLayout(event)).isEqualTo("heartbeat[5112]: 2026/11/25_18:22:13 " + word
                + ": node node01: is dead" + System.lineSeparator());
    }
}
