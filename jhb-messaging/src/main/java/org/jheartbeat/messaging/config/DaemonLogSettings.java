package org.jheartbeat.messaging.config;

import java.nio.file.Path;
import org.jheartbeat.common.log.LogSettings;

/**
 * Chooses the daemon's log destinations as Heartbeat does: with {@code use_logd} on, logd.cf
 * decides (ha.cf's logfile, debugfile and logfacility are ignored); otherwise ha.cf does. We do
 * not run a separate logd process: the daemon writes logd's destinations itself.
 */
public final class DaemonLogSettings {

    private DaemonLogSettings() {
    }

    /**
     * @param config ha.cf
     * @param logd   logd.cf, or null when there is none (logd's defaults apply then)
     * @param entity name at the start of every line, e.g. {@code heartbeat}
     */
    public static LogSettings forDaemon(HaConfig config, LogdConfig logd, String entity) {
        LogDestinations haCf = config.logging();
        if (haCf.useLogd()) {
            LogdConfig effective = logd != null ? logd : LogdConfig.defaults();
            return new LogSettings(entity, path(effective.logfile()), path(effective.debugfile()),
                    effective.logfacility(), config.debug(), false);
        }
        return new LogSettings(entity, path(haCf.logfile()), path(haCf.debugfile()), haCf.logfacility(),
                config.debug(), false);
    }

    private static Path path(String file) {
        return file != null ? Path.of(file) : null;
    }
}
