package org.jheartbeat.cib.model;

/**
 * Why a CIB command failed, with the exit status and the words Pacemaker's tools use for it
 * (crm_error), so scripts written for cibadmin keep working. One list for the operations, the
 * cibadmin requests and the replies the DC sends.
 */
public enum CibErrorCode {
    ERROR(1, "Error occurred"),
    USAGE(64, "Incorrect usage"),
    INVALID_INPUT(65, "Invalid data given"),
    NO_INPUT(66, "Input file not available"),
    INVALID_CONFIGURATION(78, "Update does not conform to the configured schema"),
    NOT_CONNECTED(102, "Not connected"),
    OLD_DATA(103, "Update was older than existing configuration"),
    NO_SUCH_OBJECT(105, "No such object"),
    BAD_XPATH(105, "Invalid XPath expression"),
    UNSAFE(107, "Operation not safe"),
    ALREADY_EXISTS(108, "Requested item already exists");

    private final int exitStatus;
    private final String text;

    CibErrorCode(int exitStatus, String text) {
        this.exitStatus = exitStatus;
        this.text = text;
    }

    public int exitStatus() {
        return exitStatus;
    }

    /** Pacemaker's words for the outcome, printed after "Call failed: ". */
    public String text() {
        return text;
    }
}
