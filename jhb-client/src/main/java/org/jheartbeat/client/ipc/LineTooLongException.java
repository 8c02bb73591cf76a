package org.jheartbeat.client.ipc;

import java.io.IOException;

/** A peer sent more bytes than allowed without ending the line. */
public final class LineTooLongException extends IOException {

    public LineTooLongException(int limit) {
        super("line longer than " + limit + " bytes");
    }
}
