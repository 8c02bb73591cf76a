package org.jheartbeat.daemon.ipc;

/** The IPC socket cannot be set up; the message names the socket and says what to do. */
public final class IpcServerException extends Exception {

    public IpcServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
