package org.jheartbeat.daemon.ipc;

import org.jheartbeat.client.ipc.IpcErrorCode;

/** A request the daemon will not carry out; the message goes to the client as is. */
public final class IpcRequestException extends RuntimeException {

    private final IpcErrorCode code;

    public IpcRequestException(IpcErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public IpcErrorCode code() {
        return code;
    }
}
