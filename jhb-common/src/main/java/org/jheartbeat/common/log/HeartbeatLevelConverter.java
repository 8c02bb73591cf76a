package org.jheartbeat.common.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %hblevel}: Heartbeat's level word (debug, info, WARN, ERROR, CRIT). */
public final class HeartbeatLevelConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return word(event);
    }

    static String word(ILoggingEvent event) {
        if (isCrit(event)) {
            return "CRIT";
        }
        int level = event.getLevel().toInt();
        if (level >= Level.ERROR_INT) {
            return "ERROR";
        }
        if (level >= Level.WARN_INT) {
            return "WARN";
        }
        return level >= Level.INFO_INT ? "info" : "debug";
    }

    static boolean isCrit(ILoggingEvent event) {
        return event.getMarkerList() != null && event.getMarkerList().stream()
                .anyMatch(marker -> marker.contains(HeartbeatLogging.CRIT));
    }
}
