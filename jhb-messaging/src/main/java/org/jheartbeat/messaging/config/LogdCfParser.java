package org.jheartbeat.messaging.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jheartbeat.common.config.ConfigException;
import org.jheartbeat.common.log.SyslogFacilities;

/** Reads logd.cf; unknown directives and bad values are errors naming file and line. */
public final class LogdCfParser {

    private static final int MAX_ENTITY_LENGTH = 32;

    public LogdConfig parse(Path file) throws ConfigException {
        LogdConfig defaults = LogdConfig.defaults();
        String logfile = defaults.logfile();
        String debugfile = defaults.debugfile();
        String logfacility = defaults.logfacility();
        String entity = defaults.entity();
        boolean useapphbd = defaults.useapphbd();
        int sendqlen = defaults.sendqlen();
        int recvqlen = defaults.recvqlen();
        int logmode = defaults.logmode();
        String syslogprefix = defaults.syslogprefix();
        Boolean syslogmsgfmt = defaults.syslogmsgfmt();
        List<String> warnings = new ArrayList<>();
        for (ConfigLine line : ConfigFileReader.read(file, ConfigFileReader.BLANKS, true)) {
            String value = ConfigValues.single(line, warnings);
            switch (line.directive()) {
                case "logfile" -> logfile = value;
                case "debugfile" -> debugfile = value;
                case "logfacility" -> logfacility = facility(line, value);
                case "entity" -> entity = entity(line, value, warnings);
                case "useapphbd" -> useapphbd = ConfigValues.bool(line, value);
                case "sendqlen" -> sendqlen = ConfigValues.integer(line, value, 1, 1_000_000, "queue length");
                case "recvqlen" -> recvqlen = ConfigValues.integer(line, value, 1, 1_000_000, "queue length");
                case "logmode" -> logmode = mode(line, value);
                case "syslogprefix" -> syslogprefix = value;
                case "syslogmsgfmt" -> syslogmsgfmt = ConfigValues.bool(line, value);
                default -> throw line.error("unknown directive", "Use one of logfile, debugfile, logfacility, entity,"
                        + " useapphbd, sendqlen, recvqlen, logmode, syslogprefix, syslogmsgfmt (case-sensitive)");
            }
        }
        return new LogdConfig(logfile, debugfile, logfacility, entity, useapphbd, sendqlen, recvqlen, logmode,
                syslogprefix, syslogmsgfmt, warnings);
    }

    private static String facility(ConfigLine line, String value) throws ConfigException {
        if (value.equals("none")) {
            return null;
        }
        if (!SyslogFacilities.isKnown(value)) {
            throw line.error("'" + value + "' is not a syslog facility",
                    "Use none or one of: " + String.join(", ", SyslogFacilities.NAMES));
        }
        return value;
    }

    private static String entity(ConfigLine line, String value, List<String> warnings) {
        if (value.length() <= MAX_ENTITY_LENGTH) {
            return value;
        }
        warnings.add(line.warning("is longer than " + MAX_ENTITY_LENGTH + " characters; truncated"));
        return value.substring(0, MAX_ENTITY_LENGTH);
    }

    private static int mode(ConfigLine line, String value) throws ConfigException {
        if (value.matches("0?[0-7]{3}")) {
            return Integer.parseInt(value, 8);
        }
        throw line.error("'" + value + "' is not an octal file mode", "Write it like 0644 or 0600");
    }
}
