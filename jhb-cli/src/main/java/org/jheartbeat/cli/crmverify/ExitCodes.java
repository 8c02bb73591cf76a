package org.jheartbeat.cli.crmverify;

/**
 * crm_verify exit statuses: Pacemaker's CRM_EX_* codes where Pacemaker's tool uses one. An
 * input that cannot be read or reached leaves with {@link org.jheartbeat.cli.CibSources}'s.
 */
final class ExitCodes {

    /** No errors and no warnings. */
    static final int OK = 0;
    /** The input is not well-formed XML or not a CIB (Pacemaker: "Couldn't parse input"). */
    static final int NOT_PARSED = 1;
    /** Bad command line (CRM_EX_USAGE). */
    static final int USAGE = 64;
    /** Errors or warnings in the configuration (CRM_EX_CONFIG, as Pacemaker 2.1's crm_verify uses it for both). */
    static final int INVALID = 78;

    private ExitCodes() {
    }
}
