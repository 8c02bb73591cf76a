package org.jheartbeat.cib.request;

import java.util.concurrent.CompletionException;
import org.jheartbeat.cib.model.CibErrorCode;

/**
 * A cibadmin command that could not be carried out; nothing was changed. The code is the exit
 * status Pacemaker's cibadmin gives for the same case, so scripts keep working.
 */
public final class CibRequestException extends Exception {

    private final CibErrorCode code;

    public CibRequestException(CibErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public CibErrorCode code() {
        return code;
    }

    /** The refusal inside a failed future's error (unwrapping CompletionException); any other error is ERROR. */
    public static CibRequestException of(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null
                ? error.getCause() : error;
        return cause instanceof CibRequestException refused ? refused : new CibRequestException(CibErrorCode.ERROR,
                String.valueOf(cause.getMessage()));
    }
}
