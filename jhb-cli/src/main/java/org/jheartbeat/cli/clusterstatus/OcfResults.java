package org.jheartbeat.cli.clusterstatus;

/** The words Pacemaker shows for an OCF exit code. */
public final class OcfResults {

    private OcfResults() {
    }

    public static String text(int rc) {
        return switch (rc) {
            case 0 -> "ok";
            case 1 -> "error";
            case 2 -> "invalid parameter";
            case 3 -> "unimplemented feature";
            case 4 -> "insufficient privileges";
            case 5 -> "not installed";
            case 6 -> "not configured";
            case 7 -> "not running";
            case 8 -> "promoted";
            case 9 -> "promoted (failed)";
            case 190 -> "OCF_DEGRADED";
            case 191 -> "promoted (degraded)";
            default -> "unknown";
        };
    }
}
