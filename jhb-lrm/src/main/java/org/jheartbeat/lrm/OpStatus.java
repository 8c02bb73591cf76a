package org.jheartbeat.lrm;

/**
 * How an operation ended as the executor saw it, apart from the agent's own code; the numbers
 * are the op-status values of the CIB status section.
 */
public enum OpStatus {
    DONE(0),
    CANCELLED(1),
    TIMEOUT(2),
    NOT_SUPPORTED(3),
    ERROR(4),
    ERROR_HARD(5),
    ERROR_FATAL(6),
    NOT_INSTALLED(7);

    private final int code;

    OpStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
