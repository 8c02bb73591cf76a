package org.jheartbeat.cli;

/** Why a tool cannot go on, worded for its user, with the exit status to leave with. */
public final class ToolFailure extends Exception {

    private final int exitCode;

    public ToolFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
