package org.jheartbeat.lrm.agent;

/** The exit codes of cluster-glue's stonith command, by the names operators see in its docs. */
final class PluginCodes {

    private static final String[] NAMES = {
        "S_OK", "S_BADCONFIG (bad configuration)", "S_ACCESS (cannot reach the device)",
        "S_INVAL (invalid argument)", "S_BADHOST (unknown host)", "S_RESETFAIL (reset failed)",
        "S_TIMEOUT (timed out)", "S_ISOFF (outlet is off)", "S_OOPS (unknown device type or other problem)",
    };

    private PluginCodes() {
    }

    static String name(int exitCode) {
        return exitCode >= 0 && exitCode < NAMES.length ? NAMES[exitCode] : "exit code " + exitCode;
    }
}
