package org.jheartbeat.cli.crmsimulate;

/**
 * crm_simulate exit statuses: Pacemaker's CRM_EX_* codes. An input that cannot be read or
 * reached leaves with {@link org.jheartbeat.cli.CibSources}'s (66, 102).
 */
final class ExitCodes {

    static final int OK = 0;
    /** Bad command line: unknown option, bad value, options that do not go together (CRM_EX_USAGE). */
    static final int USAGE = 64;
    /** The input is not well-formed XML or not a CIB (CRM_EX_DATAERR). */
    static final int DATA_ERROR = 65;
    /** The CIB breaks the schema or names ids that are not there (CRM_EX_CONFIG). */
    static final int CONFIG = 78;
    /** An output file (--save-graph and the like) cannot be written (CRM_EX_CANTCREAT). */
    static final int CANNOT_CREATE = 73;
    /** An option names a node or resource the CIB does not have (CRM_EX_NOSUCH). */
    static final int NO_SUCH = 105;

    private ExitCodes() {
    }
}
