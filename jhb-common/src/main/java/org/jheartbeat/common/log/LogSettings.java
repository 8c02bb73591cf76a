package org.jheartbeat.common.log;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where and how much the daemon logs.
 *
 * @param entity         name at the start of every line, e.g. {@code heartbeat}
 * @param logfile        receives info and above, or null for none
 * @param debugfile      receives everything, debug lines included, or null for none
 * @param syslogFacility syslog facility name (see {@link SyslogFacilities}), or null for no syslog
 * @param debugLevel     0..255; debug lines exist only above 0
 * @param alsoStderr     copy every line to standard error (before daemonizing, in the foreground)
 */
public record LogSettings(String entity, Path logfile, Path debugfile, String syslogFacility, int debugLevel,
        boolean alsoStderr) {

    /** The entity also goes into Logback patterns (syslog), so it must hold no pattern characters. */
    private static final Pattern ENTITY = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    public LogSettings {
        if (entity == null || !ENTITY.matcher(entity).matches()) {
            throw new IllegalArgumentException("entity must be 1 to 64 letters, digits or _.:- but is: " + entity);
        }
        if (syslogFacility != null && !SyslogFacilities.isKnown(syslogFacility)) {
            throw new IllegalArgumentException("unknown syslog facility " + syslogFacility + "; known: "
                    + SyslogFacilities.NAMES);
        }
        if (debugLevel < 0 || debugLevel > 255) {
            throw new IllegalArgumentException("debug level must be 0..255 but is " + debugLevel);
        }
    }

    public LogSettings withAlsoStderr(boolean copyToStderr) {
        return new LogSettings(entity, logfile, debugfile, syslogFacility, debugLevel, copyToStderr);
    }
}
