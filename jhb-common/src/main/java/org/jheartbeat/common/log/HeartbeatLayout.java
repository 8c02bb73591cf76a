package org.jheartbeat.common.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Heartbeat's log file line: {@code heartbeat[5112]: 2026/11/25_18:22:13 WARN: node node01: is dead}.
 */
public final class HeartbeatLayout extends LayoutBase<ILoggingEvent> {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy/MM/dd_HH:mm:ss");

    private final String prefix;
    private final DateTimeFormatter timestamp;

    public HeartbeatLayout(String entity, long pid, ZoneId zone) {
        this.prefix = entity + "[" + pid + "]: ";
        this.timestamp = TIMESTAMP.withZone(zone);
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128).append(prefix)
                .append(timestamp.format(Instant.ofEpochMilli(event.getTimeStamp()))).append(' ')
                .append(HeartbeatLevelConverter.word(event)).append(": ")
                .append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        if (event.getThrowableProxy() != null) {
            line.append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        return line.toString();
    }
}
