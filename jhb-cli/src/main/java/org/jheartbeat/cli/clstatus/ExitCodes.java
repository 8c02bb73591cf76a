package org.jheartbeat.cli.clstatus;

/** cl_status exit statuses, as Heartbeat 3.0.6's cl_status uses them. */
final class ExitCodes {

    /** Answered; the node, link or client is up. */
    static final int OK = 0;
    /** Answered "no" (stopped, dead, offline), or heartbeat cannot be reached. */
    static final int NO = 1;
    /** Bad command line or unknown node name. */
    static final int USAGE = 11;
    /** A query about a link or client could not be answered. */
    static final int QUERY_FAILED = 13;

    private ExitCodes() {
    }
}
