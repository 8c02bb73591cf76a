package org.jheartbeat.cib.request;

import java.util.concurrent.CompletionException;

/**
 * A cibadmin command that could not be carried out; nothing was changed. The code is the exit
 * status Pacemaker's cibadmin gives for the same case, so scripts keep working.
 */
public final class CibRequestException extends Exception {

    /** Outcomes with Pacemaker's exit statuses. */
    public enum Code {
        ERROR(1, "Error occurred"),
        USAGE(64, "Incorrect usage"),
        INVALID_INPUT(65, "Invalid data given"),
        NO_INPUT(66, "Input file not available"),
        INVALID_CONFIGURATION(78, "Update does not conform to the configured schema"),
        NOT_CONNECTED(102, "Not connected"),
        OLD_DATA(103, "Update was older than existing configuration"),
        NO_SUCH_OBJECT(105, "No such object"),
        UNSAFE(107, "Operation not safe"),
        ALREADY_EXISTS(108, "Requested item already exists");

        private final int exitStatus;
        private final String text;

        Code(int exitStatus, String text) {
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

    private final Code code;

    public CibRequestException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    /** The refusal inside a failed future's error (unwrapping CompletionException); any other error is ERROR. */
    public static CibRequestException of(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null
                ? error.getCause() : error;
        return cause instanceof CibRequestException refused ? refused : new CibRequestException(Code.ERROR,
                String.valueOf(cause.getMessage()));
    }
}
