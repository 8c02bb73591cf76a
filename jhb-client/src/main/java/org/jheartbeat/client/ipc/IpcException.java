package org.jheartbeat.client.ipc;

/** A request to the local daemon did not produce a result; the message says why and what to do. */
public final class IpcException extends Exception {

    /** What kind of failure, so tools can pick their exit status. */
    public enum Kind {
        /** No socket, or nothing answers on it. */
        NOT_RUNNING,
        /** The socket file or the daemon's credential check refused us. */
        ACCESS_DENIED,
        /** The daemon did not answer in time. */
        TIMEOUT,
        /** The daemon answered something that is not a protocol response. */
        BAD_RESPONSE,
        /** The daemon answered with an error response (other than access denied). */
        REFUSED,
        /** Any other input/output failure. */
        IO
    }

    private final Kind kind;
    private final IpcErrorCode code;

    public IpcException(Kind kind, String message) {
        this(kind, null, message, null);
    }

    public IpcException(Kind kind, IpcErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    /** The daemon's error code when it answered with an error response, else null. */
    public IpcErrorCode code() {
        return code;
    }
}
