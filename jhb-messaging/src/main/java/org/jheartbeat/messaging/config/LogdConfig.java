package org.jheartbeat.messaging.config;

import java.util.List;

/**
 * A parsed logd.cf.
 *
 * @param logfile      normal log file, or null when set to nothing
 * @param debugfile    debug log file (receives normal lines too)
 * @param logfacility  syslog facility, or null when {@code none}
 * @param entity       tag of logd's own lines
 * @param useapphbd    accepted for compatibility, not used
 * @param sendqlen     queue length between reader and writer
 * @param recvqlen     queue length in the writer
 * @param logmode      mode of created log files (e.g. 0644 = 420)
 * @param syslogprefix prefix of messages sent to syslog, or null
 * @param syslogmsgfmt whether file lines use the syslog format, or null when not given
 * @param warnings     warnings, each starting with file:line
 */
public record LogdConfig(String logfile, String debugfile, String logfacility, String entity, boolean useapphbd,
        int sendqlen, int recvqlen, int logmode, String syslogprefix, Boolean syslogmsgfmt, List<String> warnings) {

    public static final String DEFAULT_LOGFILE = "/var/log/ha-log";
    public static final String DEFAULT_DEBUGFILE = "/var/log/ha-debug";

    public LogdConfig {
        warnings = List.copyOf(warnings);
    }

    /** The settings logd uses without a logd.cf. */
    public static LogdConfig defaults() {
        return new LogdConfig(DEFAULT_LOGFILE, DEFAULT_DEBUGFILE, "daemon", "logd", false, 256, 256, 0644, null,
                null, List.of());
    }
}
