package org.jheartbeat.cib.verify;

/** How bad a finding is; the names are the words Pacemaker's tools start their lines with. */
public enum Severity {
    /** The cluster will not behave as configured until it is fixed. */
    ERROR("error"),
    /** Probably a mistake; the administrator decides. */
    WARNING("warning");

    private final String word;

    Severity(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
