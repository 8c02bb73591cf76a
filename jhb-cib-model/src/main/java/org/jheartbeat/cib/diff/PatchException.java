package org.jheartbeat.cib.diff;

/** A patch that cannot be applied to the CIB at hand; the message says why and what to do. */
public final class PatchException extends Exception {

    public PatchException(String message) {
        super(message);
    }
}
