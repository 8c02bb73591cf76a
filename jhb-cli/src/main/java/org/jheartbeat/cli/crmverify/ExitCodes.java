package org.jheartbeat.cli.crmverify;

/** crm_verify exit statuses: Pacemaker's CRM_EX_* codes where Pacemaker's tool uses one. */
final class ExitCodes {

    /** No errors and no warnings. */
    static final int OK = 0;
    /** The input is not well-formed XML or not a CIB (Pacemaker: "Couldn't parse input"). */
    static final int NOT_PARSED = 1;
    /** Bad command line (CRM_EX_USAGE). */
    static final int USAGE = 64;
    /** The file does not exist or cannot be read (CRM_EX_NOINPUT). */
    static final int NO_INPUT = 66;
    /** Errors or warnings in the configuration (CRM_EX_CONFIG, as Pacemaker 2.1's crm_verify uses it for both). */
    static final int INVALID = 78;
    /** The daemon's CIB cannot be reached (CRM_EX_DISCONNECT). */
    static final int NOT_CONNECTED = 102;

    private ExitCodes() {
    }
}
