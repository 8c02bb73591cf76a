package org.jheartbeat.lrm;

/** The OCF exit codes, and how any code an agent returns is brought into them. */
public final class OcfCodes {

    public static final int SUCCESS = 0;
    public static final int ERR_GENERIC = 1;
    public static final int ERR_ARGS = 2;
    public static final int ERR_UNIMPLEMENTED = 3;
    public static final int ERR_PERM = 4;
    public static final int ERR_INSTALLED = 5;
    public static final int ERR_CONFIGURED = 6;
    public static final int NOT_RUNNING = 7;
    public static final int RUNNING_PROMOTED = 8;
    public static final int FAILED_PROMOTED = 9;
    public static final int DEGRADED = 190;
    public static final int DEGRADED_PROMOTED = 191;

    private OcfCodes() {
    }

    /** 0–9 and Pacemaker's two "degraded" codes are kept; anything else is a generic error. */
    public static int normalize(int exitCode) {
        if (exitCode >= SUCCESS && exitCode <= FAILED_PROMOTED || exitCode == DEGRADED
                || exitCode == DEGRADED_PROMOTED) {
            return exitCode;
        }
        return ERR_GENERIC;
    }
}
