package org.jheartbeat.common.log;

import java.util.List;

/** The syslog facility names accepted in ha.cf and logd.cf ({@code none} is handled by the callers). */
public final class SyslogFacilities {

    public static final List<String> NAMES = List.of("kern", "user", "mail", "daemon", "auth", "syslog", "lpr",
            "news", "uucp", "cron", "authpriv", "ftp", "local0", "local1", "local2", "local3", "local4", "local5",
            "local6", "local7");

    private SyslogFacilities() {
    }

    /** Whether the name is a facility; names are lower case, as in syslog.conf. */
    public static boolean isKnown(String name) {
        return NAMES.contains(name);
    }
}
