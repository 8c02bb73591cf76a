package org.jheartbeat.messaging.config;

/**
 * Where ha.cf says to log.
 *
 * @param useLogd      log through logd; then the three destinations below are ignored, as in Heartbeat
 * @param logfile      path of the normal log, or null
 * @param debugfile    path of the debug log, or null
 * @param logfacility  syslog facility, or null for none
 * @param connLogdTime retry interval for reaching logd
 */
public record LogDestinations(boolean useLogd, String logfile, String debugfile, String logfacility,
        TimeValue connLogdTime) {
}
